#include "io/mis_csv_reader.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "domain/address.h"
#include "domain/error.h"
#include "domain/pupil_codes.h"
#include "domain/text.h"
#include "domain/upn.h"
#include "io/csv.h"
#include "io/mis_csv_columns.h"

namespace steward {
namespace {

struct Column {
  size_t index = 0;    // position in each record
  std::string header;  // as the file writes it, so problems name the column the office sees
  MisColumn what;
};

// Two columns fill the same slot when they name the same field of the same contact; a contact's
// phone columns never do, since each adds a number.
bool same_slot(const MisColumn& a, const MisColumn& b) {
  return a.field == b.field && a.contact == b.contact && a.part == b.part && a.field != MisField::ContactPhone;
}

// The most specific column for each field, and every phone column, in file order.
std::vector<Column> choose_columns(const CsvRow& header) {
  std::vector<Column> chosen;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    auto what = recognise_mis_column(header.fields[i]);
    if (!what) continue;
    Column column{i, std::string(trim(header.fields[i])), *what};
    auto same = std::find_if(chosen.begin(), chosen.end(), [&](const Column& c) { return same_slot(c.what, *what); });
    if (same == chosen.end())
      chosen.push_back(std::move(column));
    else if (what->rank < same->what.rank)
      *same = std::move(column);
  }
  return chosen;
}

bool has(const std::vector<Column>& columns, MisField field) {
  return std::any_of(columns.begin(), columns.end(), [&](const Column& c) { return c.what.field == field; });
}

std::string recognised_list(const std::vector<Column>& columns) {
  if (columns.empty()) return "Steward recognised none of the columns";
  std::vector<std::string> names;
  for (const auto& c : columns) names.push_back(c.header);
  return "the columns Steward recognised are: " + join(names, ", ");
}

void require_columns(const CsvRow& header, const std::vector<Column>& columns) {
  std::vector<std::string> missing;
  if (!has(columns, MisField::Upn)) missing.emplace_back("no UPN column");
  if (!has(columns, MisField::LegalSurname))
    missing.emplace_back("no surname column (call it Legal Surname, Surname or Last Name)");
  if (!has(columns, MisField::LegalForename))
    missing.emplace_back("no forename column (call it Legal Forename, Forename or First Name)");
  if (missing.empty()) return;
  throw Error::invalid("line " + std::to_string(header.line),
                       "the header row has " + join(missing, " and ") + "; " + recognised_list(columns));
}

std::optional<bool> yes_no(std::string_view value) {
  static constexpr std::string_view kYes[] = {"y", "yes", "true", "1"};
  static constexpr std::string_view kNo[] = {"", "n", "no", "false", "0"};
  for (auto y : kYes)
    if (iequals(value, y)) return true;
  for (auto n : kNo)
    if (iequals(value, n)) return false;
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "04/05/2016" → {"04", "05", "2016"}: day, month and a four-digit year split by / - or .
std::optional<std::array<std::string_view, 3>> uk_date_parts(std::string_view s) {
  std::array<std::string_view, 3> parts;
  for (size_t i = 0; i < 3; ++i) {
    size_t end = i < 2 ? s.find_first_of("/-.") : s.size();
    if (end == std::string_view::npos) return std::nullopt;
    parts[i] = s.substr(0, end);
    s.remove_prefix(i < 2 ? end + 1 : end);
  }
  bool shaped = all_digits(parts[0]) && parts[0].size() <= 2 && all_digits(parts[1]) && parts[1].size() <= 2 &&
                all_digits(parts[2]) && parts[2].size() == 4;
  if (!shaped) return std::nullopt;
  return parts;
}

// Spreadsheets often add a time to a date ("04/05/2016 00:00:00"); the date is what counts.
std::string_view without_time(std::string_view s) {
  size_t cut = s.find_first_of(" T");
  return cut == std::string_view::npos ? s : s.substr(0, cut);
}

// The date, or why it is not one.
std::optional<Date> mis_date(std::string_view text, std::string& why) {
  std::string_view s = without_time(text);
  if (auto d = Date::parse_iso(s)) return d;
  bool iso_shaped = s.size() == 10 && s[4] == '-' && s[7] == '-';
  auto uk = uk_date_parts(s);
  if (uk)
    if (auto d = Date::from_parts((*uk)[0], (*uk)[1], (*uk)[2])) return d;
  why = (uk || iso_shaped) ? "there is no such date" : "not a date: write it as DD/MM/YYYY or YYYY-MM-DD";
  return std::nullopt;
}

std::string_view value_at(const CsvRow& row, size_t index) {
  return index < row.fields.size() ? trim(row.fields[index]) : std::string_view();
}

bool blank_row(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(), [](std::string_view f) { return trim(f).empty(); });
}

bool is_title(std::string_view word) {
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev", "sir", "lady"};
  return std::any_of(std::begin(kTitles), std::end(kTitles), [&](std::string_view t) { return iequals(word, t); });
}

// "Mrs Jane Smith" → Mrs / Jane / Smith; "Smith, Jane" → Jane / Smith. A surname of two words
// ("Jane Van Dyke") cannot be told from a middle name, so the last word is taken as the surname.
void split_name(std::string_view name, Contact& contact) {
  if (auto comma = name.find(','); comma != std::string_view::npos) {
    contact.surname = trim(name.substr(0, comma));
    contact.forename = trim(name.substr(comma + 1));
    return;
  }
  if (auto space = name.find(' '); space != std::string_view::npos && is_title(name.substr(0, space))) {
    if (contact.title.empty()) contact.title = name.substr(0, space);
    name = trim(name.substr(space + 1));
  }
  auto last = name.rfind(' ');
  if (last == std::string_view::npos) {
    contact.surname = name;
    return;
  }
  contact.forename = trim(name.substr(0, last));
  contact.surname = name.substr(last + 1);
}

struct ContactDraft {
  Contact contact;
  std::string name;  // from a single name column, split once the row is read
};

// Nothing to contact anyone by: every column was blank, or held only a value that was refused.
bool empty_contact(const ContactDraft& d) {
  const Contact& c = d.contact;
  return d.name.empty() && c.title.empty() && c.forename.empty() && c.surname.empty() && c.relationship.empty() &&
         c.email.empty() && c.phones.empty() && c.address.empty();
}

// Reads data rows into pupils, noting what is wrong with each. One reader serves the whole file,
// and its pupil and drafts are cleared, not remade, from row to row: their strings keep their
// buffers, so a steady file allocates next to nothing per row.
class RowReader {
 public:
  RowReader(const std::vector<Column>& columns, std::vector<ImportProblem>& problems)
      : columns_(columns), problems_(problems) {}

