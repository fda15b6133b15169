#include "store/postgres/pg_db.h"

#include <iostream>

#include "domain/error.h"

namespace steward::pg {
namespace {

std::string first_line(const char* message) {
  std::string m = message ? message : "";
  auto nl = m.find('\n');
  if (nl != std::string::npos) m.resize(nl);
  return m;
}

}  // namespace

bool is_url(std::string_view db) { return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0; }

std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(r_.get(), row, column), static_cast<size_t>(PQgetlength(r_.get(), row, column)));
}

std::int64_t Result::integer(int row, int column) const { return std::stoll(PQgetvalue(r_.get(), row, column)); }

Connection::Connection(const std::string& url) : conn_(PQconnectdb(url.c_str()), PQfinish) {
  if (!conn_) throw Error::unavailable("Cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn_.get()) != CONNECTION_OK)
    throw Error::unavailable("Cannot connect to PostgreSQL at " + where() + ": " + first_line(PQerrorMessage(conn_.get())));
  // Notices (e.g. "relation already exists, skipping") are not for the user.
  PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
}

std::string Connection::where() const {
  const char* host = PQhost(conn_.get());
  const char* port = PQport(conn_.get());
  const char* db = PQdb(conn_.get());
  std::string h = host && *host ? host : "localhost";
  return h + ":" + (port && *port ? port : "5432") + "/" + (db ? db : "");
}

void Connection::fail(PGresult* r, std::string_view what) {
  std::string state = r ? (PQresultErrorField(r, PG_DIAG_SQLSTATE) ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : "") : "";
  std::string detail = first_line(r ? PQresultErrorMessage(r) : PQerrorMessage(conn_.get()));
  if (r) PQclear(r);
  if (broken()) throw Error::unavailable("The connection to PostgreSQL at " + where() + " was lost; try again");
  if (state == "23505" || state == "23503") throw Error::conflict("That record already exists or is still in use (" + detail + ")");
  if (state == "40001" || state == "40P01") throw Error::unavailable("The database was busy; try again");
  throw Error::internal("Database error while " + std::string(what) + ": " + detail);
}

// Queries are prepared once per connection, so PostgreSQL plans each only once rather than on
// every request. Statements that touch temporary tables (bulk imports) are left unprepared.
std::string Connection::prepared(const std::string& sql, int params) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  bool plannable = (sql.rfind("SELECT", 0) == 0 || sql.rfind("INSERT", 0) == 0 || sql.rfind("UPDATE", 0) == 0 ||
                    sql.rfind("DELETE", 0) == 0) &&
                   sql.find("import_") == std::string::npos;
  if (!plannable || statements_.size() >= 500) return "";
  std::string name = "s" + std::to_string(statements_.size());
  PGresult* r = PQprepare(conn_.get(), name.c_str(), sql.c_str(), params, nullptr);
  if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) fail(r, "preparing a query");
  PQclear(r);
  statements_.emplace(sql, name);
  return name;
}

Result Connection::exec(std::string_view sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& v : params) values.push_back(v ? v->c_str() : nullptr);
  std::string query(sql);
  std::string name = prepared(query, static_cast<int>(values.size()));
  PGresult* r = name.empty() ? PQexecParams(conn_.get(), query.c_str(), static_cast<int>(values.size()), nullptr,
                                            values.data(), nullptr, nullptr, 0)
                             : PQexecPrepared(conn_.get(), name.c_str(), static_cast<int>(values.size()), values.data(),
                                              nullptr, nullptr, 0);
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r, "running a query");
  return Result(r);
}

void Connection::copy_in(const std::string& copy_sql, const std::string& rows) {
  PGresult* r = PQexec(conn_.get(), copy_sql.c_str());
  if (!r || PQresultStatus(r) != PGRES_COPY_IN) fail(r, "starting a bulk copy");
  PQclear(r);
  if (PQputCopyData(conn_.get(), rows.data(), static_cast<int>(rows.size())) != 1 || PQputCopyEnd(conn_.get(), nullptr) != 1)
    fail(nullptr, "sending a bulk copy");
  r = PQgetResult(conn_.get());
  if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) fail(r, "finishing a bulk copy");
  PQclear(r);
  while ((r = PQgetResult(conn_.get()))) PQclear(r);
}

std::vector<std::string> text_array(std::string_view a) {
  auto bad = [&] { return Error::internal("PostgreSQL sent an array Steward cannot read: " + std::string(a.substr(0, 80))); };
  if (a.size() < 2 || a.front() != '{' || a.back() != '}') throw bad();
  std::vector<std::string> out;
  std::size_t i = 1;
  if (a.size() == 2) return out;
  while (true) {
    std::string& e = out.emplace_back();
    if (a[i] == '"') {
      for (++i; i < a.size() - 1 && a[i] != '"'; ++i) {
        if (a[i] == '\\') ++i;  // the next character as it is
        e += a[i];
      }
      if (i >= a.size() - 1 || a[i] != '"') throw bad();
      ++i;
    } else {
      while (i < a.size() - 1 && a[i] != ',') e += a[i++];
    }
    if (i == a.size() - 1) return out;
    if (a[i] != ',') throw bad();
    ++i;
  }
}

ArrayLiteral& ArrayLiteral::add(std::string_view text) {
  if (size_++ > 0) out_ += ',';
  out_ += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out_ += '\\';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

ArrayLiteral& ArrayLiteral::add(const Param& value) {
  if (value) return add(std::string_view(*value));
  if (size_++ > 0) out_ += ',';
  out_ += "NULL";
  return *this;
}

void copy_field(std::string& out, const Param& value, bool last) {
  if (!value) {
    out += "\\N";
  } else {
    for (char c : *value) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
  }
  out += last ? '\n' : '\t';
}

void Connection::exec_script(const std::string& sql) {
  PGresult* r = PQexec(conn_.get(), sql.c_str());
  auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(r, "updating the schema");
  PQclear(r);
}

}  // namespace steward::pg
