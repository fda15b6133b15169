#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <sys/stat.h>

#include <ctime>
#include <map>

#include "domain/text.h"
#include "store/sqlite/sqlite_migrations.h"

namespace steward {

using sqlite::Statement;
using Lock = std::lock_guard<std::recursive_mutex>;

SqliteStore::SqliteStore(const std::string& path) : db_(path), path_(path), wal_path_(path + "-wal") {}

// In WAL mode every commit, from any process, appends to the write-ahead log, so its size and
// modification time change; a checkpoint moves pages into the database file without changing
// what readers see. When the log is gone (the last connection closed), the database file
// speaks for itself. File times are coarse (a few milliseconds), and once a checkpoint has
// restarted the log a write need not change its size, so the current second is mixed in too: a
// change another process makes within the same tick is noticed within a second. This process's
// own writes are counted exactly (the connection's commits), so the page after a save never
// waits on the clock.
std::uint64_t SqliteStore::change_token() {
  std::uint64_t token = static_cast<std::uint64_t>(std::time(nullptr)) * 1099511628211ULL ^ db_.commits();
  struct stat st {};
  bool wal = ::stat(wal_path_.c_str(), &st) == 0;
  if (!wal && ::stat(path_.c_str(), &st) != 0) return token;
  for (std::uint64_t v : {static_cast<std::uint64_t>(wal), static_cast<std::uint64_t>(st.st_size),
                          static_cast<std::uint64_t>(st.st_mtim.tv_sec), static_cast<std::uint64_t>(st.st_mtim.tv_nsec),
                          static_cast<std::uint64_t>(st.st_ino)})
    token = token * 1099511628211ULL ^ v;
  return token;
}

void SqliteStore::transaction(const std::function<void()>& fn) {
  Lock lock(mutex_);
  if (depth_ > 0) {
    fn();
    return;
  }
  db_.exec("BEGIN IMMEDIATE");
  ++depth_;
  try {
    fn();
  } catch (...) {
    --depth_;
    db_.exec("ROLLBACK");
    throw;
  }
  --depth_;
  db_.exec("COMMIT");
}

int SqliteStore::schema_version() {
  Lock lock(mutex_);
  auto st = db_.prepare("PRAGMA user_version");
  st.step();
  return static_cast<int>(st.integer(0));
}

int SqliteStore::latest_schema_version() const { return static_cast<int>(sqlite::migrations().size()); }

void SqliteStore::migrate_to(int version) {
  Lock lock(mutex_);
  const auto& list = sqlite::migrations();
  for (int v = schema_version(); v < std::min(version, static_cast<int>(list.size())); ++v) {
    transaction([&] {
      db_.exec(list[v]);
      db_.exec(("PRAGMA user_version = " + std::to_string(v + 1)).c_str());
    });
  }
}

// ---- schools

namespace {
constexpr const char* kSchoolColumns =
    "SELECT id, slug, name, urn, local_authority, dpo_contact, introduction, pupils_intro, management_intro, "
    "other_intro, legal_requirements, updated_at, revision FROM schools ";

School read_school(Statement& st) {
  School s;
  s.id = {st.integer(0)};
  s.slug = st.text(1);
  s.name = st.text(2);
  s.urn = st.text(3);
  s.local_authority = st.text(4);
  s.dpo_contact = st.text(5);
  s.page = {st.text(6), st.text(7), st.text(8), st.text(9), st.text(10)};
  s.updated_at = st.text(11);
  s.revision = st.integer(12);
  return s;
}
}  // namespace

SchoolId SqliteStore::create_school(const School& s) {
  Lock lock(mutex_);
  db_.prepare(
         "INSERT INTO schools (slug, name, urn, local_authority, dpo_contact, introduction, pupils_intro, "
         "management_intro, other_intro, legal_requirements, updated_at, revision) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")
      .bind(s.slug).bind(s.name).bind(s.urn).bind(s.local_authority).bind(s.dpo_contact)
      .bind(s.page.introduction).bind(s.page.pupils_intro).bind(s.page.management_intro)
      .bind(s.page.other_intro).bind(s.page.legal_requirements).bind(s.updated_at)
      .run();
  return {db_.last_insert_id()};
}

std::optional<School> SqliteStore::school_where(const char* where,
                                                const std::function<void(Statement&)>& bind) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kSchoolColumns) + where);
  bind(st);
  if (!st.step()) return std::nullopt;
  return read_school(st);
}

