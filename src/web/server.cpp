#include "web/server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

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
                                      std::to_string(max_body_ / 1024) + " KB.</p>",
                                  413);
        out.setKeepAlive(false);
      } else {
        if (lower(request.header("content-type")).rfind("application/x-www-form-urlencoded", 0) == 0)
          request.form = parse_urlencoded(request.body);
        response = app_.handle(request);
      }
    } catch (const std::exception& e) {
      // A malformed URI or header: the request never reached the app.
      response = Response::text("Bad request\n", 400);
      std::cerr << "error: unreadable request: " << e.what() << std::endl;
    }
    write(out, response);
    log(request, response, start);
  }

 private:
  static void write(HTTPServerResponse& out, const Response& r) {
    out.setStatus(static_cast<HTTPResponse::HTTPStatus>(r.status));
    out.setContentType(r.content_type);
    for (const auto& [name, value] : r.headers) out.add(name, value);
    out.setContentLength64(static_cast<Poco::Int64>(r.body.size()));
    out.send().write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
  }

  static void log(const Request& req, const Response& r, std::chrono::steady_clock::time_point start) {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stdout, "access: %s %s %s %d %zu %.1fms\n", req.remote.c_str(), req.method.c_str(), req.path.c_str(),
                 r.status, r.body.size(), static_cast<double>(micros) / 1000.0);
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
  auto* params = new HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(256);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress(options.bind, options.port), true);
    socket.listen(128);
  } catch (const Poco::Exception& e) {
    throw Error::bad_request("Cannot listen on " + options.bind + ":" + std::to_string(options.port) + ": " +
                             e.displayText());
  }
  HTTPServer server(new Factory(app, options.max_body), socket, params);
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
