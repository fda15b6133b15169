#include "web/server.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
#include <Poco/ThreadPool.h>

#include <csignal>
#include <cstdio>

#include "domain/text.h"
#include "web/http_connection.h"
#include "web/web_app.h"

namespace steward::web {
namespace {

using namespace Poco::Net;

// What a request gets: its form parsed, then the app's answer; errors become responses.
Response answer(WebApp& app, Request& request) {
  try {
    std::string type = lower(request.header("content-type"));
    if (type.rfind("application/x-www-form-urlencoded", 0) == 0) request.form = parse_urlencoded(request.body);
    if (type.rfind("multipart/form-data", 0) == 0)
      parse_multipart(request.header("content-type"), request.body, request.form, request.files);
    return app.handle(request);
  } catch (const Error& e) {
    return Response::text(std::string(e.what()) + "\n", e.status());
  }
}

}  // namespace

void serve(Store& store, const ServerOptions& options) {
  // Block the stop signals before Poco starts its threads, so only sigwait below sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  WebApp app(store);
  // One thread per open connection, as Poco's TCPServer runs them; the pool is large and idle
  // connections are dropped after a few seconds, so idle keep-alive clients cannot shut
  // everyone else out.
  Poco::ThreadPool pool(4, options.threads, 60);
  auto* params = new TCPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(1024);
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
  OpenConnections open;
  ConnectionLimits limits;
  limits.max_body = options.max_body;
  auto* factory = new HttpConnectionFactory([&app](Request& r) { return answer(app, r); }, limits, open);
  TCPServer server(factory, pool, socket, params);
  server.start();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf("Steward listening on http://%s:%u/\n", options.bind.c_str(), socket.address().port());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  std::printf("Stopping (signal %d)\n", sig);
  server.stop();
  open.stop_all();
  pool.joinAll();
}

}  // namespace steward::web
