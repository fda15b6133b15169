#include "web/http_connection.h"

#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>
#include <iostream>

#include "domain/error.h"
#include "web/http_request_head.h"

namespace steward::web {

bool OpenConnections::add(int fd) {
  std::lock_guard lock(mutex_);
  if (stopping_) return false;
  fds_.insert(fd);
  return true;
}

void OpenConnections::remove(int fd) {
  std::lock_guard lock(mutex_);
  fds_.erase(fd);
}

void OpenConnections::stop_all() {
  std::lock_guard lock(mutex_);
  stopping_ = true;
  for (int fd : fds_) ::shutdown(fd, SHUT_RD);
}

namespace {

// The bytes received on a connection and not yet used.
class Input {
 public:
  Input(int fd, const ConnectionLimits& limits) : fd_(fd), limits_(limits) {}
  std::string_view pending() const { return std::string_view(buf_).substr(pos_); }
  void consume(std::size_t n) {
    pos_ += n;
    if (pos_ == buf_.size()) buf_.clear(), pos_ = 0;
  }
  // Waits for more bytes. False when the client closed, failed, or stayed quiet: for one idle
  // spell between requests, for `patience` spells within one.
  bool receive(bool between_requests) {
    if (pos_ > 0) buf_.erase(0, pos_), pos_ = 0;
    for (int quiet = 0;;) {
      ssize_t n = ::recv(fd_, chunk_, sizeof chunk_, 0);
      if (n > 0) {
        buf_.append(chunk_, static_cast<std::size_t>(n));
        return true;
      }
      if (n == 0) return false;
      if (errno == EINTR) continue;
      if ((errno == EAGAIN || errno == EWOULDBLOCK) && !between_requests && ++quiet < limits_.patience) continue;
      return false;
    }
  }
  // Moves `n` bytes into `out`, receiving as needed; false when the client went away first.
  bool read(std::size_t n, std::string& out) {
    while (n > 0) {
      if (pending().empty() && !receive(false)) return false;
      std::size_t take = std::min(n, pending().size());
      out.append(pending().substr(0, take));
      consume(take);
      n -= take;
    }
    return true;
  }
  bool skip(std::size_t n) {
    std::string dropped;
    while (n > 0) {
      std::size_t step = std::min<std::size_t>(n, 1 << 16);
      if (!read(step, dropped)) return false;
      dropped.clear();
      n -= step;
    }
    return true;
  }
  // One line of a chunked body, without its line end.
  bool line(std::string& out) {
    for (;;) {
      auto nl = pending().find('\n');
      if (nl != std::string_view::npos) {
        out.assign(pending().substr(0, nl));
        if (!out.empty() && out.back() == '\r') out.pop_back();
        consume(nl + 1);
        return true;
      }
      if (pending().size() > 4096) throw Error::bad_request("A line of the chunked body is too long");
      if (!receive(false)) return false;
    }
  }

