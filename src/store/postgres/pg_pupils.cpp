// PgStore: pupils, opt-outs and the disclosure log. Imports go through COPY into a temporary
// table and one INSERT ... ON CONFLICT, not a statement per pupil.

#include "domain/text.h"
#include "store/pupil_id_ranges.h"
#include "store/blob_text.h"
#include "store/contacts_json.h"
#include "store/postgres/pg_store.h"

namespace steward {

using pg::p;
using pg::Params;

namespace {

constexpr const char* kPupilColumns =
    "SELECT id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, date_of_birth, gender, "
    "year, reg_group, sen, fsm, pupil_premium, address, entry_date, leaving_date, contacts FROM pupils ";
constexpr const char* kPupilOrder = " ORDER BY (leaving_date IS NOT NULL), lower(legal_surname), lower(legal_forename), id";

std::optional<Date> date_at(const pg::Result& r, int i, int column) {
  return r.is_null(i, column) ? std::nullopt : Date::parse_iso(r.text(i, column));
}

Pupil read_pupil(const pg::Result& r, int i, SchoolId school) {
  Pupil p;
  p.id = {r.integer(i, 0)};
  p.school = school;
  p.upn = r.text(i, 1);
  p.legal_surname = r.text(i, 2);
  p.legal_forename = r.text(i, 3);
  p.preferred_surname = r.text(i, 4);
  p.preferred_forename = r.text(i, 5);
  p.date_of_birth = date_at(r, i, 6);
  p.gender = r.text(i, 7);
  p.year = r.text(i, 8);
  p.reg_group = r.text(i, 9);
  p.sen = r.text(i, 10);
  p.fsm = r.text(i, 11) == "t";
  p.pupil_premium = r.text(i, 12) == "t";
  p.address = r.text(i, 13);
  p.entry_date = date_at(r, i, 14);
  p.leaving_date = date_at(r, i, 15);
  read_contacts_json(r.text(i, 16), p.contacts);
  return p;
}

pg::Param iso_or_null(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

pg::Param flag(bool b) { return std::string(b ? "t" : "f"); }

}  // namespace

std::vector<Pupil> PgStore::pupils_where(const std::string& where, const Params& params, SchoolId school) {
  std::vector<Pupil> out;
  auto r = run(std::string(kPupilColumns) + where, params);
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_pupil(r, i, school));
  return out;
}

std::vector<Pupil> PgStore::pupils(SchoolId school, bool include_left) {
  return pupils_where(std::string("WHERE school_id = $1") + (include_left ? "" : " AND leaving_date IS NULL") + kPupilOrder,
                      {p(school.value)}, school);
}

// A page of pupils at a time, by id (keyset paging on the pupils_school index), so that a whole
// roll is never held at once.
void PgStore::for_each_pupil(SchoolId school, bool include_left, const PupilParts& /*parts: reads them all*/,
                             const std::function<void(const Pupil&)>& fn) {
  constexpr int kPage = 2000;
  std::string page = std::string("SELECT id FROM pupils WHERE school_id = $1 AND id > $2") +
                     (include_left ? "" : " AND leaving_date IS NULL") + " ORDER BY id LIMIT " + std::to_string(kPage);
  std::int64_t after = 0;
  for (;;) {
    auto pupils = pupils_where("WHERE id IN (" + page + ") ORDER BY id", {p(school.value), p(after)}, school);
    for (const auto& pupil : pupils) fn(pupil);
    if (pupils.size() < static_cast<std::size_t>(kPage)) return;
    after = pupils.back().id.value;
  }
}

std::int64_t PgStore::count_pupils(SchoolId school, bool include_left) {
  return run(std::string("SELECT count(*) FROM pupils WHERE school_id = $1") + (include_left ? "" : " AND leaving_date IS NULL"),
             {p(school.value)})
      .integer(0, 0);
}

std::optional<Pupil> PgStore::pupil(SchoolId school, PupilId id) {
  auto found = pupils_where("WHERE school_id = $1 AND id = $2", {p(school.value), p(id.value)}, school);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::optional<Pupil> PgStore::pupil_by_upn(SchoolId school, std::string_view upn) {
  auto found = pupils_where("WHERE school_id = $1 AND upn = $2", {p(school.value), p(upn)}, school);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Pupil> PgStore::search_pupils(SchoolId school, std::string_view query, int limit) {
  // The person's % and _ are letters to find, not wildcards.
  std::string like = "%";
  for (char c : trim(query)) {
    if (c == '%' || c == '_' || c == '\\') like += '\\';
    like += c;
  }
  like += "%";
  std::string match =
      "(upn ILIKE $2 OR legal_surname ILIKE $2 OR legal_forename ILIKE $2 OR preferred_surname ILIKE $2 OR "
      "preferred_forename ILIKE $2 OR (legal_forename || ' ' || legal_surname) ILIKE $2)";
  return pupils_where("WHERE school_id = $1 AND " + match + kPupilOrder + " LIMIT " + std::to_string(limit),
                      {p(school.value), p(like)}, school);
}

void PgStore::save_pupils(SchoolId school, std::span<const Pupil> pupils) {
  std::string rows;
  for (const auto& x : pupils) {
    for (const pg::Param& v : {p(x.upn), p(x.legal_surname), p(x.legal_forename), p(x.preferred_surname),
                               p(x.preferred_forename), iso_or_null(x.date_of_birth), p(x.gender), p(x.year),
                               p(x.reg_group), p(x.sen), flag(x.fsm), flag(x.pupil_premium), p(x.address),
                               p(contacts_json(x.contacts))})
      pg::copy_field(rows, v);
    pg::copy_field(rows, iso_or_null(x.entry_date), true);
  }
  transaction([&] {
    run("DROP TABLE IF EXISTS import_pupils");
    run("CREATE TEMP TABLE import_pupils (upn TEXT, legal_surname TEXT, legal_forename TEXT, preferred_surname TEXT, "
        "preferred_forename TEXT, date_of_birth TEXT, gender TEXT, year TEXT, reg_group TEXT, sen TEXT, fsm BOOLEAN, "
        "pupil_premium BOOLEAN, address TEXT, contacts TEXT, entry_date TEXT) ON COMMIT DROP");
    current_connection().copy_in("COPY import_pupils FROM STDIN", rows);
    run("INSERT INTO pupils (school_id, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, "
        "date_of_birth, gender, year, reg_group, sen, fsm, pupil_premium, address, contacts, entry_date, leaving_date) "
        "SELECT $1, upn, legal_surname, legal_forename, preferred_surname, preferred_forename, date_of_birth, gender, "
        "year, reg_group, sen, fsm, pupil_premium, address, contacts, entry_date, NULL FROM import_pupils "
        "ON CONFLICT (school_id, upn) DO UPDATE SET legal_surname = excluded.legal_surname, "
        "legal_forename = excluded.legal_forename, preferred_surname = excluded.preferred_surname, "
        "preferred_forename = excluded.preferred_forename, date_of_birth = excluded.date_of_birth, "
        "gender = excluded.gender, year = excluded.year, reg_group = excluded.reg_group, sen = excluded.sen, "
        "fsm = excluded.fsm, pupil_premium = excluded.pupil_premium, address = excluded.address, "
        "contacts = excluded.contacts, entry_date = COALESCE(excluded.entry_date, pupils.entry_date), "
        "leaving_date = NULL",
        {p(school.value)});
  });
}

void PgStore::mark_pupils_left(SchoolId school, const std::vector<PupilId>& ids, const Date& on) {
  if (ids.empty()) return;
  pg::ArrayLiteral list;
  for (auto id : ids) list.add(id.value);
  run("UPDATE pupils SET leaving_date = $1 WHERE school_id = $2 AND id = ANY($3::bigint[])",
      {p(on.iso()), p(school.value), p(list.str())});
}

// ---- opt-outs

namespace {
constexpr const char* kOptOutColumns =
    "SELECT id, pupil_id, service_id, decided_by, relationship, received_on, method, evidence_name, evidence_type, "
    "alternative, recorded_by, recorded_at, withdrawn_at, withdrawn_by, withdrawn_reason, ";

OptOut read_opt_out(const pg::Result& r, int i, SchoolId school) {
  OptOut o;
  o.id = {r.integer(i, 0)};
  o.school = school;
  o.pupil = {r.integer(i, 1)};
  o.service = {r.integer(i, 2)};
  o.decided_by = r.text(i, 3);
  o.relationship = r.text(i, 4);
  o.received_on = Date::parse_iso(r.text(i, 5)).value_or(Date{});
  o.method = parse_opt_out_method(r.text(i, 6)).value_or(OptOutMethod::Letter);
  if (!r.text(i, 7).empty()) o.evidence = Evidence{r.text(i, 7), r.text(i, 8), from_base64(r.text(i, 15))};
  o.alternative = r.text(i, 9);
  o.recorded_by = r.text(i, 10);
  o.recorded_at = r.text(i, 11);
  o.withdrawn_at = r.text(i, 12);
  o.withdrawn_by = r.text(i, 13);
  o.withdrawn_reason = r.text(i, 14);
  return o;
}
}  // namespace

OptOutId PgStore::create_opt_out(const OptOut& o) {
  auto r = run(
      "INSERT INTO opt_outs (school_id, pupil_id, service_id, decided_by, relationship, received_on, method, "
      "evidence_name, evidence_type, evidence, alternative, recorded_by, recorded_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
      {p(o.school.value), p(o.pupil.value), p(o.service.value), p(o.decided_by), p(o.relationship), p(o.received_on.iso()),
       p(opt_out_method_slug(o.method)), p(o.evidence ? o.evidence->filename : ""),
       p(o.evidence ? o.evidence->content_type : ""), p(o.evidence ? to_base64(o.evidence->bytes) : ""), p(o.alternative),
       p(o.recorded_by), p(o.recorded_at)});
  return {r.integer(0, 0)};
}

void PgStore::withdraw_opt_out(SchoolId school, OptOutId id, std::string_view by, std::string_view at,
                               std::string_view reason) {
  run("UPDATE opt_outs SET withdrawn_at = $1, withdrawn_by = $2, withdrawn_reason = $3 WHERE school_id = $4 AND id = $5",
      {p(at), p(by), p(reason), p(school.value), p(id.value)});
}

std::vector<OptOut> PgStore::opt_outs(SchoolId school, std::optional<PupilId> pupil, std::optional<ServiceId> service) {
  auto r = run(std::string(kOptOutColumns) +
                   "'' FROM opt_outs WHERE school_id = $1 AND ($2::bigint = 0 OR pupil_id = $2) AND "
                   "($3::bigint = 0 OR service_id = $3) ORDER BY received_on DESC, id DESC",
               {p(school.value), p(pupil ? pupil->value : 0), p(service ? service->value : 0)});
  std::vector<OptOut> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back(read_opt_out(r, i, school));
    if (out.back().evidence) out.back().evidence->bytes.clear();
  }
  return out;
}

std::optional<OptOut> PgStore::opt_out(SchoolId school, OptOutId id) {
  auto r = run(std::string(kOptOutColumns) + "evidence FROM opt_outs WHERE school_id = $1 AND id = $2",
               {p(school.value), p(id.value)});
  if (r.rows() == 0) return std::nullopt;
  return read_opt_out(r, 0, school);
}

// ---- disclosures

DisclosureId PgStore::create_disclosure(const Disclosure& d, const std::vector<PupilId>& pupils) {
  auto r = run(
      "INSERT INTO disclosures (school_id, service_id, at, actor, format, fields, pupil_count, sha256, pupil_ids) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {p(d.school.value), p(d.service.value), p(d.at), p(d.actor), p(d.format), p(d.fields), p(d.pupil_count),
       p(d.sha256), p(encode_pupil_ids(pupils))});
  return {r.integer(0, 0)};
}

std::vector<Disclosure> PgStore::disclosures(SchoolId school, std::optional<ServiceId> service,
                                             std::optional<PupilId> pupil) {
  auto r = run(
      "SELECT d.id, d.service_id, s.name, d.at, d.actor, d.format, d.fields, d.pupil_count, d.sha256, "
      "CASE WHEN $3::bigint = 0 THEN '' ELSE d.pupil_ids END "
      "FROM disclosures d JOIN services s ON s.id = d.service_id WHERE d.school_id = $1 "
      "AND ($2::bigint = 0 OR d.service_id = $2) ORDER BY d.id DESC",
      {p(school.value), p(service ? service->value : 0), p(pupil ? pupil->value : 0)});
  std::vector<Disclosure> out;
  for (int i = 0; i < r.rows(); ++i) {
    if (pupil && !id_ranges_contain(r.text(i, 9), pupil->value)) continue;
    out.push_back({{r.integer(i, 0)}, school, {r.integer(i, 1)}, r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                   r.text(i, 6), r.integer(i, 7), r.text(i, 8)});
  }
  return out;
}

std::vector<PupilId> PgStore::disclosed_pupils(SchoolId school, DisclosureId id) {
  auto r = run("SELECT pupil_ids FROM disclosures WHERE school_id = $1 AND id = $2", {p(school.value), p(id.value)});
  if (r.rows() == 0) return {};
  return decode_pupil_ids(r.text(0, 0));
}

}  // namespace steward