  // The pupil stays the reader's: valid until the next read.
  Pupil& read(const CsvRow& row) {
    row_ = &row;
    clear_pupil();
    address_ = {};
    for (size_t n = 1; n < contacts_.size(); ++n)
      if (touched_ & (1u << n)) clear_draft(contacts_[n]);
    touched_ = 0;
    for (const auto& column : columns_) set(column, value_at(row, column.index));
    address_line_into(address_, pupil_.address);
    finish_contacts();
    for (const auto& column : columns_) require(column);
    return pupil_;
  }

 private:
  void clear_pupil() {
    for (auto* s : {&pupil_.upn, &pupil_.legal_surname, &pupil_.legal_forename, &pupil_.preferred_surname,
                    &pupil_.preferred_forename, &pupil_.gender, &pupil_.year, &pupil_.reg_group, &pupil_.sen})
      s->clear();
    pupil_.date_of_birth.reset();
    pupil_.entry_date.reset();
    pupil_.leaving_date.reset();
    pupil_.fsm = pupil_.pupil_premium = false;
    pupil_.id = {};  // the importer may have set it for the pupil before
    pupil_.school = {};
  }

  static void clear_draft(ContactDraft& d) {
    Contact& c = d.contact;
    for (auto* s : {&d.name, &c.title, &c.forename, &c.surname, &c.relationship, &c.email, &c.address}) s->clear();
    c.phones.clear();
    c.parental_responsibility = false;
  }

  void problem(const Column& column, std::string_view value, std::string why) {
    problems_.push_back({row_->line, column.header, std::string(value), std::move(why)});
  }

  void set(const Column& column, std::string_view value) {
    if (column.what.contact > 0) return set_contact(column, value);
    switch (column.what.field) {
      case MisField::Upn: return set_upn(column, value);
      case MisField::LegalSurname: pupil_.legal_surname = value; return;
      case MisField::LegalForename: pupil_.legal_forename = value; return;
      case MisField::PreferredSurname: pupil_.preferred_surname = value; return;
      case MisField::PreferredForename: pupil_.preferred_forename = value; return;
      case MisField::DateOfBirth: return set_date_of_birth(column, value);
      case MisField::Gender: return set_gender(column, value);
      case MisField::Year: return set_year(column, value);
      case MisField::RegGroup: pupil_.reg_group = value; return;
      case MisField::Sen: return set_sen(column, value);
      case MisField::Fsm: return set_flag(column, value, pupil_.fsm);
      case MisField::PupilPremium: return set_flag(column, value, pupil_.pupil_premium);
      case MisField::AddressPart: address_[static_cast<size_t>(column.what.part)] = value; return;
      default: return;
    }
  }

  void set_upn(const Column& column, std::string_view value) {
    if (value.empty()) return;  // reported by require()
    if (auto why = upn_problem(value)) return problem(column, value, *why);
    pupil_.upn = value;
  }