 private:
  int fd_;
  const ConnectionLimits& limits_;
  std::string buf_;
  std::size_t pos_ = 0;
  char chunk_[16384];
};

enum class Body { Read, TooLarge, Gone };

Body read_chunked(Input& in, std::size_t max, std::string& body) {
  std::string size_line;
  for (;;) {
    if (!in.line(size_line)) return Body::Gone;
    auto digits = size_line.substr(0, size_line.find(';'));
    while (!digits.empty() && (digits.back() == ' ' || digits.back() == '\t')) digits.pop_back();
    if (digits.empty() || digits.size() > 15 || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
      throw Error::bad_request("A chunk of the body does not start with its size in hexadecimal");
    std::size_t size = std::stoull(digits, nullptr, 16);
    if (size == 0) {
      do {  // trailer fields, ignored
        if (!in.line(size_line)) return Body::Gone;
      } while (!size_line.empty());
      return Body::Read;
    }
    if (body.size() + size > max) return Body::TooLarge;
    if (!in.read(size, body) || !in.line(size_line)) return Body::Gone;
    if (!size_line.empty()) throw Error::bad_request("A chunk of the body is longer than its size says");
  }
}

// Sends every byte of `parts`; false when the client has gone. MSG_NOSIGNAL: a closed
// connection must not raise SIGPIPE and end the server.
bool send_all(int fd, iovec* parts, int count) {
  while (count > 0) {
    msghdr m{};
    m.msg_iov = parts;
    m.msg_iovlen = static_cast<std::size_t>(count);
    ssize_t n = ::sendmsg(fd, &m, MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    auto sent = static_cast<std::size_t>(n);
    while (count > 0 && sent >= parts->iov_len) sent -= parts->iov_len, ++parts, --count;
    if (count > 0) {
      parts->iov_base = static_cast<char*>(parts->iov_base) + sent;
      parts->iov_len -= sent;
    }
  }
  return true;
}

bool send_text(int fd, std::string_view text) {
  iovec part{const_cast<char*>(text.data()), text.size()};
  return send_all(fd, &part, 1);
}

// The Date field, formatted once a second per thread.
const std::string& http_date() {
  thread_local std::time_t cached = 0;
  thread_local std::string text;
  std::time_t now = std::time(nullptr);
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    std::size_t n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    text.assign(buf, n);
    cached = now;
  }
  return text;
}

// A header value with any line break replaced: what the app puts in a header cannot start
// another header.
void append_value(std::string& out, std::string_view value) {
  for (auto at = value.find_first_of("\r\n"); at != std::string_view::npos; at = value.find_first_of("\r\n")) {
    out.append(value.substr(0, at)) += ' ';
    value.remove_prefix(at + 1);
  }
  out.append(value);
}

std::string response_head(const Response& r, int minor_version, bool keep_alive, std::string_view framing) {
  std::string out;
  out.reserve(256);
  out += "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  out += Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  out += "\r\nDate: ";
  out += http_date();
  out += "\r\nContent-Type: ";
  append_value(out, r.content_type);
  for (const auto& [name, value] : r.headers) {
    out += "\r\n";
    append_value(out, name);
    out += ": ";
    append_value(out, value);
  }
  out += "\r\n";
  out += framing;
  if (!keep_alive)
    out += "Connection: close\r\n";
  else if (minor_version == 0)
    out += "Connection: keep-alive\r\n";
  out += "\r\n";
  return out;
}

Response too_large(std::size_t max_body) {
  return Response::html("<!DOCTYPE html><title>Too large</title><h1>The upload is too large</h1>"
                        "<p>The most Steward accepts in one request is " +
                            std::to_string(max_body >> 20) + " MB.</p>",
                        413);
}

void fill_request(RequestHead& head, Request& r) {
  r.method = std::move(head.method);
  std::string_view target = head.target;
  if (target.front() == '/') {
    auto question = target.find('?');
    auto path = target.substr(0, question);
    if (path.find('%') == std::string_view::npos)
      r.path = std::string(path);
    else
      Poco::URI::decode(std::string(path), r.path);
    if (question != std::string_view::npos) r.query = parse_urlencoded(target.substr(question + 1));
  } else {  // absolute-form, as a proxy may send
    Poco::URI uri(head.target);
    r.path = uri.getPath();
    r.query = parse_urlencoded(uri.getRawQuery());
  }
  r.headers = std::move(head.headers);
  r.cookies = parse_cookies(r.header("cookie"));
}

class HttpConnection : public Poco::Net::TCPServerConnection {
 public:
  HttpConnection(const Poco::Net::StreamSocket& socket, const Answer& answer, const ConnectionLimits& limits,
                 OpenConnections& open)
      : TCPServerConnection(socket), answer_(answer), limits_(limits), open_(open), fd_(socket.impl()->sockfd()) {}

  void run() override {
    if (!open_.add(fd_)) return;
    timeval idle{static_cast<time_t>(limits_.idle.count()), 0};
    timeval send{static_cast<time_t>(limits_.send_time.count()), 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &idle, sizeof idle);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &send, sizeof send);
    try {
      auto peer = socket().peerAddress();
      remote_ = peer.family() == Poco::Net::SocketAddress::UNIX_LOCAL ? "local" : peer.host().toString();
    } catch (const Poco::Exception&) {
      remote_ = "unknown";  // the client left before we asked
    }
    Input in(fd_, limits_);
    while (serve_one(in)) {
    }
    open_.remove(fd_);
  }

 private:
  // Reads and answers one request; true when the connection stays open for another.
  bool serve_one(Input& in) {
    RequestHead head;
    std::size_t used = 0;
    try {
      std::chrono::steady_clock::time_point first_byte{};
      while ((used = parse_request_head(in.pending(), head)) == 0) {
        if (!in.pending().empty()) {
          auto now = std::chrono::steady_clock::now();
          if (first_byte == std::chrono::steady_clock::time_point{}) first_byte = now;
          if (now - first_byte > limits_.head_time) throw Error(408, "The request's header fields took too long to arrive");
        }
        if (!in.receive(in.pending().empty())) return false;
      }
    } catch (const Error& e) {
      refuse(e);
      return false;
    }
    in.consume(used);
    auto start = std::chrono::steady_clock::now();
    int minor = head.minor_version;
    bool head_only = head.method == "HEAD";
    bool keep = head.keep_alive();
    Request request;
    request.remote = remote_;
    Response response;
    try {
      Body body = read_body(in, head, request.body);
      if (body == Body::Gone) return false;
      fill_request(head, request);
      if (body == Body::TooLarge) {
        response = too_large(limits_.max_body);
        keep = false;
      } else {
        response = answer_(request);
      }
    } catch (const Error& e) {
      response = Response::text(std::string(e.what()) + "\n", e.status());
      keep = false;  // where this request ends in the stream is no longer certain
    } catch (const std::exception& e) {
      response = Response::text("Bad request\n", 400);
      keep = false;
      std::cerr << "error: unreadable request: " << e.what() << std::endl;
    }
    if (open_.stopping()) keep = false;
    bool sent = write(response, minor, head_only, keep);
    log(request, response, start);
    return sent && keep;
  }

  Body read_body(Input& in, const RequestHead& head, std::string& body) {
    bool chunked = head.chunked();
    std::uint64_t length = chunked ? 0 : head.content_length();
    if (length > limits_.max_body) {
      // A moderately oversized body is read and dropped, so the client hears the 413 rather
      // than a reset; a client that waits for 100 Continue is told at once.
      if (!head.expects_continue() && length <= 8 * limits_.max_body && !in.skip(length)) return Body::Gone;
      return Body::TooLarge;
    }
    if ((chunked || length > in.pending().size()) && head.expects_continue() &&
        !send_text(fd_, "HTTP/1.1 100 Continue\r\n\r\n"))
      return Body::Gone;
    if (chunked) return read_chunked(in, limits_.max_body, body);
    body.reserve(length);
    return in.read(length, body) ? Body::Read : Body::Gone;
  }

  bool write(const Response& r, int minor, bool head_only, bool& keep) {
    if (r.stream && !head_only) return write_stream(r, minor, keep);
    std::string_view body = head_only ? std::string_view() : r.content();
    std::size_t length = head_only && r.content().empty() ? r.head_length : r.content().size();
    std::string head = response_head(r, minor, keep, "Content-Length: " + std::to_string(length) + "\r\n");
    iovec parts[2] = {{head.data(), head.size()}, {const_cast<char*>(body.data()), body.size()}};
    return send_all(fd_, parts, body.empty() ? 1 : 2);
  }

  // Chunked for HTTP/1.1; an HTTP/1.0 client reads to the end of the connection instead.
  bool write_stream(const Response& r, int minor, bool& keep) {
    bool chunked = minor >= 1;
    if (!chunked) keep = false;
    bool ok = send_text(fd_, response_head(r, minor, keep, chunked ? "Transfer-Encoding: chunked\r\n" : ""));
    r.stream([&](std::string_view part) {
      if (!ok || part.empty()) return;  // a client that has gone is not written to again
      if (!chunked) {
        ok = send_text(fd_, part);
        return;
      }
      char size[32];
      int n = std::snprintf(size, sizeof size, "%zx\r\n", part.size());
      iovec parts[3] = {{size, static_cast<std::size_t>(n)}, {const_cast<char*>(part.data()), part.size()},
                        {const_cast<char*>("\r\n"), 2}};
      ok = send_all(fd_, parts, 3);
    });
    return ok && (!chunked || send_text(fd_, "0\r\n\r\n"));
  }

  // A request we cannot read: answered, then the connection is closed.
  void refuse(const Error& e) {
    Response r = Response::text(std::string(e.what()) + "\n", e.status());
    bool keep = false;
    write(r, 1, false, keep);
    Request unread;
    unread.remote = remote_;
    unread.method = "-";
    log(unread, r, std::chrono::steady_clock::now());
  }

  // One write(2) per line: atomic for short lines, and no stdio lock for request threads to
  // queue on.
  static void log(const Request& req, const Response& r, std::chrono::steady_clock::time_point start) {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    char line[1024];
    int n = std::snprintf(line, sizeof line, "access: %s %s %.512s %d %zu %.1fms\n", req.remote.c_str(), req.method.c_str(),
                          req.path.c_str(), r.status, r.content().size(), static_cast<double>(micros) / 1000.0);
    if (n > 0) {
      auto written = ::write(STDOUT_FILENO, line, std::min(static_cast<std::size_t>(n), sizeof line - 1));
      (void)written;  // a full or closed log must not fail the request
    }
  }

  const Answer& answer_;
  const ConnectionLimits& limits_;
  OpenConnections& open_;
  int fd_;
  std::string remote_;
};

}  // namespace

Poco::Net::TCPServerConnection* HttpConnectionFactory::createConnection(const Poco::Net::StreamSocket& socket) {
  return new HttpConnection(socket, answer_, limits_, open_);
}

}  // namespace steward::web
