// HTTP/1.1 as clients really speak it, byte for byte over a socket: keep-alive and pipelining,
// HTTP/1.0, Expect: 100-continue, chunked bodies, HEAD, and malformed requests.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <memory>

#include "support/test_support.h"

namespace steward {
namespace {

using namespace steward::testing;

const std::string kPage = "/schools/crook-primary/cloud-services";

// A raw connection to the server: what is sent is exactly what the test wrote.
class Raw {
 public:
  explicit Raw(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) ADD_FAILURE() << "cannot connect";
    timeval t{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &t, sizeof t);
  }
  ~Raw() { ::close(fd_); }
  void send(const std::string& bytes) {
    ASSERT_EQ(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
  }
  // Everything until the server closes the connection (or 10 s pass), from the first byte read.
  std::string read_to_close() {
    std::string out = std::move(got_);
    got_.clear();
    char buf[65536];
    for (ssize_t n; (n = ::recv(fd_, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<size_t>(n));
    return out;
  }
  // Reads until `text` has arrived; returns all read so far.
  std::string read_until(const std::string& text) {
    char buf[65536];
    while (got_.find(text) == std::string::npos) {
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) break;
      got_.append(buf, static_cast<size_t>(n));
    }
    return got_;
  }
  bool closed_by_server() {
    char c;
    return ::recv(fd_, &c, 1, 0) == 0;
  }

 private:
  int fd_ = -1;
  std::string got_;
};

class HttpProtocol : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir = new TempDir;
    init_demo(*dir);
    server = new Server(dir->file("s.db"));
  }
  static void TearDownTestSuite() {
    delete server;
    delete dir;
  }
  static unsigned short port() { return server->port(); }
  static TempDir* dir;
  static Server* server;
};

TempDir* HttpProtocol::dir = nullptr;
Server* HttpProtocol::server = nullptr;

TEST_F(HttpProtocol, PipelinedRequestsOnOneConnectionAreAnsweredInOrder) {
  Raw c(port());
  c.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\nGET /nowhere HTTP/1.1\r\nHost: t\r\n\r\n"
         "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  std::string all = c.read_to_close();
  auto first = all.find("HTTP/1.1 200 OK\r\n");
  auto second = all.find("HTTP/1.1 404 Not Found\r\n");
  auto third = all.find("HTTP/1.1 200 OK\r\n", second);
  ASSERT_NE(first, std::string::npos) << all;
  ASSERT_NE(second, std::string::npos) << all;
  ASSERT_NE(third, std::string::npos) << all;
  EXPECT_LT(first, second);
  EXPECT_EQ(count(all, "Connection: close\r\n"), 1);
  EXPECT_NE(all.find("Date: "), std::string::npos);
}

TEST_F(HttpProtocol, Http10ClosesUnlessAskedToKeepAlive) {
  {
    Raw c(port());
    c.send("GET /healthz HTTP/1.0\r\n\r\n");
    std::string all = c.read_to_close();
    EXPECT_EQ(all.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << all;
    EXPECT_NE(all.find("Connection: close\r\n"), std::string::npos);
  }
  Raw c(port());
  c.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  std::string first = c.read_until("\r\n\r\n");
  EXPECT_NE(first.find("Connection: keep-alive\r\n"), std::string::npos) << first;
  c.send("GET /healthz HTTP/1.0\r\n\r\n");
  EXPECT_EQ(count(c.read_to_close(), "HTTP/1.1 200 OK"), 2);
}

TEST_F(HttpProtocol, HeadGivesTheLengthWithoutTheBodyAndTheConnectionCarriesOn) {
  Client client(port());
  auto page = client.get(kPage);
  ASSERT_EQ(page.status, 200);
  Raw c(port());
  c.send("HEAD " + kPage + " HTTP/1.1\r\nHost: t\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  std::string all = c.read_to_close();
  EXPECT_NE(all.find("Content-Length: " + std::to_string(page.body.size()) + "\r\n"), std::string::npos) << all;
  auto second = all.find("HTTP/1.1 200 OK", 10);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(all.find("<html"), std::string::npos) << "HEAD sent a body";
}

TEST_F(HttpProtocol, MalformedRequestsAreRefusedNamingTheFaultAndClosed) {
  struct Case {
    std::string request, status, says;
  };
  std::vector<Case> cases = {
      {"NONSENSE\r\n\r\n", "400", "request line"},
      {"GET /healthz HTTP/1.1\r\n\r\n", "400", "Host"},
      {"GET /healthz HTTP/1.1\r\nHost t\r\n\r\n", "400", "no colon"},
      {"GET /healthz HTTP/1.1\r\nHost: t\r\nBad Name: x\r\n\r\n", "400", "header name"},
      {"GET /healthz HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  folded\r\n\r\n", "400", "folded"},
      {"GET /healthz HTTP/2.0\r\nHost: t\r\n\r\n", "505", "HTTP/1.0 and HTTP/1.1"},
      {"GET /healthz HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(70000, 'a') + "\r\n\r\n", "431", "too large"},
      {"POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: ten\r\n\r\n", "400", "Content-Length"},
      {"POST /login HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", "501", "chunked"},
      {"POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "400", "both"},
      {"GET /%zz HTTP/1.1\r\nHost: t\r\n\r\n", "400", "Bad request"},
  };
  for (const auto& k : cases) {
    Raw c(port());
    c.send(k.request);
    std::string all = c.read_to_close();
    EXPECT_EQ(all.substr(0, 12), "HTTP/1.1 " + k.status) << k.request.substr(0, 60) << "\n" << all;
    EXPECT_NE(all.find(k.says), std::string::npos) << all;
    EXPECT_NE(all.find("Connection: close\r\n"), std::string::npos) << all;
  }
  EXPECT_EQ(Client(port()).get("/healthz").status, 200);  // and the server carries on
}

// A wrong password, sent the ordinary way and then chunked: the same answer both times shows the
// chunked body was decoded into the same form (an undecoded one fails the CSRF check instead).
TEST_F(HttpProtocol, ChunkedAndExpectContinueBodiesAreReadLikeAnyOther) {
  Client client(port());
  auto page = client.get("/login");
  std::string token = client.csrf_from(page.body);
  auto plain = client.post("/login", {{"csrf_token", token}, {"email", "first@nowhere.example"}, {"password", "wrong"}});
  ASSERT_NE(plain.status, 403) << plain.body;
  std::string cookie;
  for (const auto& [name, value] : client.cookies) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
  std::string form = "csrf_token=" + token + "&email=second%40nowhere.example&password=wrong";
  std::string head = "POST /login HTTP/1.1\r\nHost: t\r\nCookie: " + cookie +
                     "\r\nContent-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n";

  Raw chunked(port());
  auto half = form.size() / 2;
  char sizes[64];
  std::snprintf(sizes, sizeof sizes, "%zx", half);
  std::string first = sizes;
  std::snprintf(sizes, sizeof sizes, "%zX", form.size() - half);
  chunked.send(head + "Transfer-Encoding: chunked\r\n\r\n" + first + ";ext=1\r\n" + form.substr(0, half) + "\r\n" + sizes +
               "\r\n" + form.substr(half) + "\r\n0\r\nTrailer: x\r\n\r\n");
  std::string answer = chunked.read_to_close();
  EXPECT_EQ(answer.substr(0, 12), "HTTP/1.1 " + std::to_string(plain.status)) << answer.substr(0, 400);

  Raw expecting(port());
  expecting.send(head + "Expect: 100-continue\r\nContent-Length: " + std::to_string(form.size()) + "\r\n\r\n");
  EXPECT_EQ(expecting.read_until("\r\n\r\n").rfind("HTTP/1.1 100 Continue\r\n\r\n", 0), 0u);
  expecting.send(form);
  answer = expecting.read_to_close();
  EXPECT_NE(answer.find("HTTP/1.1 " + std::to_string(plain.status)), std::string::npos) << answer.substr(0, 400);
}

TEST_F(HttpProtocol, OversizedBodiesAre413HoweverTheyAreSent) {
  Raw chunked(port());
  std::string piece(1 << 20, 'a');
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
  std::string body;
  for (int i = 0; i < 17; ++i) body += size + piece + "\r\n";
  chunked.send("POST /login HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n" + body + "0\r\n\r\n");
  EXPECT_EQ(chunked.read_to_close().substr(0, 12), "HTTP/1.1 413");

  Raw expecting(port());
  expecting.send("POST /login HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 999999999\r\n\r\n");
  std::string answer = expecting.read_to_close();
  EXPECT_EQ(answer.substr(0, 12), "HTTP/1.1 413") << answer;
  EXPECT_NE(answer.find("The upload is too large"), std::string::npos);
}

TEST_F(HttpProtocol, AClientThatStopsMidRequestDoesNotStopOthers) {
  Raw quiet(port());
  quiet.send("POST /login HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\nhalf");
  Raw gone(port());
  gone.send("GET /healthz HTTP/1.1\r\nHo");
  EXPECT_EQ(Client(port()).get("/healthz").status, 200);
}

// nginx keeps idle connections open to every app server; stopping one (a restart, an upgrade)
// must not wait for them to time out, or systemd would wait and then kill it.
TEST(HttpStopping, EndsIdleKeepAliveConnectionsAtOnce) {
  TempDir dir;
  init_demo(dir);
  auto server = std::make_unique<Server>(dir.file("s.db"));
  Raw idle(server->port());
  idle.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_NE(idle.read_until("\r\n\r\nok").find("200 OK"), std::string::npos);
  auto start = std::chrono::steady_clock::now();
  server.reset();  // SIGTERM, then SIGKILL after 5 s: the idle timeout
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(3)) << "the server waited for the idle connection";
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_NE(read_file(dir.file("s.db") + ".serve.log").find("Stopping (signal 15)"), std::string::npos);
}

// What nginx on the same machine connects to: the same server on a unix socket.
TEST(HttpOnAUnixSocket, AnswersAndLogsTheClientAsLocalAndRemovesTheSocketWhenStopped) {
  TempDir dir;
  init_demo(dir);
  std::string path = dir.file("steward.sock");
  write_file(path, "stale");  // not a socket: refused, not deleted
  auto refused = steward({"serve", "--db", dir.file("s.db"), "--socket", path});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("Cannot listen on " + path + ": a file that is not a socket is there"), std::string::npos)
      << refused.err;
  EXPECT_EQ(read_file(path), "stale");
  std::filesystem::remove(path);
  {
    Server server(dir.file("s.db"), dir.file("serve.log"), path);
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_TRUE(S_ISSOCK(st.st_mode));
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    std::string request = "GET " + kPage + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::send(fd, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
    std::string answer;
    char buf[65536];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, static_cast<size_t>(n));
    ::close(fd);
    EXPECT_EQ(answer.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << answer.substr(0, 300);
    EXPECT_NE(answer.find("Crook Primary"), std::string::npos);
    EXPECT_NE(server.log().find("access: local GET " + kPage + " 200"), std::string::npos) << server.log();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace steward