std::optional<School> SqliteStore::school(std::string_view slug) {
  return school_where("WHERE slug = ?", [&](Statement& st) { st.bind(slug); });
}

std::optional<School> SqliteStore::school(SchoolId id) {
  return school_where("WHERE id = ?", [&](Statement& st) { st.bind(id.value); });
}

std::vector<School> SqliteStore::schools() {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kSchoolColumns) + "ORDER BY name");
  std::vector<School> out;
  while (st.step()) out.push_back(read_school(st));
  return out;
}

void SqliteStore::update_page_text(SchoolId id, const PageText& p) {
  Lock lock(mutex_);
  db_.prepare(
         "UPDATE schools SET introduction = ?, pupils_intro = ?, management_intro = ?, other_intro = ?, "
         "legal_requirements = ? WHERE id = ?")
      .bind(p.introduction).bind(p.pupils_intro).bind(p.management_intro).bind(p.other_intro)
      .bind(p.legal_requirements).bind(id.value)
      .run();
}

void SqliteStore::touch_school(SchoolId id, std::string_view at) {
  Lock lock(mutex_);
  db_.prepare("UPDATE schools SET revision = revision + 1, updated_at = ? WHERE id = ?").bind(at).bind(id.value).run();
}

std::int64_t SqliteStore::school_revision(std::string_view slug) {
  Lock lock(mutex_);
  auto st = db_.prepare("SELECT revision FROM schools WHERE slug = ?");
  st.bind(slug);
  return st.step() ? st.integer(0) : -1;
}

// ---- data categories

std::vector<DataCategory> SqliteStore::data_categories(SchoolId school) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT id, name, subject, sensitivity, description FROM data_categories WHERE school_id = ? ORDER BY id");
  st.bind(school.value);
  std::vector<DataCategory> out;
  while (st.step()) {
    out.push_back({{st.integer(0)},
                   school,
                   st.text(1),
                   parse_data_subject(st.text(2)).value_or(DataSubject::Pupil),
                   parse_sensitivity(st.text(3)).value_or(Sensitivity::Ordinary),
                   st.text(4)});
  }
  return out;
}

CategoryId SqliteStore::create_data_category(const DataCategory& c) {
  Lock lock(mutex_);
  db_.prepare(
         "INSERT INTO data_categories (school_id, name, subject, sensitivity, description) VALUES (?, ?, ?, ?, ?)")
      .bind(c.school.value).bind(c.name).bind(data_subject_slug(c.subject)).bind(sensitivity_slug(c.sensitivity))
      .bind(c.description)
      .run();
  return {db_.last_insert_id()};
}

// ---- providers

std::vector<Provider> SqliteStore::providers(SchoolId school) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT p.id, p.name, p.website, p.data_location, p.ico_registration, "
      "(SELECT COUNT(*) FROM service_providers sp JOIN services s ON s.id = sp.service_id "
      " WHERE sp.provider_id = p.id AND s.status <> 'retired') "
      "FROM providers p WHERE p.school_id = ? ORDER BY p.name COLLATE NOCASE");
  st.bind(school.value);
  std::vector<Provider> out;
  while (st.step())
    out.push_back({{st.integer(0)}, school, st.text(1), st.text(2), st.text(3), st.text(4),
                   static_cast<int>(st.integer(5))});
  return out;
}

void SqliteStore::update_provider(const Provider& p) {
  Lock lock(mutex_);
  db_.prepare("UPDATE providers SET website = ?, data_location = ?, ico_registration = ? WHERE id = ? AND school_id = ?")
      .bind(p.website).bind(p.data_location).bind(p.ico_registration).bind(p.id.value).bind(p.school.value)
      .run();
}