  void set_date_of_birth(const Column& column, std::string_view value) {
    if (value.empty()) return;
    std::string why;
    if (auto date = mis_date(value, why)) {
      pupil_.date_of_birth = date;
      return;
    }
    problem(column, value, why);
  }

  void set_gender(const Column& column, std::string_view value) {
    if (auto code = normalise_gender(value)) {
      pupil_.gender = *code;
      return;
    }
    problem(column, value, "not a gender Steward knows: use Male or Female (M or F), Unknown (U) or Other (X)");
  }

  void set_year(const Column& column, std::string_view value) {
    if (auto year = normalise_nc_year(value)) {
      pupil_.year = *year;
      return;
    }
    problem(column, value, "not a national curriculum year: use N1, N2, R (reception), 1 to 14, or X");
  }

  void set_sen(const Column& column, std::string_view value) {
    if (auto code = normalise_sen_provision(value)) {
      pupil_.sen = *code;
      return;
    }
    problem(column, value, "not a SEN provision: use N (no special educational need), K (SEN support) or E (EHC plan)");
  }

  void set_flag(const Column& column, std::string_view value, bool& flag) {
    if (auto yes = yes_no(value)) {
      flag = *yes;
      return;
    }
    problem(column, value, "not a yes or no: use Yes or No (Y, N, True, False, 1 or 0 also work)");
  }

  void set_contact(const Column& column, std::string_view value) {
    if (value.empty()) return;
    touched_ |= 1u << column.what.contact;
    ContactDraft& draft = contacts_[static_cast<size_t>(column.what.contact)];
    Contact& c = draft.contact;
    switch (column.what.field) {
      case MisField::ContactName: draft.name = value; return;
      case MisField::ContactTitle: c.title = value; return;
      case MisField::ContactForename: c.forename = value; return;
      case MisField::ContactSurname: c.surname = value; return;
      case MisField::ContactRelationship: c.relationship = value; return;
      case MisField::ContactResponsibility: return set_flag(column, value, c.parental_responsibility);
      case MisField::ContactPhone: c.phones.emplace_back(value); return;
      case MisField::ContactAddress: c.address = address_line(std::span(&value, 1)); return;
      case MisField::ContactEmail:
        if (is_email(value))
          c.email = value;
        else
          problem(column, value, "not an email address, so it was left out");
        return;
      default: return;
    }
  }

  // Contacts keep their numbers as their order; a contact with nothing to go on is left out.
  void finish_contacts() {
    std::size_t used = 0;
    for (size_t n = 1; n < contacts_.size(); ++n) {
      ContactDraft& draft = contacts_[n];
      if (!(touched_ & (1u << n)) || empty_contact(draft)) continue;
      if (!draft.name.empty() && draft.contact.forename.empty() && draft.contact.surname.empty())
        split_name(draft.name, draft.contact);
      draft.contact.order = static_cast<int>(n);
      if (used == pupil_.contacts.size()) pupil_.contacts.emplace_back();
      pupil_.contacts[used++] = draft.contact;
    }
    pupil_.contacts.resize(used);
  }

  void require(const Column& column) {
    auto missing = [&](const std::string& value, const char* what) {
      if (value.empty() && value_at(*row_, column.index).empty())
        problem(column, "", std::string("missing: every pupil needs ") + what);
    };
    if (column.what.field == MisField::Upn) missing(pupil_.upn, "a UPN");
    if (column.what.field == MisField::LegalSurname) missing(pupil_.legal_surname, "a legal surname");
    if (column.what.field == MisField::LegalForename) missing(pupil_.legal_forename, "a legal forename");
  }

  const std::vector<Column>& columns_;
  std::vector<ImportProblem>& problems_;
  const CsvRow* row_ = nullptr;
  Pupil pupil_;
  std::array<std::string_view, kAddressPartCount> address_;  // views of the row
  std::array<ContactDraft, kMaxMisContacts + 1> contacts_;  // [0] unused: contacts count from 1
  unsigned touched_ = 0;  // bit n: contact n has a value in this row, so its draft needs clearing
};

}  // namespace

void read_mis_csv(std::string_view text, const std::function<void(Pupil&&, int line)>& on_pupil,
                  std::vector<ImportProblem>& problems) {
  // One record at a time: the header chooses the columns, every other record is a pupil.
  std::vector<Column> columns;
  std::optional<RowReader> reader;
  for_each_csv_row(text, [&](const CsvRow& row) {
    if (!reader) {
      columns = choose_columns(row);
      require_columns(row, columns);
      reader.emplace(columns, problems);
      return;
    }
    if (blank_row(row)) return;
    on_pupil(std::move(reader->read(row)), row.line);
  });
  if (!reader)
    throw Error::invalid("line 1",
                         "the file is empty: it needs a header row naming the columns, such as UPN, "
                         "Legal Surname, Legal Forename, then a row for each pupil");
}

}  // namespace steward
