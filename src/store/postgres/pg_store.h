#pragma once
// The Store on a PostgreSQL server, for a local authority running many schools with several
// app servers. Connections come from a small pool; a transaction keeps its connection for the
// calling thread. A listener connection turns NOTIFY steward_changes into the change token.
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/postgres/pg_db.h"
#include "store/store.h"

namespace steward {

class PgStore final : public Store {
 public:
  explicit PgStore(std::string url);  // connects once to report a bad URL or server at once
  ~PgStore() override;

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
  std::vector<Pupil> pupils_where(const std::string& where, const pg::Params& params, SchoolId school);
  // The connection of the transaction the calling thread is in. REQUIRES: inside transaction().
  pg::Connection& current_connection();
  // Runs fn on this thread's transaction connection, or on a pooled one.
  pg::Result run(std::string_view sql, const pg::Params& params = {});
  std::unique_ptr<pg::Connection> acquire();
  void release(std::unique_ptr<pg::Connection>);
  std::vector<Service> services_where(const char* where, const pg::Params& params, std::int64_t school);
  void refuse_unknown_categories(SchoolId, std::span<const Service>);
  void write_service_links(SchoolId, std::span<const Service>);
  std::optional<School> school_where(const char* where, const pg::Params& params);
  std::optional<User> user_where(const char* where, const pg::Params& params);
  std::vector<AuditEntry> audit_where(const char* sql, const pg::Params& params);
  void listen();
  // Moves change_token() in every app server when the calling transaction commits: every write
  // to a school calls it, since servers keep schools and published pages while it stands still.
  void notify_change();

  std::string url_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<pg::Connection>> idle_;

  std::once_flag listener_started_;
  std::thread listener_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};
  std::atomic<std::uint64_t> changes_{0};
  std::mutex listen_mutex_;
  std::condition_variable listen_ready_;
};

}  // namespace steward