// ---- services

namespace {

// The statements a batch of services reuses, prepared once per batch: SQLite's bulk path is
// one prepared statement run per row inside one transaction.
struct ServiceStatements {
  explicit ServiceStatements(sqlite::Connection& db)
      : insert(db.prepare("INSERT INTO services (section, name, website, purposes, description, controls, "
                          "risk_assessment_date, status, notes, updated_at, school_id) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")),
        update(db.prepare("UPDATE services SET section = ?, name = ?, website = ?, purposes = ?, description = ?, "
                          "controls = ?, risk_assessment_date = ?, status = ?, notes = ?, updated_at = ? "
                          "WHERE id = ? AND school_id = ?")),
        clear_providers(db.prepare("DELETE FROM service_providers WHERE service_id = ?")),
        clear_categories(db.prepare("DELETE FROM service_data WHERE service_id = ?")),
        find_provider(db.prepare("SELECT id FROM providers WHERE school_id = ? AND name = ?")),
        add_provider(db.prepare("INSERT INTO providers (school_id, name) VALUES (?, ?)")),
        link_provider(db.prepare("INSERT OR IGNORE INTO service_providers (service_id, provider_id, position) "
                                 "VALUES (?, ?, ?)")),
        find_category(db.prepare("SELECT id FROM data_categories WHERE school_id = ? AND name = ?")),
        link_category(db.prepare("INSERT OR IGNORE INTO service_data (service_id, category_id, position) "
                                 "VALUES (?, ?, ?)")) {}
  Statement insert, update, clear_providers, clear_categories, find_provider, add_provider, link_provider,
      find_category, link_category;
};

void run_once(Statement& st) {
  st.run();
  st.reset();
}

std::optional<std::string> date_column(const Service& s) {
  if (!s.risk_assessment_date) return std::nullopt;
  return s.risk_assessment_date->iso();
}

// Binds the columns the insert and the update share, in their order.
void bind_columns(Statement& st, const Service& s) {
  st.bind(static_cast<int>(s.section)).bind(s.name).bind(s.website).bind(join(s.purposes, "\n")).bind(s.description)
      .bind(s.controls).bind_optional(date_column(s)).bind(service_status_slug(s.status)).bind(s.notes)
      .bind(s.updated_at);
}

std::int64_t provider_id(sqlite::Connection& db, ServiceStatements& st, SchoolId school, const std::string& name) {
  st.find_provider.bind(school.value).bind(name);
  bool found = st.find_provider.step();
  std::int64_t id = found ? st.find_provider.integer(0) : 0;
  st.find_provider.reset();
  if (found) return id;
  run_once(st.add_provider.bind(school.value).bind(name));
  return db.last_insert_id();
}

void write_links(sqlite::Connection& db, ServiceStatements& st, SchoolId school, const Service& s) {
  run_once(st.clear_providers.bind(s.id.value));
  run_once(st.clear_categories.bind(s.id.value));
  int position = 0;
  for (const auto& name : s.providers)
    run_once(st.link_provider.bind(s.id.value).bind(provider_id(db, st, school, name)).bind(position++));
  position = 0;
  for (const auto& name : s.data_categories) {
    st.find_category.bind(school.value).bind(name);
    if (!st.find_category.step())
      throw Error::invalid("data_categories", "\"" + name + "\" is not a data category of this school");
    std::int64_t category = st.find_category.integer(0);
    st.find_category.reset();
    run_once(st.link_category.bind(s.id.value).bind(category).bind(position++));
  }
}

}  // namespace

void SqliteStore::save_services(SchoolId school, std::span<Service> services) {
  Lock lock(mutex_);
  transaction([&] {
    ServiceStatements st(db_);
    for (auto& s : services) {
      if (s.id.value == 0) {
        bind_columns(st.insert, s);
        run_once(st.insert.bind(school.value));
        s.id = {db_.last_insert_id()};
      } else {
        bind_columns(st.update, s);
        run_once(st.update.bind(s.id.value).bind(school.value));
      }
      write_links(db_, st, school, s);
    }
  });
}

