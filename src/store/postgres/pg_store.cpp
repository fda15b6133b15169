#include "store/postgres/pg_store.h"

#include <algorithm>
#include <sys/select.h>

#include <map>

#include "domain/text.h"
#include "store/postgres/pg_migrations.h"

namespace steward {

using pg::p;
using pg::Params;

namespace {

// The connection of the transaction this thread is in, for one store.
struct ThreadTx {
  const PgStore* owner = nullptr;
  pg::Connection* conn = nullptr;
  int depth = 0;
  bool notified = false;  // the transaction sent NOTIFY: move this process's token on commit
};
thread_local ThreadTx tx;

// Enough idle connections for every request thread that is usually busy, so a busy server
// does not connect anew for most requests.
constexpr std::size_t kMaxIdle = 64;
constexpr const char* kChannel = "steward_changes";

}  // namespace

PgStore::PgStore(std::string url) : url_(std::move(url)) { release(acquire()); }

PgStore::~PgStore() {
  stopping_ = true;
  if (listener_.joinable()) listener_.join();
}

std::unique_ptr<pg::Connection> PgStore::acquire() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      if (!c->broken()) return c;
    }
  }
  return std::make_unique<pg::Connection>(url_);
}

void PgStore::release(std::unique_ptr<pg::Connection> c) {
  if (!c) return;
  std::lock_guard lock(pool_mutex_);
  if (c->broken()) {
    // The server went away or restarted: the idle connections are as dead as this one. Drop
    // them all; the next request connects afresh.
    idle_.clear();
    return;
  }
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(c));
}

pg::Result PgStore::run(std::string_view sql, const Params& params) {
  if (tx.owner == this) return tx.conn->exec(sql, params);
  auto c = acquire();
  struct Back {
    PgStore* s;
    std::unique_ptr<pg::Connection>& c;
    ~Back() { s->release(std::move(c)); }
  } back{this, c};
  return c->exec(sql, params);
}

pg::Connection& PgStore::current_connection() {
  if (tx.owner != this) throw Error::internal("a bulk write was attempted outside a transaction");
  return *tx.conn;
}

void PgStore::transaction(const std::function<void()>& fn) {
  if (tx.owner == this) {
    fn();
    return;
  }
  auto c = acquire();
  c->exec("BEGIN");
  tx = {this, c.get(), 1};
  try {
    fn();
    bool notified = tx.notified;
    tx = {};
    c->exec("COMMIT");
    // Our own listener hears the NOTIFY a moment later; the next request here must not wait.
    if (notified) ++changes_;
  } catch (...) {
    tx = {};
    if (!c->broken()) {
      try {
        c->exec("ROLLBACK");
      } catch (const Error&) {
        // The connection is unusable; it is dropped below and the original error propagates.
      }
    }
    release(std::move(c));
    throw;
  }
  release(std::move(c));
}

// ---- schema

int PgStore::schema_version() {
  auto exists = run("SELECT to_regclass('steward_schema') IS NOT NULL");
  if (exists.text(0, 0) != "t") return 0;
  return static_cast<int>(run("SELECT COALESCE(MAX(version), 0) FROM steward_schema").integer(0, 0));
}

int PgStore::latest_schema_version() const { return static_cast<int>(pg::migrations().size()); }

