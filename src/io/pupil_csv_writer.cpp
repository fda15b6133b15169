#include "io/pupil_csv_writer.h"

#include <algorithm>
#include <string_view>

namespace steward {
namespace {

// The same quoting rule as csv_field (csv.cpp), appending in place instead of returning a string.
bool needs_quotes(std::string_view v) {
  if (v.empty()) return false;
  if (v.front() == ' ' || v.back() == ' ') return true;
  for (char c : v)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void append_field(std::string& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out.append(v);
    return;
  }
  out += '"';
  size_t start = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '"') {
      out.append(v.substr(start, i + 1 - start));  // up to and including the quote ...
      start = i;                                    // ... which is written again: ""
    }
  }
  out.append(v.substr(start));
  out += '"';
}

void append_date(std::string& out, const std::optional<Date>& d) {
  if (d) out += d->iso();  // ten characters: no allocation
}

const std::string& go_by(const std::string& preferred, const std::string& legal) {
  return preferred.empty() ? legal : preferred;
}

// Calls fn(contact) for each contact in Contact::order (stable for equal orders). MIS imports
// keep them in order already, so the common case walks the vector without allocating.
template <class Fn>
void for_each_contact(const Pupil& p, Fn fn) {
  const auto& cs = p.contacts;
  auto by_order = [](const Contact& a, const Contact& b) { return a.order < b.order; };
  if (std::is_sorted(cs.begin(), cs.end(), by_order)) {
    for (const auto& c : cs) fn(c);
    return;
  }
  std::vector<const Contact*> sorted;
  sorted.reserve(cs.size());
  for (const auto& c : cs) sorted.push_back(&c);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Contact* a, const Contact* b) { return a->order < b->order; });
  for (const Contact* c : sorted) fn(*c);
}

// Builds a "; "-joined contact value in a per-thread buffer (no allocation once it has grown),
// then appends it as one field.
class Joined {
 public:
  Joined() { buf().clear(); }
  void add(std::string_view v) {
    if (v.empty()) return;
    if (!buf().empty()) buf().append("; ");
    buf().append(v);
  }
  // "Forename Surname", either part may be missing.
  void add_name(std::string_view forename, std::string_view surname) {
    if (forename.empty() && surname.empty()) return;
    if (!buf().empty()) buf().append("; ");
    buf().append(forename);
    if (!forename.empty() && !surname.empty()) buf() += ' ';
    buf().append(surname);
  }
  void append_to(std::string& out) const { append_field(out, buf()); }

 private:
  static std::string& buf() {
    thread_local std::string b;
    return b;
  }
};

void append_value(std::string& out, ExportField f, const Pupil& p) {
  switch (f) {
    case ExportField::Forename: append_field(out, go_by(p.preferred_forename, p.legal_forename)); return;
    case ExportField::Surname: append_field(out, go_by(p.preferred_surname, p.legal_surname)); return;
    case ExportField::Upn: append_field(out, p.upn); return;
    case ExportField::DateOfBirth: append_date(out, p.date_of_birth); return;
    case ExportField::Gender: append_field(out, p.gender); return;
    case ExportField::Year: append_field(out, p.year); return;
    case ExportField::RegGroup: append_field(out, p.reg_group); return;
    case ExportField::Sen: append_field(out, p.sen); return;
    case ExportField::Fsm: out += p.fsm ? 'Y' : 'N'; return;
    case ExportField::PupilPremium: out += p.pupil_premium ? 'Y' : 'N'; return;
    case ExportField::ContactNames: {
      Joined j;
      for_each_contact(p, [&](const Contact& c) { j.add_name(c.forename, c.surname); });
      j.append_to(out);
      return;
    }
    case ExportField::ContactEmails: {
      Joined j;
      for_each_contact(p, [&](const Contact& c) { j.add(c.email); });
      j.append_to(out);
      return;
    }
    case ExportField::ContactPhones: {
      Joined j;
      for_each_contact(p, [&](const Contact& c) {
        for (const auto& phone : c.phones) j.add(phone);
      });
      j.append_to(out);
      return;
    }
    case ExportField::Address: append_field(out, p.address); return;
  }
}

}  // namespace

void append_pupil_csv_header(std::string& out, const std::vector<ExportField>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    append_field(out, export_field_column(fields[i]));
  }
  out.append("\r\n");
}

void append_pupil_csv_row(std::string& out, const std::vector<ExportField>& fields, const Pupil& p) {
  size_t start = out.size();
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    append_value(out, fields[i], p);
  }
  // A one-column row with an empty value would be a blank line, which readers skip.
  if (fields.size() == 1 && out.size() == start) out.append("\"\"");
  out.append("\r\n");
}

std::string write_pupil_csv(const std::vector<ExportField>& fields, const std::vector<Pupil>& pupils) {
  std::string out;
  out.reserve(32 + pupils.size() * (fields.size() * 16 + 2));
  append_pupil_csv_header(out, fields);
  for (const auto& p : pupils) append_pupil_csv_row(out, fields, p);
  return out;
}

}  // namespace steward
