#pragma once
// Helpers shared by the tests: temporary folders, running the steward binary, and a real
// `steward serve` on a free loopback port with a small HTTP client.
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"

namespace steward::testing {

// A fresh folder, removed with everything in it when the test ends.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  std::filesystem::path path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int status = -1;
  std::string out, err;
};

// Runs `steward ARGS...` with `input` on standard input.
RunResult steward(const std::vector<std::string>& args, const std::string& input = "");

void write_file(const std::string& path, const std::string& text);
std::string read_file(const std::string& path);
// The demo database in `dir`; returns the DPO's generated password.
std::string init_demo(const TempDir& dir, const std::string& db_name = "s.db");

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names; last value wins
  std::vector<std::string> set_cookies;
  std::string body;
};

// `steward serve` on 127.0.0.1 with a port the kernel picks; stopped (SIGTERM) when destroyed.
class Server {
 public:
  // `log_path`: where its output goes (default: beside a SQLite file). With `socket_path` it
  // listens on that unix socket instead, and port() is 0.
  explicit Server(const std::string& db, const std::string& log_path = "", const std::string& socket_path = "");
  ~Server();
  unsigned short port() const { return port_; }
  std::string log() const;

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string log_path_;
};

// An HTTP client that keeps cookies, like a browser session.
class Client {
 public:
  explicit Client(unsigned short port) : port_(port) {}
  HttpResponse get(const std::string& path);
  HttpResponse post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& form);
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const std::string& content_type);
  struct File {
    std::string field, filename, content_type, bytes;
  };
  HttpResponse post_multipart(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                              const std::vector<File>& files);
  // Signs in through the form; returns the final response of the POST.
  HttpResponse login(const std::string& email, const std::string& password);
  // The csrf_token hidden field of the last page fetched.
  std::string csrf_from(const std::string& html) const;
  std::map<std::string, std::string> cookies;

 private:
  unsigned short port_;
};

// A fresh, empty PostgreSQL database on the test cluster that CTest starts (tests/pg/pg_cluster),
// dropped when the test ends. Throws when the cluster is not running.
class PgTestDatabase {
 public:
  PgTestDatabase();
  ~PgTestDatabase();
  const std::string& url() const { return url_; }
  static std::string admin_url();  // the cluster's "postgres" database
  // Runs SQL as the superuser on the admin database (for tests that break things on purpose).
  static void admin(const std::string& sql);

 private:
  std::string name_, url_;
};

// A database of the named backend ("sqlite" or "postgresql") for one test: a file in a temp
// folder, or a fresh PostgreSQL database.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  const std::string& url() const { return url_; }

 private:
  TempDir dir_;
  std::unique_ptr<PgTestDatabase> pg_;
  std::string url_;
};

// Runs SQL straight on a database URL (either backend), bypassing Steward; false when it fails.
bool raw_sql(const std::string& url, const std::string& sql);

inline const std::vector<std::string>& backends() {
  static const std::vector<std::string> all = {"sqlite", "postgresql"};
  return all;
}

// A school "test-school" with the standard page text and no data categories, in a migrated store.
SchoolId create_test_school(Store&);

// How many times `needle` occurs in `hay`.
int count(const std::string& hay, const std::string& needle);
// The text between the first `from` and the next `to` after it.
std::string between(const std::string& hay, const std::string& from, const std::string& to);

}  // namespace steward::testing
