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

}  // namespace steward
