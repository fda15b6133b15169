// SqliteStore: pupils, opt-outs and the disclosure log.
#include <map>

#include "domain/text.h"
#include "store/blob_text.h"
#include "store/sqlite/sqlite_store.h"

namespace steward {

using sqlite::Statement;
using Lock = std::lock_guard<std::recursive_mutex>;

namespace {

constexpr const char* kPupilColumns =
    "SELECT id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, date_of_birth, gender, "
    "year, reg_group, sen, fsm, pupil_premium, address, entry_date, leaving_date FROM pupils ";
constexpr const char* kPupilOrder = " ORDER BY (leaving_date IS NOT NULL), legal_surname COLLATE NOCASE, legal_forename COLLATE NOCASE, id";

std::optional<Date> date_at(Statement& st, int column) {
  return st.is_null(column) ? std::nullopt : Date::parse_iso(st.text(column));
}

Pupil read_pupil(Statement& st, SchoolId school) {
  Pupil p;
  p.id = {st.integer(0)};
  p.school = school;
  p.upn = st.text(1);
  p.legal_surname = st.text(2);
  p.legal_forename = st.text(3);
  p.preferred_surname = st.text(4);
  p.preferred_forename = st.text(5);
  p.date_of_birth = date_at(st, 6);
  p.gender = st.text(7);
  p.year = st.text(8);
  p.reg_group = st.text(9);
  p.sen = st.text(10);
  p.fsm = st.integer(11) != 0;
  p.pupil_premium = st.integer(12) != 0;
  p.address = st.text(13);
  p.entry_date = date_at(st, 14);
  p.leaving_date = date_at(st, 15);
  return p;
}

std::optional<std::string> iso_or_null(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

}  // namespace

std::vector<Pupil> SqliteStore::pupils_where(const std::string& where, const std::function<void(Statement&)>& bind,
                                             SchoolId school, const std::string& contacts_where) {
  Lock lock(mutex_);
  std::vector<Pupil> out;
  std::map<std::int64_t, size_t> index;
  auto st = db_.prepare(std::string(kPupilColumns) + where);
  bind(st);
  while (st.step()) {
    out.push_back(read_pupil(st, school));
    index[out.back().id.value] = out.size() - 1;
  }
  if (out.empty()) return out;
  auto c = db_.prepare(
      "SELECT c.pupil_id, c.position, c.title, c.forename, c.surname, c.relationship, c.responsibility, c.email, "
      "c.phones, c.address FROM pupil_contacts c " +
      contacts_where + " ORDER BY c.pupil_id, c.position");
  bind(c);
  while (c.step()) {
    auto it = index.find(c.integer(0));
    if (it == index.end()) continue;
    out[it->second].contacts.push_back({static_cast<int>(c.integer(1)), c.text(2), c.text(3), c.text(4), c.text(5),
                                        c.integer(6) != 0, c.text(7), split_list(c.text(8), ';'), c.text(9)});
  }
  return out;
}

std::vector<Pupil> SqliteStore::pupils(SchoolId school, bool include_left) {
  return pupils_where(std::string("WHERE school_id = ?") + (include_left ? "" : " AND leaving_date IS NULL") + kPupilOrder,
                      [&](Statement& st) { st.bind(school.value); }, school,
                      "JOIN pupils p ON p.id = c.pupil_id WHERE p.school_id = ?");
}

// Two cursors in the same order, walked together: each pupil row, then its contact rows.
void SqliteStore::for_each_pupil(SchoolId school, bool include_left, bool with_contacts,
                                 const std::function<void(const Pupil&)>& fn) {
  Lock lock(mutex_);
  std::string filter = std::string("WHERE school_id = ?") + (include_left ? "" : " AND leaving_date IS NULL");
  auto st = db_.prepare(std::string(kPupilColumns) + filter + kPupilOrder);
  st.bind(school.value);
  std::optional<Statement> c;
  bool more_contacts = false;
  if (with_contacts) {
    c.emplace(db_.handle(),
        "SELECT c.pupil_id, c.position, c.title, c.forename, c.surname, c.relationship, c.responsibility, c.email, "
        "c.phones, c.address FROM pupil_contacts c JOIN pupils p ON p.id = c.pupil_id " +
        std::string("WHERE p.school_id = ?") + (include_left ? "" : " AND p.leaving_date IS NULL") +
        " ORDER BY (p.leaving_date IS NOT NULL), p.legal_surname COLLATE NOCASE, p.legal_forename COLLATE NOCASE, p.id, "
        "c.position");
    c->bind(school.value);
    more_contacts = c->step();
  }
  while (st.step()) {
    Pupil p = read_pupil(st, school);
    while (more_contacts && c->integer(0) == p.id.value) {
      p.contacts.push_back({static_cast<int>(c->integer(1)), c->text(2), c->text(3), c->text(4), c->text(5),
                            c->integer(6) != 0, c->text(7), split_list(c->text(8), ';'), c->text(9)});
      more_contacts = c->step();
    }
    fn(p);
  }
}

std::optional<Pupil> SqliteStore::pupil(SchoolId school, PupilId id) {
  auto found = pupils_where("WHERE school_id = ? AND id = ?", [&](Statement& st) { st.bind(school.value).bind(id.value); },
                            school, "JOIN pupils p ON p.id = c.pupil_id WHERE p.school_id = ? AND p.id = ?");
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Pupil> SqliteStore::pupil_by_upn(SchoolId school, std::string_view upn) {
  auto found = pupils_where("WHERE school_id = ? AND upn = ?", [&](Statement& st) { st.bind(school.value).bind(upn); },
                            school, "JOIN pupils p ON p.id = c.pupil_id WHERE p.school_id = ? AND p.upn = ?");
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
                      bind, school, std::string("JOIN pupils p ON p.id = c.pupil_id WHERE p.school_id = ?1 AND p.") +
                                        "id IN (SELECT id FROM pupils WHERE school_id = ?1 AND " + match + ")");
}

void SqliteStore::save_pupils(SchoolId school, const std::vector<Pupil>& pupils) {
  Lock lock(mutex_);
  auto upsert = db_.prepare(
      "INSERT INTO pupils (school_id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
      "date_of_birth, gender, year, reg_group, sen, fsm, pupil_premium, address, entry_date, leaving_date) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
      "ON CONFLICT (school_id, upn) DO UPDATE SET legal_surname = excluded.legal_surname, "
      "legal_forename = excluded.legal_forename, preferred_surname = excluded.preferred_surname, "
      "preferred_forename = excluded.preferred_forename, date_of_birth = excluded.date_of_birth, "
      "gender = excluded.gender, year = excluded.year, reg_group = excluded.reg_group, sen = excluded.sen, "
      "fsm = excluded.fsm, pupil_premium = excluded.pupil_premium, address = excluded.address, "
      "entry_date = COALESCE(excluded.entry_date, pupils.entry_date), leaving_date = NULL RETURNING id");
  auto clear = db_.prepare("DELETE FROM pupil_contacts WHERE pupil_id = ?");
  auto contact = db_.prepare(
      "INSERT INTO pupil_contacts (pupil_id, position, title, forename, surname, relationship, responsibility, email, "
      "phones, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const auto& p : pupils) {
    upsert.reset();
    upsert.bind(school.value).bind(p.upn).bind(p.legal_surname).bind(p.legal_forename).bind(p.preferred_surname)
        .bind(p.preferred_forename).bind_optional(iso_or_null(p.date_of_birth)).bind(p.gender).bind(p.year)
        .bind(p.reg_group).bind(p.sen).bind(p.fsm ? 1 : 0).bind(p.pupil_premium ? 1 : 0).bind(p.address)
        .bind_optional(iso_or_null(p.entry_date));
    upsert.step();
    std::int64_t id = upsert.integer(0);
    upsert.step();  // finish the statement so the row is written
    clear.reset();
    clear.bind(id).run();
    int position = 0;
    for (const auto& c : p.contacts) {
      contact.reset();
      contact.bind(id).bind(++position).bind(c.title).bind(c.forename).bind(c.surname).bind(c.relationship)
          .bind(c.parental_responsibility ? 1 : 0).bind(c.email).bind(join(c.phones, ";")).bind(c.address).run();
    }
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
  DisclosureId id;
  transaction([&] {
    db_.prepare(
           "INSERT INTO disclosures (school_id, service_id, at, actor, format, fields, pupil_count, sha256) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(d.school.value).bind(d.service.value).bind(d.at).bind(d.actor).bind(d.format).bind(d.fields)
        .bind(d.pupil_count).bind(d.sha256)
        .run();
    id = {db_.last_insert_id()};
    auto st = db_.prepare("INSERT INTO disclosure_pupils (disclosure_id, pupil_id) VALUES (?, ?)");
    for (auto p : pupils) {
      st.reset();
      st.bind(id.value).bind(p.value).run();
    }
  });
  return id;
}

std::vector<Disclosure> SqliteStore::disclosures(SchoolId school, std::optional<ServiceId> service,
                                                 std::optional<PupilId> pupil) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT d.id, d.service_id, s.name, d.at, d.actor, d.format, d.fields, d.pupil_count, d.sha256 "
      "FROM disclosures d JOIN services s ON s.id = d.service_id WHERE d.school_id = ?1 "
      "AND (?2 = 0 OR d.service_id = ?2) "
      "AND (?3 = 0 OR EXISTS (SELECT 1 FROM disclosure_pupils dp WHERE dp.disclosure_id = d.id AND dp.pupil_id = ?3)) "
      "ORDER BY d.id DESC");
  st.bind(school.value).bind(service ? service->value : 0).bind(pupil ? pupil->value : 0);
  std::vector<Disclosure> out;
  while (st.step())
    out.push_back({{st.integer(0)}, school, {st.integer(1)}, st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                   st.integer(7), st.text(8)});
  return out;
}

std::vector<PupilId> SqliteStore::disclosed_pupils(SchoolId school, DisclosureId id) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT dp.pupil_id FROM disclosure_pupils dp JOIN disclosures d ON d.id = dp.disclosure_id "
      "WHERE d.school_id = ? AND d.id = ? ORDER BY dp.pupil_id");
  st.bind(school.value).bind(id.value);
  std::vector<PupilId> out;
  while (st.step()) out.push_back({st.integer(0)});
  return out;
}

}  // namespace steward
