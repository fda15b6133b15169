#include "domain/error.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace steward {

std::unique_ptr<Store> open_store(const std::string& db) {
  if (db.empty()) throw Error::bad_request("No database given: pass --db FILE or set STEWARD_DB");
  if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0)
    throw Error::bad_request("PostgreSQL databases are not supported by this build yet: " + db);
  return std::make_unique<SqliteStore>(db);
}

}  // namespace steward
