#pragma once
// The Store on one SQLite file: one connection, serialised by a recursive mutex so that a
// transaction holds the connection for its whole length.
#include <mutex>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace steward {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);

  void transaction(const std::function<void()>& fn) override;
  int schema_version() override;
  int latest_schema_version() const override;
  void migrate_to(int version) override;

  SchoolId create_school(const School&) override;
  std::optional<School> school(std::string_view slug) override;
  std::optional<School> school(SchoolId) override;
  std::vector<School> schools() override;
  void update_page_text(SchoolId, const PageText&) override;
  void touch_school(SchoolId, std::string_view at) override;
  std::int64_t school_revision(std::string_view slug) override;
  std::uint64_t change_token() override;

  std::vector<DataCategory> data_categories(SchoolId) override;
  CategoryId create_data_category(const DataCategory&) override;

  std::vector<Provider> providers(SchoolId) override;
  void update_provider(const Provider&) override;

  void save_services(SchoolId, std::span<Service>) override;
  std::optional<Service> service(SchoolId, ServiceId) override;
  std::vector<Service> services(SchoolId) override;

  UserId create_user(const User&) override;
  std::optional<User> user(UserId) override;
  std::optional<User> user_by_email(std::string_view email) override;
  std::vector<User> users(SchoolId) override;

  void create_session(const Session&) override;
  std::optional<SessionUser> session(std::string_view token_hash) override;
  void remove_session(std::string_view token_hash) override;
  void remove_sessions_expired_by(std::string_view now) override;

  void record_login_failure(std::string_view email, std::string_view at) override;
  int login_failures_since(std::string_view email, std::string_view since) override;
  void clear_login_failures(std::string_view email) override;

  std::vector<Pupil> pupils(SchoolId, bool include_left) override;
  void for_each_pupil(SchoolId, bool include_left, const PupilParts& parts,
                      const std::function<void(const Pupil&)>& fn) override;
  std::int64_t count_pupils(SchoolId, bool include_left) override;
  std::optional<Pupil> pupil(SchoolId, PupilId) override;
  std::optional<Pupil> pupil_by_upn(SchoolId, std::string_view upn) override;
  std::vector<Pupil> search_pupils(SchoolId, std::string_view query, int limit) override;
  void save_pupils(SchoolId, std::span<const Pupil>) override;
  void mark_pupils_left(SchoolId, const std::vector<PupilId>&, const Date& on) override;

  OptOutId create_opt_out(const OptOut&) override;
  void withdraw_opt_out(SchoolId, OptOutId, std::string_view by, std::string_view at, std::string_view reason) override;
  std::vector<OptOut> opt_outs(SchoolId, std::optional<PupilId>, std::optional<ServiceId>) override;
  std::optional<OptOut> opt_out(SchoolId, OptOutId) override;

  DisclosureId create_disclosure(const Disclosure&, const std::vector<PupilId>& pupils) override;
  std::vector<Disclosure> disclosures(SchoolId, std::optional<ServiceId>, std::optional<PupilId>) override;
  std::vector<PupilId> disclosed_pupils(SchoolId, DisclosureId) override;

  void append_audit_entries(std::span<const AuditEntry>) override;
  std::optional<AuditEntry> last_audit(SchoolId) override;
  std::vector<AuditEntry> audit_entries(SchoolId, int limit) override;
  std::vector<AuditEntry> all_audit_entries(SchoolId) override;

 private:
  std::vector<Pupil> pupils_where(const std::string& where, const std::function<void(sqlite::Statement&)>& bind,
                                  SchoolId school);
  std::optional<School> school_where(const char* where, const std::function<void(sqlite::Statement&)>& bind);
  std::vector<Service> services_where(const char* where, std::int64_t school, std::int64_t id);
  std::optional<User> user_where(const char* where, const std::function<void(sqlite::Statement&)>& bind);
  std::vector<AuditEntry> audit_where(const char* sql, const std::function<void(sqlite::Statement&)>& bind);

  std::recursive_mutex mutex_;
  sqlite::Connection db_;
  int depth_ = 0;  // nesting of transaction()
  std::string path_;
  std::string wal_path_;
};

}  // namespace steward
