// SqliteStore: pupils, opt-outs and the disclosure log.
#include <array>
#include <map>
#include <span>

#include "domain/text.h"
#include "store/pupil_id_ranges.h"
#include "store/blob_text.h"
#include "store/contacts_json.h"
#include "store/sqlite/sqlite_store.h"

namespace steward {

using sqlite::Statement;
using Lock = std::lock_guard<std::recursive_mutex>;

namespace {

constexpr const char* kPupilOrder = " ORDER BY (leaving_date IS NOT NULL), legal_surname COLLATE NOCASE, legal_forename COLLATE NOCASE, id";

std::optional<Date> date_at(Statement& st, int column) {
  return st.is_null(column) ? std::nullopt : Date::parse_iso(st.text(column));
}

// One column of the pupils table and where it goes in a Pupil.
struct PupilColumn {
  const char* name;
  void (*read)(Pupil&, Statement&, int column);
};

template <std::string Pupil::*member>
void read_text(Pupil& p, Statement& st, int i) { st.text_into(i, p.*member); }
template <bool Pupil::*member>
void read_flag(Pupil& p, Statement& st, int i) { p.*member = st.integer(i) != 0; }
template <std::optional<Date> Pupil::*member>
void read_date(Pupil& p, Statement& st, int i) { p.*member = date_at(st, i); }

// Id first, then UPN, then what `parts` asks for.
std::vector<PupilColumn> pupil_columns(const PupilParts& parts) {
  std::vector<PupilColumn> c = {{"id", [](Pupil& p, Statement& st, int i) { p.id = {st.integer(i)}; }},
                                PupilColumn{"upn", read_text<&Pupil::upn>}};
  if (parts.names)
    c.insert(c.end(), {PupilColumn{"legal_surname", read_text<&Pupil::legal_surname>},
                       PupilColumn{"legal_forename", read_text<&Pupil::legal_forename>},
                       PupilColumn{"preferred_surname", read_text<&Pupil::preferred_surname>},
                       PupilColumn{"preferred_forename", read_text<&Pupil::preferred_forename>}});
  if (parts.date_of_birth) c.push_back(PupilColumn{"date_of_birth", read_date<&Pupil::date_of_birth>});
  if (parts.gender) c.push_back(PupilColumn{"gender", read_text<&Pupil::gender>});
  if (parts.school_class)
    c.insert(c.end(), {PupilColumn{"year", read_text<&Pupil::year>}, PupilColumn{"reg_group", read_text<&Pupil::reg_group>}});
  if (parts.needs)
    c.insert(c.end(), {PupilColumn{"sen", read_text<&Pupil::sen>}, PupilColumn{"fsm", read_flag<&Pupil::fsm>},
                       PupilColumn{"pupil_premium", read_flag<&Pupil::pupil_premium>}});
  if (parts.address) c.push_back(PupilColumn{"address", read_text<&Pupil::address>});
  if (parts.contacts)
    c.push_back(PupilColumn{"contacts", [](Pupil& p, Statement& st, int i) { read_contacts_json(st.view(i), p.contacts); }});
  if (parts.roll_dates)
    c.insert(c.end(), {PupilColumn{"entry_date", read_date<&Pupil::entry_date>}, PupilColumn{"leaving_date", read_date<&Pupil::leaving_date>}});
  return c;
}

std::string select_pupils(const std::vector<PupilColumn>& columns) {
  std::string sql = "SELECT ";
  for (const auto& c : columns) sql += std::string(sql.size() > 7 ? ", " : "") + c.name;
  return sql + " FROM pupils ";
}

// Fills `p` from the current row, reusing its strings' buffers.
void read_pupil(const std::vector<PupilColumn>& columns, Statement& st, Pupil& p) {
  for (size_t i = 0; i < columns.size(); ++i) columns[i].read(p, st, static_cast<int>(i));
}

const std::vector<PupilColumn>& all_pupil_columns() {
  static const std::vector<PupilColumn> all = pupil_columns(PupilParts{});
  return all;
}

// A date as ISO text in `buffer`, bound without a copy; NULL when there is none.
void bind_date(Statement& st, const std::optional<Date>& d, std::string& buffer) {
  if (!d) {
    st.bind_null();
    return;
  }
  buffer = d->iso();
  st.bind_static(buffer);
}

}  // namespace

std::vector<Pupil> SqliteStore::pupils_where(const std::string& where, const std::function<void(Statement&)>& bind,
                                             SchoolId school) {
  Lock lock(mutex_);
  std::vector<Pupil> out;
  auto st = db_.prepare(select_pupils(all_pupil_columns()) + where);
  bind(st);
  while (st.step()) {
    read_pupil(all_pupil_columns(), st, out.emplace_back());
    out.back().school = school;
  }
  return out;
}

std::vector<Pupil> SqliteStore::pupils(SchoolId school, bool include_left) {
  return pupils_where(std::string("WHERE school_id = ?") + (include_left ? "" : " AND leaving_date IS NULL") + kPupilOrder,
                      [&](Statement& st) { st.bind(school.value); }, school);
}

// The pupils_school index gives the rows in id order without a sort.
void SqliteStore::for_each_pupil(SchoolId school, bool include_left, const PupilParts& parts,
                                 const std::function<void(const Pupil&)>& fn) {
  Lock lock(mutex_);
  std::string on_roll = include_left ? "" : " AND leaving_date IS NULL";
  auto columns = pupil_columns(parts);
  auto st = db_.prepare(select_pupils(columns) + "WHERE school_id = ?" + on_roll + " ORDER BY id");
  st.bind(school.value);
  Pupil p;
  p.school = school;
  while (st.step()) {
    read_pupil(columns, st, p);
    fn(p);
  }
}

std::int64_t SqliteStore::count_pupils(SchoolId school, bool include_left) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string("SELECT count(*) FROM pupils WHERE school_id = ?") +
                        (include_left ? "" : " AND leaving_date IS NULL"));
  st.bind(school.value).step();
  return st.integer(0);
}

