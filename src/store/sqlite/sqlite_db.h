#pragma once
// A thin RAII layer over the SQLite C API: one connection, prepared statements with bound
// parameters. Failures become steward::Error; SQL never reaches a message.
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace steward::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds parameters 1..n in order.
  Statement& bind(std::string_view text);
  // Without SQLite's own copy: `text` must stay alive and unchanged until the statement is
  // reset or finalised (bulk inserts binding fields of records they hold).
  Statement& bind_static(std::string_view text);
  Statement& bind(std::int64_t value);
  Statement& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
  Statement& bind_null();
  Statement& bind_optional(const std::optional<std::string>& text);

  // Advances to the next row; false when done. Throws on a constraint violation (409) or a
  // storage fault (500).
  bool step();
  void run() { step(); }
  // Makes the statement ready to run again with new parameters (bulk inserts).
  void reset();

  std::string text(int column) const;
  void text_into(int column, std::string& out) const;  // reuses out's buffer
  // SQLite's own bytes: valid until the next step, reset or read of the column as another type.
  std::string_view view(int column) const;
  std::int64_t integer(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int next_param_ = 1;
};

class Connection {
 public:
  explicit Connection(const std::string& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void exec(const char* sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  sqlite3* handle() { return db_; }
  // Write transactions committed through this connection: readable from any thread without
  // the store's lock, so a request can see its own process's writes without waiting for them.
  std::uint64_t commits() const { return commits_.load(std::memory_order_acquire); }

 private:
  sqlite3* db_ = nullptr;
  std::atomic<std::uint64_t> commits_{0};
};

}  // namespace steward::sqlite
