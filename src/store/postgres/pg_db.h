#pragma once
// A thin RAII layer over libpq: connections, parameterised queries, results. Failures become
// steward::Error naming the server; SQL never reaches a message.
#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace steward::pg {

// Query parameters travel as text; nullopt is SQL NULL.
using Param = std::optional<std::string>;
using Params = std::vector<Param>;
inline Param p(std::string_view s) { return std::string(s); }
inline Param p(std::int64_t v) { return std::to_string(v); }
inline Param p(int v) { return std::to_string(v); }

class Result {
 public:
  explicit Result(PGresult* r) : r_(r, PQclear) {}
  int rows() const { return PQntuples(r_.get()); }
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  bool is_null(int row, int column) const { return PQgetisnull(r_.get(), row, column) != 0; }

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class Connection {
 public:
  // Throws Error 503 naming the host, port and database when the server cannot be reached or
  // refuses the role or database.
  explicit Connection(const std::string& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result exec(std::string_view sql, const Params& params = {});
  // COPY ... FROM STDIN with `rows` in COPY's text format (see copy_field).
  void copy_in(const std::string& copy_sql, const std::string& rows);
  // Runs several statements without parameters (migrations).
  void exec_script(const std::string& sql);
  // True when the server went away; such a connection is discarded, not reused.
  bool broken() const { return PQstatus(conn_.get()) != CONNECTION_OK; }
  PGconn* handle() { return conn_.get(); }
  std::string where() const;  // "host:port/database", for messages

 private:
  [[noreturn]] void fail(PGresult* r, std::string_view what);
  // The name of the prepared statement for `sql`, preparing it on first use; empty for
  // statements that are not worth or not able to be prepared.
  std::string prepared(const std::string& sql, int params);
  std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
  std::unordered_map<std::string, std::string> statements_;
};

// Appends one field in COPY text format: backslash escapes, \N for NULL; then a tab or, for the
// last field of a row, a newline.
void copy_field(std::string& out, const Param& value, bool last = false);

// The elements of a text[] as PostgreSQL writes it: {a,"b c","d\"e"}. Throws Error 500 when the
// text is not an array literal.
std::vector<std::string> text_array(std::string_view literal);
// An array literal built an element at a time, every element quoted so that any text
// survives: the parameter for unnest($n::text[]) or $n::bigint[] in set-at-a-time statements.
class ArrayLiteral {
 public:
  ArrayLiteral& add(std::string_view text);
  ArrayLiteral& add(const std::string& text) { return add(std::string_view(text)); }
  ArrayLiteral& add(std::int64_t value) { return add(std::string_view(std::to_string(value))); }
  ArrayLiteral& add(const Param& value);  // nullopt is NULL
  size_t size() const { return size_; }
  std::string str() const { return out_ + '}'; }

 private:
  std::string out_ = "{";
  size_t size_ = 0;
};

// True for the URLs that name a PostgreSQL server.
bool is_url(std::string_view db);

}  // namespace steward::pg