std::optional<Pupil> SqliteStore::pupil(SchoolId school, PupilId id) {
  auto found = pupils_where("WHERE school_id = ? AND id = ?", [&](Statement& st) { st.bind(school.value).bind(id.value); },
                            school);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Pupil> SqliteStore::pupil_by_upn(SchoolId school, std::string_view upn) {
  auto found = pupils_where("WHERE school_id = ? AND upn = ?", [&](Statement& st) { st.bind(school.value).bind(upn); },
                            school);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Pupil> SqliteStore::search_pupils(SchoolId school, std::string_view query, int limit) {
  // The person's % and _ are letters to find, not wildcards.
  std::string like = "%";
  for (char c : trim(query)) {
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += c;
  }
  like += "%";
  const char* match =
      "(upn LIKE ?2 ESCAPE '\\' OR legal_surname LIKE ?2 ESCAPE '\\' OR legal_forename LIKE ?2 ESCAPE '\\' OR preferred_surname LIKE ?2 ESCAPE '\\' OR "
      "preferred_forename LIKE ?2 ESCAPE '\\' OR (legal_forename || ' ' || legal_surname) LIKE ?2 ESCAPE '\\')";
  auto bind = [&](Statement& st) { st.bind(school.value).bind(like); };
  return pupils_where(std::string("WHERE school_id = ?1 AND ") + match + kPupilOrder + " LIMIT " + std::to_string(limit),
                      bind, school);
}

namespace {

// Rows per multi-row statement: a statement's fixed cost (opening cursors, finishing) is paid
// once per chunk instead of once per pupil.
constexpr std::size_t kChunk = 64;

std::string values_rows(std::size_t rows, int columns) {
  std::string one = "(?";
  for (int i = 1; i < columns; ++i) one += ", ?";
  one += ")";
  std::string all;
  for (std::size_t r = 0; r < rows; ++r) all += (r ? ", " : "") + one;
  return all;
}

std::string upsert_pupils_sql(std::size_t rows) {
  return "INSERT INTO pupils (school_id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
         "date_of_birth, gender, year, reg_group, sen, fsm, pupil_premium, address, contacts, entry_date) VALUES " +
         values_rows(rows, 16) +
         " ON CONFLICT (school_id, upn) DO UPDATE SET legal_surname = excluded.legal_surname, "
         "legal_forename = excluded.legal_forename, preferred_surname = excluded.preferred_surname, "
         "preferred_forename = excluded.preferred_forename, date_of_birth = excluded.date_of_birth, "
         "gender = excluded.gender, year = excluded.year, reg_group = excluded.reg_group, sen = excluded.sen, "
         "fsm = excluded.fsm, pupil_premium = excluded.pupil_premium, address = excluded.address, "
         "contacts = excluded.contacts, entry_date = COALESCE(excluded.entry_date, pupils.entry_date), "
         "leaving_date = NULL";
}

}  // namespace

// kChunk pupils per statement, each chunk's contacts and dates encoded into buffers that stay
// put until the statement has run, so the text is bound without copies.
void SqliteStore::save_pupils(SchoolId school, std::span<const Pupil> pupils) {
  Lock lock(mutex_);
  std::map<std::size_t, Statement> by_rows;
  std::array<std::string, kChunk> contacts, born, entered;
  for (std::size_t first = 0; first < pupils.size(); first += kChunk) {
    auto chunk = pupils.subspan(first, std::min(kChunk, pupils.size() - first));
    auto found = by_rows.find(chunk.size());
    if (found == by_rows.end()) found = by_rows.try_emplace(chunk.size(), db_.handle(), upsert_pupils_sql(chunk.size())).first;
    Statement& up = found->second;
    up.reset();
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const Pupil& p = chunk[i];
      contacts[i].clear();
      append_contacts_json(contacts[i], p.contacts);
      up.bind(school.value).bind_static(p.upn).bind_static(p.legal_surname).bind_static(p.legal_forename)
          .bind_static(p.preferred_surname).bind_static(p.preferred_forename);
      bind_date(up, p.date_of_birth, born[i]);
      up.bind_static(p.gender).bind_static(p.year).bind_static(p.reg_group).bind_static(p.sen).bind(p.fsm ? 1 : 0)
          .bind(p.pupil_premium ? 1 : 0).bind_static(p.address).bind_static(contacts[i]);
      bind_date(up, p.entry_date, entered[i]);
    }
    up.run();
  }
}

void SqliteStore::mark_pupils_left(SchoolId school, const std::vector<PupilId>& ids, const Date& on) {
  Lock lock(mutex_);
  auto st = db_.prepare("UPDATE pupils SET leaving_date = ? WHERE school_id = ? AND id = ?");
  for (auto id : ids) {
    st.reset();
    st.bind(on.iso()).bind(school.value).bind(id.value).run();
  }
}

// ---- opt-outs

namespace {
constexpr const char* kOptOutColumns =
    "SELECT id, pupil_id, service_id, decided_by, relationship, received_on, method, evidence_name, evidence_type, "
    "alternative, recorded_by, recorded_at, withdrawn_at, withdrawn_by, withdrawn_reason, ";

OptOut read_opt_out(Statement& st, SchoolId school) {
  OptOut o;
  o.id = {st.integer(0)};
  o.school = school;
  o.pupil = {st.integer(1)};
  o.service = {st.integer(2)};
  o.decided_by = st.text(3);
  o.relationship = st.text(4);
  o.received_on = Date::parse_iso(st.text(5)).value_or(Date{});
  o.method = parse_opt_out_method(st.text(6)).value_or(OptOutMethod::Letter);
  if (!st.text(7).empty()) o.evidence = Evidence{st.text(7), st.text(8), from_base64(st.text(15))};
  o.alternative = st.text(9);
  o.recorded_by = st.text(10);
  o.recorded_at = st.text(11);
  o.withdrawn_at = st.text(12);
  o.withdrawn_by = st.text(13);
  o.withdrawn_reason = st.text(14);
  return o;
}
}  // namespace

OptOutId SqliteStore::create_opt_out(const OptOut& o) {
  Lock lock(mutex_);
  db_.prepare(
         "INSERT INTO opt_outs (school_id, pupil_id, service_id, decided_by, relationship, received_on, method, "
         "evidence_name, evidence_type, evidence, alternative, recorded_by, recorded_at) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(o.school.value).bind(o.pupil.value).bind(o.service.value).bind(o.decided_by).bind(o.relationship)
      .bind(o.received_on.iso()).bind(opt_out_method_slug(o.method)).bind(o.evidence ? o.evidence->filename : "")
      .bind(o.evidence ? o.evidence->content_type : "").bind(o.evidence ? to_base64(o.evidence->bytes) : "")
      .bind(o.alternative).bind(o.recorded_by).bind(o.recorded_at)
      .run();
  return {db_.last_insert_id()};
}

void SqliteStore::withdraw_opt_out(SchoolId school, OptOutId id, std::string_view by, std::string_view at,
                                   std::string_view reason) {
  Lock lock(mutex_);
  db_.prepare("UPDATE opt_outs SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? WHERE school_id = ? AND id = ?")
      .bind(at).bind(by).bind(reason).bind(school.value).bind(id.value).run();
}

std::vector<OptOut> SqliteStore::opt_outs(SchoolId school, std::optional<PupilId> pupil, std::optional<ServiceId> service) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kOptOutColumns) +
                        "'' FROM opt_outs WHERE school_id = ?1 AND (?2 = 0 OR pupil_id = ?2) AND (?3 = 0 OR service_id = ?3) "
                        "ORDER BY received_on DESC, id DESC");
  st.bind(school.value).bind(pupil ? pupil->value : 0).bind(service ? service->value : 0);
  std::vector<OptOut> out;
  while (st.step()) {
    out.push_back(read_opt_out(st, school));
    if (out.back().evidence) out.back().evidence->bytes.clear();
  }
  return out;
}

