#pragma once
// The storage interface. Everything above it (app, web, cli) sees only this; SQLite is one
// implementation, PostgreSQL the next. Every row belongs to a school.
//
// Contracts:
// - Lookups that may miss return std::optional; they never throw for "not found".
// - Writes outside transaction() run in their own implicit transaction.
// - transaction(fn) commits when fn returns and rolls back when it throws (the exception
//   propagates). Nested calls join the outer transaction.
// - Storage faults throw steward::Error with status 500 (503 when the server is unreachable);
//   the message never contains SQL.
// - A Store may be used from several threads; implementations serialise as they need.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/audit_entry.h"
#include "domain/data_category.h"
#include "domain/disclosure.h"
#include "domain/opt_out.h"
#include "domain/pupil.h"
#include "domain/provider.h"
#include "domain/school.h"
#include "domain/service.h"
#include "domain/session.h"
#include "domain/user.h"

namespace steward {

class Store {
 public:
  virtual ~Store() = default;

  virtual void transaction(const std::function<void()>& fn) = 0;

  // Schema: an ordered list of migrations; the version is how many have run.
  virtual int schema_version() = 0;
  virtual int latest_schema_version() const = 0;
  // Runs the missing migrations up to `version` (the latest when absent), each in its own
  // transaction. Stopping short is for testing a migration on data written by the schema before it.
  void migrate() { migrate_to(latest_schema_version()); }
  virtual void migrate_to(int version) = 0;

  // Schools. REQUIRES: the slug is unique (else Error 409).
  virtual SchoolId create_school(const School&) = 0;
  virtual std::optional<School> school(std::string_view slug) = 0;
  virtual std::optional<School> school(SchoolId) = 0;
  virtual std::vector<School> schools() = 0;
  virtual void update_page_text(SchoolId, const PageText&) = 0;
  // Records that what the published page shows has changed: bumps revision, sets updated_at.
  virtual void touch_school(SchoolId, std::string_view at) = 0;
  virtual std::int64_t school_revision(std::string_view slug) = 0;  // -1 when there is no such school
  // A cheap value that differs whenever any process may have changed a school or a register
  // since it was last read; equal values mean neither changed. Lets caches (the published page,
  // the schools a request names) skip a query per request. Every write to a school moves it:
  // in the writing process at once, in other processes when they notice (PostgreSQL: when its
  // NOTIFY arrives, normally within milliseconds but with no bound; SQLite: within a second).
  virtual std::uint64_t change_token() = 0;

  // Data categories, ordered by name as created (taxonomy order).
  virtual std::vector<DataCategory> data_categories(SchoolId) = 0;
  virtual CategoryId create_data_category(const DataCategory&) = 0;

  // Providers, ordered by name, with service_count filled.
  virtual std::vector<Provider> providers(SchoolId) = 0;
  virtual void update_provider(const Provider&) = 0;

  // Services, saved a batch at a time: those without an id are inserted (their ids filled in),
  // the others replace the stored service of that id, providers and categories included. A
  // batch costs a fixed number of multi-row statements on PostgreSQL, whatever its size.
  // Providers named are created on first use. REQUIRES: every service belongs to `school`;
  // every data category a service names exists in the school, matched ignoring case (else
  // Error 422 naming the first unknown one, and nothing is saved).
  virtual void save_services(SchoolId school, std::span<Service>) = 0;
  ServiceId create_service(const Service&);
  void update_service(const Service&);
  virtual std::optional<Service> service(SchoolId, ServiceId) = 0;
  virtual std::vector<Service> services(SchoolId) = 0;  // in register order

  // Staff. Emails are unique across the deployment (else Error 409).
  virtual UserId create_user(const User&) = 0;
  virtual std::optional<User> user(UserId) = 0;
  virtual std::optional<User> user_by_email(std::string_view email) = 0;
  virtual std::vector<User> users(SchoolId) = 0;