std::vector<Service> SqliteStore::services_where(const char* where, std::int64_t school, std::int64_t id) {
  Lock lock(mutex_);
  std::vector<Service> out;
  std::map<std::int64_t, size_t> index;
  auto st = db_.prepare(std::string("SELECT id, section, name, website, purposes, description, controls, "
                                    "risk_assessment_date, status, notes, updated_at FROM services ") + where);
  st.bind(school);
  if (id) st.bind(id);
  while (st.step()) {
    Service s;
    s.id = {st.integer(0)};
    s.school = {school};
    s.section = static_cast<Section>(st.integer(1));
    s.name = st.text(2);
    s.website = st.text(3);
    s.purposes = split_list(st.text(4), '\n');
    s.description = st.text(5);
    s.controls = st.text(6);
    if (!st.is_null(7)) s.risk_assessment_date = Date::parse_iso(st.text(7));
    s.status = parse_service_status(st.text(8)).value_or(ServiceStatus::Proposed);
    s.notes = st.text(9);
    s.updated_at = st.text(10);
    index[s.id.value] = out.size();
    out.push_back(std::move(s));
  }
  auto providers = db_.prepare(
      "SELECT sp.service_id, p.name FROM service_providers sp JOIN providers p ON p.id = sp.provider_id "
      "JOIN services s ON s.id = sp.service_id WHERE s.school_id = ? ORDER BY sp.service_id, sp.position");
  providers.bind(school);
  while (providers.step())
    if (auto it = index.find(providers.integer(0)); it != index.end()) out[it->second].providers.push_back(providers.text(1));
  auto data = db_.prepare(
      "SELECT sd.service_id, c.name FROM service_data sd JOIN data_categories c ON c.id = sd.category_id "
      "JOIN services s ON s.id = sd.service_id WHERE s.school_id = ? ORDER BY sd.service_id, sd.position");
  data.bind(school);
  while (data.step())
    if (auto it = index.find(data.integer(0)); it != index.end()) out[it->second].data_categories.push_back(data.text(1));
  return out;
}

std::optional<Service> SqliteStore::service(SchoolId school, ServiceId id) {
  auto found = services_where("WHERE school_id = ? AND id = ?", school.value, id.value);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Service> SqliteStore::services(SchoolId school) {
  auto out = services_where("WHERE school_id = ?", school.value, 0);
  sort_services(out);
  return out;
}

// ---- users and sessions

namespace {
constexpr const char* kUserColumns = "SELECT id, school_id, email, name, role, password_hash, active FROM users ";

User read_user(Statement& st) {
  return {{st.integer(0)}, {st.integer(1)}, st.text(2), st.text(3), parse_role(st.text(4)).value_or(Role::Office),
          st.text(5), st.integer(6) != 0};
}
}  // namespace

UserId SqliteStore::create_user(const User& u) {
  Lock lock(mutex_);
  db_.prepare("INSERT INTO users (school_id, email, name, role, password_hash, active) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(u.school.value).bind(u.email).bind(u.name).bind(role_slug(u.role)).bind(u.password_hash)
      .bind(u.active ? 1 : 0)
      .run();
  return {db_.last_insert_id()};
}

std::optional<User> SqliteStore::user_where(const char* where, const std::function<void(Statement&)>& bind) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kUserColumns) + where);
  bind(st);
  if (!st.step()) return std::nullopt;
  return read_user(st);
}

std::optional<User> SqliteStore::user(UserId id) {
  return user_where("WHERE id = ?", [&](Statement& st) { st.bind(id.value); });
}

std::optional<User> SqliteStore::user_by_email(std::string_view email) {
  return user_where("WHERE email = ?", [&](Statement& st) { st.bind(email); });
}