std::optional<OptOut> SqliteStore::opt_out(SchoolId school, OptOutId id) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kOptOutColumns) + "evidence FROM opt_outs WHERE school_id = ? AND id = ?");
  st.bind(school.value).bind(id.value);
  if (!st.step()) return std::nullopt;
  return read_opt_out(st, school);
}

// ---- disclosures

DisclosureId SqliteStore::create_disclosure(const Disclosure& d, const std::vector<PupilId>& pupils) {
  Lock lock(mutex_);
  db_.prepare(
         "INSERT INTO disclosures (school_id, service_id, at, actor, format, fields, pupil_count, sha256, pupil_ids) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind(d.school.value).bind(d.service.value).bind(d.at).bind(d.actor).bind(d.format).bind(d.fields)
      .bind(d.pupil_count).bind(d.sha256).bind(encode_pupil_ids(pupils))
      .run();
  return {db_.last_insert_id()};
}

std::vector<Disclosure> SqliteStore::disclosures(SchoolId school, std::optional<ServiceId> service,
                                                 std::optional<PupilId> pupil) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT d.id, d.service_id, s.name, d.at, d.actor, d.format, d.fields, d.pupil_count, d.sha256, "
      "CASE WHEN ?3 = 0 THEN '' ELSE d.pupil_ids END "
      "FROM disclosures d JOIN services s ON s.id = d.service_id WHERE d.school_id = ?1 "
      "AND (?2 = 0 OR d.service_id = ?2) ORDER BY d.id DESC");
  st.bind(school.value).bind(service ? service->value : 0).bind(pupil ? pupil->value : 0);
  std::vector<Disclosure> out;
  while (st.step()) {
    if (pupil && !id_ranges_contain(st.text(9), pupil->value)) continue;
    out.push_back({{st.integer(0)}, school, {st.integer(1)}, st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                   st.integer(7), st.text(8)});
  }
  return out;
}

std::vector<PupilId> SqliteStore::disclosed_pupils(SchoolId school, DisclosureId id) {
  Lock lock(mutex_);
  auto st = db_.prepare("SELECT pupil_ids FROM disclosures WHERE school_id = ? AND id = ?");
  st.bind(school.value).bind(id.value);
  if (!st.step()) return {};
  return decode_pupil_ids(st.text(0));
}

}  // namespace steward
