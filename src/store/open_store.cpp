#include "domain/error.h"
#include "store/postgres/pg_db.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace steward {

std::unique_ptr<Store> open_store(const std::string& db) {
  if (db.empty()) throw Error::bad_request("No database given: pass --db FILE or set STEWARD_DB");
  if (pg::is_url(db)) return std::make_unique<PgStore>(db);
  if (db.find("://") != std::string::npos)
    throw Error::bad_request("Unknown kind of database URL: " + db + " (use a file path or postgresql://...)");
  return std::make_unique<SqliteStore>(db);
}

std::string printable_db(const std::string& db) {
  std::string out = db;
  auto scheme = out.find("://");
  auto at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    auto colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  auto pw = out.find("password=");
  if (pw != std::string::npos) {
    auto end = out.find('&', pw);
    out.replace(pw + 9, (end == std::string::npos ? out.size() : end) - pw - 9, "***");
  }
  return out;
}

}  // namespace steward