  // Sessions live in the database so that any app server can serve any request.
  virtual void create_session(const Session&) = 0;
  // A session with the user it belongs to, in one read: every signed-in request needs both.
  struct SessionUser {
    Session session;
    User user;
  };
  virtual std::optional<SessionUser> session(std::string_view token_hash) = 0;
  virtual void remove_session(std::string_view token_hash) = 0;
  virtual void remove_sessions_expired_by(std::string_view now) = 0;

  // Failed sign-ins, counted per email, to slow down password guessing.
  virtual void record_login_failure(std::string_view email, std::string_view at) = 0;
  virtual int login_failures_since(std::string_view email, std::string_view since) = 0;
  virtual void clear_login_failures(std::string_view email) = 0;

  // Pupils, with their contacts, ordered by surname then forename. `include_left` adds those
  // who have left.
  virtual std::vector<Pupil> pupils(SchoolId, bool include_left) = 0;
  // The same pupils one at a time in id order (the order they joined the roll), without holding
  // them all or sorting them: exports of a whole roll.
  // Reads at least `parts` of each pupil; the rest may be left empty.
  virtual void for_each_pupil(SchoolId, bool include_left, const PupilParts& parts,
                              const std::function<void(const Pupil&)>& fn) = 0;
  virtual std::int64_t count_pupils(SchoolId, bool include_left) = 0;
  virtual std::optional<Pupil> pupil(SchoolId, PupilId) = 0;
  virtual std::optional<Pupil> pupil_by_upn(SchoolId, std::string_view upn) = 0;
  // Pupils whose names or UPN contain `query` (ignoring case), on roll first.
  virtual std::vector<Pupil> search_pupils(SchoolId, std::string_view query, int limit) = 0;
  // Inserts new pupils and replaces the details and contacts of existing ones (matched by UPN),
  // clearing their leaving date, in bulk (COPY on PostgreSQL). REQUIRES: inside transaction().
  virtual void save_pupils(SchoolId, std::span<const Pupil>) = 0;
  virtual void mark_pupils_left(SchoolId, const std::vector<PupilId>&, const Date& on) = 0;

  // Opt-outs, newest first; listings leave out the evidence bytes.
  virtual OptOutId create_opt_out(const OptOut&) = 0;
  virtual void withdraw_opt_out(SchoolId, OptOutId, std::string_view by, std::string_view at, std::string_view reason) = 0;
  virtual std::vector<OptOut> opt_outs(SchoolId, std::optional<PupilId>, std::optional<ServiceId>) = 0;
  virtual std::optional<OptOut> opt_out(SchoolId, OptOutId) = 0;  // with the evidence

  // The disclosure log: every export, with the pupils it included.
  virtual DisclosureId create_disclosure(const Disclosure&, const std::vector<PupilId>& pupils) = 0;
  virtual std::vector<Disclosure> disclosures(SchoolId, std::optional<ServiceId>, std::optional<PupilId>) = 0;
  virtual std::vector<PupilId> disclosed_pupils(SchoolId, DisclosureId) = 0;

  // The audit trail, one hash chain per school (so a school's trail moves with it intact).
  // REQUIRES for last_audit + append_audit: inside one transaction, which serialises
  // appends to the same school's chain.
  // Appends entries in the order given; their hashes are already chained by the caller.
  virtual void append_audit_entries(std::span<const AuditEntry>) = 0;
  void append_audit(const AuditEntry& e) { append_audit_entries({&e, 1}); }
  virtual std::optional<AuditEntry> last_audit(SchoolId) = 0;
  virtual std::vector<AuditEntry> audit_entries(SchoolId, int limit) = 0;  // newest first
  virtual std::vector<AuditEntry> all_audit_entries(SchoolId) = 0;         // oldest first
};

// Opens the store a DB argument names: a file path is SQLite (created if absent);
// postgresql:// URLs name a PostgreSQL server. Errors name what failed.
std::unique_ptr<Store> open_store(const std::string& db);

// The DB argument fit to print: a password in a URL (user:secret@ or password=secret) is hidden.
std::string printable_db(const std::string& db);

}  // namespace steward
