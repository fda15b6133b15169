// SQLite's change token after a checkpoint has restarted the write-ahead log: a write then
// reuses the log's first pages, so neither its size nor (within one clock tick) its time moves.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "store/store.h"
#include "support/test_support.h"

namespace steward {
namespace {

struct stat stat_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st;
}

TEST(SqliteChangeToken, MovesForThisProcesssWriteThatLeavesTheLogsSizeAndTimeAlone) {
  steward::testing::TempDir dir;
  const std::string path = dir.file("t.db"), wal = path + "-wal";
  auto store = open_store(path);
  store->migrate();
  SchoolId school = steward::testing::create_test_school(*store);

  sqlite3* other = nullptr;  // another connection restarts the log, as an automatic checkpoint does
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "PRAGMA wal_checkpoint(RESTART)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(other);

  struct stat before = stat_of(wal);
  auto token = store->change_token();
  store->touch_school(school, "2026-01-02T00:00:00Z");
  struct stat after = stat_of(wal);
  ASSERT_EQ(after.st_size, before.st_size) << "the write was meant to reuse the restarted log";
  // The same clock tick, as two quick writes often share.
  timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, wal.c_str(), times, 0), 0);
  EXPECT_NE(store->change_token(), token);
}

}  // namespace
}  // namespace steward
