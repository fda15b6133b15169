#include "web/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <Poco/URI.h>

#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "domain/text.h"
#include "web/web_app.h"

namespace steward::web {
namespace {

using namespace Poco::Net;

// Reads at most max+1 bytes so an oversized body is detected without holding all of it. A
// moderately oversized body is read and dropped, so the client hears the 413 instead of a reset.
bool read_body(HTTPServerRequest& in, std::size_t max, std::string& body) {
  std::istream& stream = in.stream();
  if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(max)) {
    if (in.getContentLength64() <= static_cast<Poco::Int64>(8 * max)) stream.ignore(in.getContentLength64());
    return false;
  }
  char buf[8192];
  while (stream) {
    stream.read(buf, sizeof buf);
    body.append(buf, static_cast<std::size_t>(stream.gcount()));
    if (body.size() > max) return false;
  }
  return true;
}

Request to_request(HTTPServerRequest& in) {
  Request r;
  r.method = in.getMethod();
  Poco::URI uri(in.getURI());
  r.path = uri.getPath();
  r.query = parse_urlencoded(uri.getRawQuery());
  for (const auto& [name, value] : in) r.headers[lower(name)] = value;
  r.cookies = parse_cookies(r.header("cookie"));
  r.remote = in.clientAddress().host().toString();
  return r;
}

class Handler : public HTTPRequestHandler {
 public:
  Handler(WebApp& app, std::size_t max_body) : app_(app), max_body_(max_body) {}

  void handleRequest(HTTPServerRequest& in, HTTPServerResponse& out) override {
    auto start = std::chrono::steady_clock::now();
    Request request;
    Response response;
    try {
      request = to_request(in);
      if (!read_body(in, max_body_, request.body)) {
        response = Response::html("<!DOCTYPE html><title>Too large</title><h1>The upload is too large</h1>"
                                  "<p>The most Steward accepts in one request is " +
                                      std::to_string(max_body_ >> 20) + " MB.</p>",
                                  413);
        out.setKeepAlive(false);
      } else {
        std::string type = lower(request.header("content-type"));
        if (type.rfind("application/x-www-form-urlencoded", 0) == 0) request.form = parse_urlencoded(request.body);
        if (type.rfind("multipart/form-data", 0) == 0)
          parse_multipart(request.header("content-type"), request.body, request.form, request.files);
        response = app_.handle(request);
      }
    } catch (const Error& e) {
      response = Response::text(std::string(e.what()) + "\n", e.status());
    } catch (const std::exception& e) {
      // A malformed URI or header: the request never reached the app.
      response = Response::text("Bad request\n", 400);
      std::cerr << "error: unreadable request: " << e.what() << std::endl;
    }
    try {
      write(in, out, response);
    } catch (const std::exception& e) {
      std::cerr << "error: " << request.method << " " << request.path << ": " << e.what() << std::endl;
    }
    log(request, response, start);
  }

 private:
  // Poco writes a body through a 4 KB stream buffer, one send(2) per piece. Instead the header
  // Poco serialises and the body go out together in one writev(2) on the connection's socket.
  static void write(HTTPServerRequest& in, HTTPServerResponse& out, const Response& r) {
    out.setStatus(static_cast<HTTPResponse::HTTPStatus>(r.status));
    out.setContentType(r.content_type);
    for (const auto& [name, value] : r.headers) out.add(name, value);
    if (r.stream) {
      out.setChunkedTransferEncoding(true);
      std::ostream& body = out.send();
      r.stream([&](std::string_view part) {
        body.write(part.data(), static_cast<std::streamsize>(part.size()));
        body.flush();
      });
      return;
    }
    std::string_view body = r.content();
    out.setContentLength64(static_cast<Poco::Int64>(body.empty() ? r.head_length : body.size()));
    auto* impl = dynamic_cast<HTTPServerRequestImpl*>(&in);
    if (!impl) {
      out.send().write(body.data(), static_cast<std::streamsize>(body.size()));
      return;
    }
    std::ostringstream header;
    out.write(header);
    send_all(impl->socket().impl()->sockfd(), header.str(), body);
  }

  static void send_all(int fd, const std::string& header, std::string_view body) {
    iovec parts[2] = {{const_cast<char*>(header.data()), header.size()}, {const_cast<char*>(body.data()), body.size()}};
    iovec* next = parts;
    int count = body.empty() ? 1 : 2;
    while (count > 0) {
      ssize_t n = ::writev(fd, next, count);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw Poco::Net::NetException("writing the response failed", errno);
      }
      auto sent = static_cast<std::size_t>(n);
      while (count > 0 && sent >= next->iov_len) {
        sent -= next->iov_len;
        ++next;
        --count;
      }
      if (count > 0) {
        next->iov_base = static_cast<char*>(next->iov_base) + sent;
        next->iov_len -= sent;
      }
    }
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

  WebApp& app_;
  std::size_t max_body_;
};

class Factory : public HTTPRequestHandlerFactory {
 public:
  Factory(WebApp& app, std::size_t max_body) : app_(app), max_body_(max_body) {}
  HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override { return new Handler(app_, max_body_); }

 private:
  WebApp& app_;
  std::size_t max_body_;
};

}  // namespace

void serve(Store& store, const ServerOptions& options) {
  // Block the stop signals before Poco starts its threads, so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  WebApp app(store);
  // Poco serves one connection per thread. Its default pool holds 16, so 16 idle keep-alive
  // clients could shut everyone else out; our own pool is larger and idle connections are
  // dropped after a few seconds.
  Poco::ThreadPool pool(4, options.threads, 60);
  auto* params = new HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(1024);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setTimeout(Poco::Timespan(30, 0));
  params->setMaxKeepAliveRequests(100000);
  ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress(options.bind, options.port), true);
    socket.listen(128);
    // Accepted sockets inherit these: no Nagle wait between header and body, and room for a
    // whole page in one send instead of several partial ones.
    socket.setNoDelay(true);
    socket.setSendBufferSize(256 * 1024);
  } catch (const Poco::Exception& e) {
    throw Error::bad_request("Cannot listen on " + options.bind + ":" + std::to_string(options.port) + ": " +
                             e.displayText());
  }
  HTTPServer server(new Factory(app, options.max_body), pool, socket, params);
  server.start();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("Steward listening on http://%s:%u/\n", options.bind.c_str(), socket.address().port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  std::printf("Stopping (signal %d)\n", sig);
  server.stopAll(true);
}

}  // namespace steward::web