std::vector<User> SqliteStore::users(SchoolId school) {
  Lock lock(mutex_);
  auto st = db_.prepare(std::string(kUserColumns) + "WHERE school_id = ? ORDER BY email");
  st.bind(school.value);
  std::vector<User> out;
  while (st.step()) out.push_back(read_user(st));
  return out;
}

void SqliteStore::create_session(const Session& s) {
  Lock lock(mutex_);
  db_.prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
      .bind(s.token_hash).bind(s.user.value).bind(s.csrf_token).bind(s.created_at).bind(s.expires_at)
      .run();
}

std::optional<Store::SessionUser> SqliteStore::session(std::string_view token_hash) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      "SELECT u.id, u.school_id, u.email, u.name, u.role, u.password_hash, u.active, "
      "s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?");
  st.bind(token_hash);
  if (!st.step()) return std::nullopt;
  return SessionUser{Session{st.text(7), {st.integer(8)}, st.text(9), st.text(10), st.text(11)}, read_user(st)};
}

void SqliteStore::remove_session(std::string_view token_hash) {
  Lock lock(mutex_);
  db_.prepare("DELETE FROM sessions WHERE token_hash = ?").bind(token_hash).run();
}

void SqliteStore::remove_sessions_expired_by(std::string_view now) {
  Lock lock(mutex_);
  db_.prepare("DELETE FROM sessions WHERE expires_at <= ?").bind(now).run();
}

void SqliteStore::record_login_failure(std::string_view email, std::string_view at) {
  Lock lock(mutex_);
  db_.prepare("INSERT INTO login_failures (email, at) VALUES (?, ?)").bind(email).bind(at).run();
}

int SqliteStore::login_failures_since(std::string_view email, std::string_view since) {
  Lock lock(mutex_);
  auto st = db_.prepare("SELECT COUNT(*) FROM login_failures WHERE email = ? AND at >= ?");
  st.bind(email).bind(since);
  st.step();
  return static_cast<int>(st.integer(0));
}

void SqliteStore::clear_login_failures(std::string_view email) {
  Lock lock(mutex_);
  db_.prepare("DELETE FROM login_failures WHERE email = ?").bind(email).run();
}

// ---- audit

void SqliteStore::append_audit_entries(std::span<const AuditEntry> entries) {
  Lock lock(mutex_);
  transaction([&] {
    auto st = db_.prepare(
        "INSERT INTO audit (school_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& e : entries)
      run_once(st.bind(e.school.value).bind(e.at).bind(e.actor).bind(e.action).bind(e.entity).bind(e.entity_id)
                   .bind(e.before).bind(e.after).bind(e.prev_hash).bind(e.hash));
  });
}

std::vector<AuditEntry> SqliteStore::audit_where(const char* sql, const std::function<void(Statement&)>& bind) {
  Lock lock(mutex_);
  auto st = db_.prepare(
      std::string("SELECT id, school_id, at, actor, action, entity, entity_id, before, after, prev_hash, hash FROM audit ") +
      sql);
  bind(st);
  std::vector<AuditEntry> out;
  while (st.step())
    out.push_back({st.integer(0), {st.integer(1)}, st.text(2), st.text(3), st.text(4), st.text(5), st.text(6),
                   st.text(7), st.text(8), st.text(9), st.text(10)});
  return out;
}

std::optional<AuditEntry> SqliteStore::last_audit(SchoolId school) {
  auto found = audit_where("WHERE school_id = ? ORDER BY id DESC LIMIT 1", [&](Statement& st) { st.bind(school.value); });
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<AuditEntry> SqliteStore::audit_entries(SchoolId school, int limit) {
  return audit_where("WHERE school_id = ? ORDER BY id DESC LIMIT ?",
                     [&](Statement& st) { st.bind(school.value).bind(limit); });
}

std::vector<AuditEntry> SqliteStore::all_audit_entries(SchoolId school) {
  return audit_where("WHERE school_id = ? ORDER BY id", [&](Statement& st) { st.bind(school.value); });
}

}  // namespace steward