void PgStore::migrate_to(int version) {
  const auto& list = pg::migrations();
  // Each migration runs in its own transaction: PostgreSQL's DDL is transactional, so a failed
  // migration leaves the schema as it was. The advisory lock keeps two app servers from
  // migrating at once.
  transaction([&] {
    run("SELECT pg_advisory_xact_lock(7355608)");
    run("CREATE TABLE IF NOT EXISTS steward_schema (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
  });
  for (int v = schema_version(); v < std::min(version, static_cast<int>(list.size())); ++v) {
    transaction([&] {
      run("SELECT pg_advisory_xact_lock(7355608)");
      if (schema_version() > v) return;
      tx.conn->exec_script(list[v]);
      run("INSERT INTO steward_schema (version) VALUES ($1)", {p(v + 1)});
    });
  }
}

// ---- schools

namespace {
constexpr const char* kSchoolColumns =
    "SELECT id, slug, name, urn, local_authority, dpo_contact, introduction, pupils_intro, management_intro, "
    "other_intro, legal_requirements, updated_at, revision FROM schools ";

School read_school(const pg::Result& r, int i) {
  School s;
  s.id = {r.integer(i, 0)};
  s.slug = r.text(i, 1);
  s.name = r.text(i, 2);
  s.urn = r.text(i, 3);
  s.local_authority = r.text(i, 4);
  s.dpo_contact = r.text(i, 5);
  s.page = {r.text(i, 6), r.text(i, 7), r.text(i, 8), r.text(i, 9), r.text(i, 10)};
  s.updated_at = r.text(i, 11);
  s.revision = r.integer(i, 12);
  return s;
}
}  // namespace

SchoolId PgStore::create_school(const School& s) {
  auto r = run(
      "INSERT INTO schools (slug, name, urn, local_authority, dpo_contact, introduction, pupils_intro, "
      "management_intro, other_intro, legal_requirements, updated_at, revision) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1) RETURNING id",
      {p(s.slug), p(s.name), p(s.urn), p(s.local_authority), p(s.dpo_contact), p(s.page.introduction),
       p(s.page.pupils_intro), p(s.page.management_intro), p(s.page.other_intro), p(s.page.legal_requirements),
       p(s.updated_at)});
  return {r.integer(0, 0)};
}

std::optional<School> PgStore::school_where(const char* where, const Params& params) {
  auto r = run(std::string(kSchoolColumns) + where, params);
  if (r.rows() == 0) return std::nullopt;
  return read_school(r, 0);
}

std::optional<School> PgStore::school(std::string_view slug) { return school_where("WHERE slug = $1", {p(slug)}); }
std::optional<School> PgStore::school(SchoolId id) { return school_where("WHERE id = $1", {p(id.value)}); }

std::vector<School> PgStore::schools() {
  auto r = run(std::string(kSchoolColumns) + "ORDER BY name");
  std::vector<School> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_school(r, i));
  return out;
}

void PgStore::update_page_text(SchoolId id, const PageText& t) {
  run("UPDATE schools SET introduction = $1, pupils_intro = $2, management_intro = $3, other_intro = $4, "
      "legal_requirements = $5 WHERE id = $6",
      {p(t.introduction), p(t.pupils_intro), p(t.management_intro), p(t.other_intro), p(t.legal_requirements),
       p(id.value)});
  notify_change();
}

void PgStore::touch_school(SchoolId id, std::string_view at) {
  run("UPDATE schools SET revision = revision + 1, updated_at = $1 WHERE id = $2", {p(at), p(id.value)});
  notify_change();
}

void PgStore::notify_change() {
  run(std::string("NOTIFY ") + kChannel);
  if (tx.owner == this)
    tx.notified = true;
  else
    ++changes_;  // sent outside a transaction: already committed
}

std::int64_t PgStore::school_revision(std::string_view slug) {
  auto r = run("SELECT revision FROM schools WHERE slug = $1", {p(slug)});
  return r.rows() ? r.integer(0, 0) : -1;
}

// While the listener is connected, the token is the count of notifications received; when it
// is not, every call returns a new token so that callers read the database instead.
std::uint64_t PgStore::change_token() {
  std::call_once(listener_started_, [this] {
    listener_ = std::thread([this] { listen(); });
    std::unique_lock lock(listen_mutex_);
    listen_ready_.wait_for(lock, std::chrono::seconds(2), [this] { return listening_.load(); });
  });
  if (!listening_) return ++changes_;
  return changes_.load();
}

