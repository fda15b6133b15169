#include "support/test_support.h"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace steward::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("steward-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

pid_t spawn(const std::vector<std::string>& args, const std::string& in, const std::string& out, const std::string& err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  std::string bin = STEWARD_BIN;
  argv.push_back(bin.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + bin);
  return pid;
}

}  // namespace

RunResult steward(const std::vector<std::string>& args, const std::string& input) {
  TempDir io;
  write_file(io.file("in"), input);
  pid_t pid = spawn(args, io.file("in"), io.file("out"), io.file("err"));
  int status = 0;
  waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), read_file(io.file("out")),
          read_file(io.file("err"))};
}

std::string init_demo(const TempDir& dir, const std::string& db_name) {
  RunResult r = steward({"init", "--db", dir.file(db_name), "--demo"});
  if (r.status != 0) throw std::runtime_error("steward init failed: " + r.err);
  std::smatch m;
  if (!std::regex_search(r.out, m, std::regex("password: (\\S+)"))) throw std::runtime_error("no password in: " + r.out);
  return m[1];
}

Server::Server(const std::string& db, const std::string& log_path, const std::string& socket_path) {
  log_path_ = log_path.empty() ? db + ".serve.log" : log_path;
  std::vector<std::string> args = {"serve", "--db", db};
  for (const auto& a : socket_path.empty() ? std::vector<std::string>{"--port", "0", "--bind", "127.0.0.1"}
                                           : std::vector<std::string>{"--socket", socket_path})
    args.push_back(a);
  pid_ = spawn(args, "/dev/null", log_path_, log_path_ + ".err");
  std::regex listening("listening on (http://127\\.0\\.0\\.1:(\\d+)/|unix:)");
  for (int i = 0; i < 200; ++i) {
    std::smatch m;
    std::string text = read_file(log_path_);
    if (std::regex_search(text, m, listening)) {
      port_ = m[2].matched ? static_cast<unsigned short>(std::stoi(m[2])) : 0;
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("steward serve exited: " + read_file(log_path_ + ".err"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("steward serve did not start within 10 s");
}

Server::~Server() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  if (waitpid(pid_, &status, WNOHANG) == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
}

std::string Server::log() const { return read_file(log_path_) + read_file(log_path_ + ".err"); }

HttpResponse Client::request(const std::string& method, const std::string& path, const std::string& body,
                             const std::string& content_type) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port_);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  std::string cookie_header;
  for (const auto& [k, v] : cookies) cookie_header += (cookie_header.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie_header.empty()) req.set("Cookie", cookie_header);
  if (!content_type.empty()) req.setContentType(content_type);
  req.setContentLength64(static_cast<Poco::Int64>(body.size()));
  session.sendRequest(req) << body;
  Poco::Net::HTTPResponse res;
  std::istream& in = session.receiveResponse(res);
  HttpResponse out;
  out.status = res.getStatus();
  for (const auto& [k, v] : res) {
    std::string name = k;
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = v;
    if (name == "set-cookie") {
      out.set_cookies.push_back(v);
      auto eq = v.find('='), semi = v.find(';');
      std::string cname = v.substr(0, eq), cvalue = v.substr(eq + 1, semi - eq - 1);
      if (cvalue.empty() || v.find("Max-Age=0") != std::string::npos) cookies.erase(cname);
      else cookies[cname] = cvalue;
    }
  }
  Poco::StreamCopier::copyToString(in, out.body);
  return out;
}

HttpResponse Client::get(const std::string& path) { return request("GET", path, "", ""); }

HttpResponse Client::post(const std::string& path, const std::vector<std::pair<std::string, std::string>>& form) {
  std::string body;
  for (const auto& [k, v] : form) {
    std::string ek, ev;
    Poco::URI::encode(k, "&=+;%", ek);
    Poco::URI::encode(v, "&=+;%", ev);
    body += (body.empty() ? "" : "&") + ek + "=" + ev;
  }
  return request("POST", path, body, "application/x-www-form-urlencoded");
}

HttpResponse Client::post_multipart(const std::string& path,
                                    const std::vector<std::pair<std::string, std::string>>& fields,
                                    const std::vector<File>& files) {
  const std::string boundary = "----steward-test-boundary-7f3a";
  std::string body;
  for (const auto& [k, v] : fields)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& f : files)
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.filename +
            "\"\r\nContent-Type: " + f.content_type + "\r\n\r\n" + f.bytes + "\r\n";
  body += "--" + boundary + "--\r\n";
  return request("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

HttpResponse Client::login(const std::string& email, const std::string& password) {
  auto page = get("/login");
  return post("/login", {{"csrf_token", csrf_from(page.body)}, {"email", email}, {"password", password}});
}

std::string Client::csrf_from(const std::string& html) const {
  std::smatch m;
  if (std::regex_search(html, m, std::regex("name=\"csrf_token\" value=\"([0-9a-f]+)\""))) return m[1];
  return "";
}

std::string PgTestDatabase::admin_url() {
  std::string url = read_file(std::string(STEWARD_PG_STATE) + "/url");
  while (!url.empty() && (url.back() == '\n' || url.back() == ' ')) url.pop_back();
  if (url.empty())
    throw std::runtime_error("the PostgreSQL test cluster is not running (CTest starts it: tests/pg/pg_cluster start " +
                             std::string(STEWARD_PG_STATE) + ")");
  return url;
}

void PgTestDatabase::admin(const std::string& sql) {
  PGconn* c = PQconnectdb(admin_url().c_str());
  PGresult* r = PQexec(c, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  std::string message = PQerrorMessage(c);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error("admin SQL failed: " + message);
}

PgTestDatabase::PgTestDatabase() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  name_ = "steward_t" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" + std::to_string(rd() % 100000);
  admin("CREATE DATABASE " + name_ + " TEMPLATE template0");
  std::string base = admin_url();
  url_ = base.substr(0, base.rfind('/')) + "/" + name_;
}

PgTestDatabase::~PgTestDatabase() {
  try {
    admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is stopped after the tests anyway; a leftover database is harmless.
  }
}

bool raw_sql(const std::string& url, const std::string& sql) {
  if (url.rfind("postgresql://", 0) == 0) {
    PGconn* c = PQconnectdb(url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    PQclear(r);
    PQfinish(c);
    return ok;
  }
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(url.c_str(), &db) == SQLITE_OK &&
            sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(db);
  return ok;
}

TestDatabase::TestDatabase(const std::string& backend) {
  if (backend == "postgresql") {
    pg_ = std::make_unique<PgTestDatabase>();
    url_ = pg_->url();
  } else {
    url_ = dir_.file("test.db");
  }
}

int count(const std::string& hay, const std::string& needle) {
  int n = 0;
  for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return n;
}

std::string between(const std::string& hay, const std::string& from, const std::string& to) {
  auto start = hay.find(from);
  if (start == std::string::npos) return "";
  auto end = hay.find(to, start + from.size());
  return hay.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

SchoolId create_test_school(Store& store) {
  School s;
  s.slug = "test-school";
  s.name = "Test School";
  s.page = PageText::standard();
  s.updated_at = "2026-01-01T00:00:00Z";
  return store.create_school(s);
}

}  // namespace steward::testing