void PgStore::listen() {
  while (!stopping_) {
    try {
      pg::Connection conn(url_);
      conn.exec(std::string("LISTEN ") + kChannel);
      ++changes_;  // anything may have changed while we were not listening
      listening_ = true;
      listen_ready_.notify_all();
      while (!stopping_ && !conn.broken()) {
        int fd = PQsocket(conn.handle());
        fd_set set;
        FD_ZERO(&set);
        FD_SET(fd, &set);
        timeval wait{0, 200000};
        if (select(fd + 1, &set, nullptr, nullptr, &wait) < 0) break;
        if (!PQconsumeInput(conn.handle())) break;
        while (PGnotify* n = PQnotifies(conn.handle())) {
          ++changes_;
          PQfreemem(n);
        }
      }
    } catch (const Error&) {
      // The server is unreachable; requests fall back to reading the revision every time.
    }
    listening_ = false;
    listen_ready_.notify_all();
    for (int i = 0; i < 10 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

// ---- data categories

std::vector<DataCategory> PgStore::data_categories(SchoolId school) {
  auto r = run("SELECT id, name, subject, sensitivity, description FROM data_categories WHERE school_id = $1 ORDER BY id",
               {p(school.value)});
  std::vector<DataCategory> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({{r.integer(i, 0)}, school, r.text(i, 1), parse_data_subject(r.text(i, 2)).value_or(DataSubject::Pupil),
                   parse_sensitivity(r.text(i, 3)).value_or(Sensitivity::Ordinary), r.text(i, 4)});
  return out;
}

CategoryId PgStore::create_data_category(const DataCategory& c) {
  auto r = run(
      "INSERT INTO data_categories (school_id, name, subject, sensitivity, description) VALUES ($1, $2, $3, $4, $5) "
      "RETURNING id",
      {p(c.school.value), p(c.name), p(data_subject_slug(c.subject)), p(sensitivity_slug(c.sensitivity)),
       p(c.description)});
  return {r.integer(0, 0)};
}

// ---- providers

std::vector<Provider> PgStore::providers(SchoolId school) {
  auto r = run(
      "SELECT p.id, p.name, p.website, p.data_location, p.ico_registration, "
      "(SELECT COUNT(*) FROM service_providers sp JOIN services s ON s.id = sp.service_id "
      " WHERE sp.provider_id = p.id AND s.status <> 'retired') "
      "FROM providers p WHERE p.school_id = $1 ORDER BY lower(p.name)",
      {p(school.value)});
  std::vector<Provider> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({{r.integer(i, 0)}, school, r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4),
                   static_cast<int>(r.integer(i, 5))});
  return out;
}

void PgStore::update_provider(const Provider& pr) {
  run("UPDATE providers SET website = $1, data_location = $2, ico_registration = $3 WHERE id = $4 AND school_id = $5",
      {p(pr.website), p(pr.data_location), p(pr.ico_registration), p(pr.id.value), p(pr.school.value)});
}

// ---- services

namespace {

pg::Param date_param(const Service& s) {
  if (!s.risk_assessment_date) return std::nullopt;
  return s.risk_assessment_date->iso();
}

// The columns of the services new (or not) in this batch as parallel arrays, one element per
// service, for unnest().
struct ServiceColumns {
  pg::ArrayLiteral id, section, name, website, purposes, description, controls, risk, status, notes, updated_at;
  ServiceColumns(std::span<const Service> services, const std::vector<bool>& fresh, bool want_fresh) {
    for (size_t i = 0; i < services.size(); ++i) {
      if (fresh[i] != want_fresh) continue;
      const Service& s = services[i];
      id.add(s.id.value);
      section.add(static_cast<std::int64_t>(s.section));
      name.add(s.name);
      website.add(s.website);
      purposes.add(join(s.purposes, "\n"));
      description.add(s.description);
      controls.add(s.controls);
      risk.add(date_param(s));
      status.add(std::string(service_status_slug(s.status)));
      notes.add(s.notes);
      updated_at.add(s.updated_at);
    }
  }
  Params params(std::int64_t school) const {
    return {p(school),         p(id.str()),       p(section.str()), p(name.str()),  p(website.str()),
            p(purposes.str()), p(description.str()), p(controls.str()), p(risk.str()), p(status.str()),
            p(notes.str()),    p(updated_at.str())};
  }
};

constexpr const char* kServiceRows =
    "FROM unnest($2::bigint[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
    "$9::text[], $10::text[], $11::text[], $12::text[]) "
    "AS u(id, section, name, website, purposes, description, controls, risk, status, notes, updated_at) ";

// Each service's names as (service, name, position) rows for unnest().
struct NameRows {
  pg::ArrayLiteral service, name, position;
  NameRows(std::span<const Service> services, std::vector<std::string> Service::*list) {
    for (const auto& s : services) {
      std::int64_t at = 0;
      for (const auto& n : s.*list) service.add(s.id.value), name.add(n), position.add(at++);
    }
  }
};

}  // namespace

// A batch in a fixed number of statements, whatever its size: the unknown-category check
// first (so a refusal writes nothing), ids for the new services from the sequence (so they are
// known in order), one insert, one update, and the links a set at a time.
void PgStore::save_services(SchoolId school, std::span<Service> services) {
  if (services.empty()) return;
  transaction([&] {
    refuse_unknown_categories(school, services);
    std::vector<bool> fresh;
    for (const auto& s : services) fresh.push_back(s.id.value == 0);
    auto added = std::count(fresh.begin(), fresh.end(), true);
    if (added > 0) {
      auto ids = run("SELECT nextval(pg_get_serial_sequence('services', 'id')) FROM generate_series(1, $1)",
                     {p(static_cast<std::int64_t>(added))});
      int next = 0;
      for (auto& s : services)
        if (s.id.value == 0) s.id = {ids.integer(next++, 0)};
      run(std::string("INSERT INTO services (id, school_id, section, name, website, purposes, description, controls, "
                      "risk_assessment_date, status, notes, updated_at) "
                      "SELECT u.id, $1, u.section, u.name, u.website, u.purposes, u.description, u.controls, u.risk, "
                      "u.status, u.notes, u.updated_at ") +
              kServiceRows,
          ServiceColumns(services, fresh, true).params(school.value));
    }
    if (added < static_cast<std::ptrdiff_t>(services.size()))
      run(std::string("UPDATE services s SET section = u.section, name = u.name, website = u.website, "
                      "purposes = u.purposes, description = u.description, controls = u.controls, "
                      "risk_assessment_date = u.risk, status = u.status, notes = u.notes, updated_at = u.updated_at ") +
              kServiceRows + "WHERE s.id = u.id AND s.school_id = $1",
          ServiceColumns(services, fresh, false).params(school.value));
    write_service_links(school, services);
  });
}

void PgStore::refuse_unknown_categories(SchoolId school, std::span<const Service> services) {
  pg::ArrayLiteral names;
  for (const auto& s : services)
    for (const auto& n : s.data_categories) names.add(n);
  if (names.size() == 0) return;
  auto unknown = run("SELECT u.name FROM unnest($1::text[]) WITH ORDINALITY u(name, ord) WHERE NOT EXISTS "
                     "(SELECT 1 FROM data_categories c WHERE c.school_id = $2 AND lower(c.name) = lower(u.name)) "
                     "ORDER BY u.ord LIMIT 1",
                     {p(names.str()), p(school.value)});
  if (unknown.rows() > 0)
    throw Error::invalid("data_categories", "\"" + unknown.text(0, 0) + "\" is not a data category of this school");
}

// The services' providers (created on first use, in the order first named) and categories,
// each list in its order, replacing what the services had.
void PgStore::write_service_links(SchoolId school, std::span<const Service> services) {
  pg::ArrayLiteral ids, new_names;
  std::vector<std::string_view> seen;
  for (const auto& s : services) {
    ids.add(s.id.value);
    for (const auto& n : s.providers)
      if (std::find(seen.begin(), seen.end(), n) == seen.end()) seen.push_back(n), new_names.add(n);
  }
  run("DELETE FROM service_providers WHERE service_id = ANY($1::bigint[])", {p(ids.str())});
  run("DELETE FROM service_data WHERE service_id = ANY($1::bigint[])", {p(ids.str())});
  if (new_names.size() > 0) {
    run("INSERT INTO providers (school_id, name) SELECT $1, n FROM unnest($2::text[]) WITH ORDINALITY u(n, ord) "
        "ORDER BY u.ord ON CONFLICT (school_id, name) DO NOTHING",
        {p(school.value), p(new_names.str())});
    NameRows rows(services, &Service::providers);
    run("INSERT INTO service_providers (service_id, provider_id, position) "
        "SELECT u.service, pr.id, u.position FROM unnest($1::bigint[], $2::text[], $3::integer[]) u(service, name, position) "
        "JOIN providers pr ON pr.school_id = $4 AND pr.name = u.name ON CONFLICT DO NOTHING",
        {p(rows.service.str()), p(rows.name.str()), p(rows.position.str()), p(school.value)});
  }
  NameRows categories(services, &Service::data_categories);
  if (categories.name.size() > 0)
    run("INSERT INTO service_data (service_id, category_id, position) "
        "SELECT u.service, c.id, u.position FROM unnest($1::bigint[], $2::text[], $3::integer[]) u(service, name, position) "
        "JOIN data_categories c ON c.school_id = $4 AND lower(c.name) = lower(u.name) ON CONFLICT DO NOTHING",
        {p(categories.service.str()), p(categories.name.str()), p(categories.position.str()), p(school.value)});
}

// One round trip: each service's providers and categories come as arrays, in their order. Each
// name is its own subquery by primary key, so the plan is index lookups whatever PostgreSQL's
// statistics say: joined, a database not yet analysed hashed every school's categories for each
// service, and the register page fell to a tenth of its speed.
std::vector<Service> PgStore::services_where(const char* where, const Params& params, std::int64_t school) {
  std::vector<Service> out;
  auto r = run(std::string("SELECT id, section, name, website, purposes, description, controls, risk_assessment_date, "
                           "status, notes, updated_at, "
                           "ARRAY(SELECT (SELECT pr.name FROM providers pr WHERE pr.id = sp.provider_id) "
                           "FROM service_providers sp WHERE sp.service_id = s.id ORDER BY sp.position), "
                           "ARRAY(SELECT (SELECT c.name FROM data_categories c WHERE c.id = sd.category_id) "
                           "FROM service_data sd WHERE sd.service_id = s.id ORDER BY sd.position) "
                           "FROM services s ") +
                   where,
               params);
  for (int i = 0; i < r.rows(); ++i) {
    Service s;
    s.id = {r.integer(i, 0)};
    s.school = {school};
    s.section = static_cast<Section>(r.integer(i, 1));
    s.name = r.text(i, 2);
    s.website = r.text(i, 3);
    s.purposes = split_list(r.text(i, 4), '\n');
    s.description = r.text(i, 5);
    s.controls = r.text(i, 6);
    if (!r.is_null(i, 7)) s.risk_assessment_date = Date::parse_iso(r.text(i, 7));
    s.status = parse_service_status(r.text(i, 8)).value_or(ServiceStatus::Proposed);
    s.notes = r.text(i, 9);
    s.updated_at = r.text(i, 10);
    s.providers = pg::text_array(r.text(i, 11));
    s.data_categories = pg::text_array(r.text(i, 12));
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<Service> PgStore::service(SchoolId school, ServiceId id) {
  auto found = services_where("WHERE school_id = $1 AND id = $2", {p(school.value), p(id.value)}, school.value);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Service> PgStore::services(SchoolId school) {
  auto out = services_where("WHERE school_id = $1", {p(school.value)}, school.value);
  sort_services(out);
  return out;
}

// ---- users and sessions

namespace {
constexpr const char* kUserColumns = "SELECT id, school_id, email, name, role, password_hash, active FROM users ";

User read_user(const pg::Result& r, int i) {
  return {{r.integer(i, 0)}, {r.integer(i, 1)}, r.text(i, 2), r.text(i, 3), parse_role(r.text(i, 4)).value_or(Role::Office),
          r.text(i, 5), r.text(i, 6) == "t"};
}
}  // namespace

UserId PgStore::create_user(const User& u) {
  auto r = run("INSERT INTO users (school_id, email, name, role, password_hash, active) VALUES ($1, $2, $3, $4, $5, $6) "
               "RETURNING id",
               {p(u.school.value), p(u.email), p(u.name), p(role_slug(u.role)), p(u.password_hash),
                p(u.active ? "true" : "false")});
  return {r.integer(0, 0)};
}

std::optional<User> PgStore::user_where(const char* where, const Params& params) {
  auto r = run(std::string(kUserColumns) + where, params);
  if (r.rows() == 0) return std::nullopt;
  return read_user(r, 0);
}

std::optional<User> PgStore::user(UserId id) { return user_where("WHERE id = $1", {p(id.value)}); }
std::optional<User> PgStore::user_by_email(std::string_view email) { return user_where("WHERE email = $1", {p(email)}); }

std::vector<User> PgStore::users(SchoolId school) {
  auto r = run(std::string(kUserColumns) + "WHERE school_id = $1 ORDER BY email", {p(school.value)});
  std::vector<User> out;
  for (int i = 0; i < r.rows(); ++i) out.push_back(read_user(r, i));
  return out;
}

void PgStore::create_session(const Session& s) {
  run("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
      {p(s.token_hash), p(s.user.value), p(s.csrf_token), p(s.created_at), p(s.expires_at)});
}

std::optional<Store::SessionUser> PgStore::session(std::string_view token_hash) {
  auto r = run("SELECT u.id, u.school_id, u.email, u.name, u.role, u.password_hash, u.active, "
               "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at "
               "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
               {p(token_hash)});
  if (r.rows() == 0) return std::nullopt;
  return SessionUser{Session{r.text(0, 7), {r.integer(0, 8)}, r.text(0, 9), r.text(0, 10), r.text(0, 11)},
                     read_user(r, 0)};
}

void PgStore::remove_session(std::string_view token_hash) {
  run("DELETE FROM sessions WHERE token_hash = $1", {p(token_hash)});
}

void PgStore::remove_sessions_expired_by(std::string_view now) { run("DELETE FROM sessions WHERE expires_at <= $1", {p(now)}); }

void PgStore::record_login_failure(std::string_view email, std::string_view at) {
  run("INSERT INTO login_failures (email, at) VALUES ($1, $2)", {p(email), p(at)});
}

int PgStore::login_failures_since(std::string_view email, std::string_view since) {
  return static_cast<int>(
      run("SELECT COUNT(*) FROM login_failures WHERE email = $1 AND at >= $2", {p(email), p(since)}).integer(0, 0));
}

void PgStore::clear_login_failures(std::string_view email) { run("DELETE FROM login_failures WHERE email = $1", {p(email)}); }

// ---- audit

// One statement for the batch; rows are inserted in the order given, so ids follow the chain.
void PgStore::append_audit_entries(std::span<const AuditEntry> entries) {
  if (entries.empty()) return;
  pg::ArrayLiteral school, at, actor, action, entity, entity_id, before, after, prev_hash, hash;
  for (const auto& e : entries) {
    school.add(e.school.value), at.add(e.at), actor.add(e.actor), action.add(e.action), entity.add(e.entity);
    entity_id.add(e.entity_id), before.add(e.before), after.add(e.after), prev_hash.add(e.prev_hash), hash.add(e.hash);
  }
  run("INSERT INTO audit (school_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) "
      "SELECT u.school_id, u.at, u.actor, u.action, u.entity, u.entity_id, u.before, u.after, u.prev_hash, u.hash "
      "FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
      "$9::text[], $10::text[]) WITH ORDINALITY "
      "AS u(school_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash, ord) ORDER BY u.ord",
      {p(school.str()), p(at.str()), p(actor.str()), p(action.str()), p(entity.str()), p(entity_id.str()),
       p(before.str()), p(after.str()), p(prev_hash.str()), p(hash.str())});
}

std::vector<AuditEntry> PgStore::audit_where(const char* sql, const Params& params) {
  auto r = run(
      std::string("SELECT id, school_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit ") + sql,
      params);
  std::vector<AuditEntry> out;
  for (int i = 0; i < r.rows(); ++i)
    out.push_back({r.integer(i, 0), {r.integer(i, 1)}, r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                   r.text(i, 6), r.text(i, 7), r.text(i, 8), r.text(i, 9), r.text(i, 10)});
  return out;
}

std::optional<AuditEntry> PgStore::last_audit(SchoolId school) {
  // Inside the caller's transaction: hold the school's chain until commit, so two app servers
  // cannot both append after the same entry.
  if (tx.owner == this) run("SELECT pg_advisory_xact_lock(1, $1::integer)", {p(school.value)});
  auto found = audit_where("WHERE school_id = $1 ORDER BY id DESC LIMIT 1", {p(school.value)});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<AuditEntry> PgStore::audit_entries(SchoolId school, int limit) {
  return audit_where("WHERE school_id = $1 ORDER BY id DESC LIMIT $2", {p(school.value), p(limit)});
}

std::vector<AuditEntry> PgStore::all_audit_entries(SchoolId school) {
  return audit_where("WHERE school_id = $1 ORDER BY id", {p(school.value)});
}

}  // namespace steward
