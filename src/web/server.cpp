#include "web/server.h"

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
#include <Poco/ThreadPool.h>

#include <sys/stat.h>
#include <unistd.h>

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

// A stale socket file (a server that did not stop cleanly) is replaced; any other file at
// the path is left alone and refused.
ServerSocket listen_local(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) {
    if (!S_ISSOCK(st.st_mode)) throw Error::bad_request("Cannot listen on " + path + ": a file that is not a socket is there");
    ::unlink(path.c_str());
  }
  ServerSocket socket;
  socket.bind(SocketAddress(SocketAddress::UNIX_LOCAL, path));
  socket.listen(128);
  // Connecting needs write permission on the socket; the folder's permissions decide who may.
  ::chmod(path.c_str(), 0666);
  return socket;
}

ServerSocket listen(const ServerOptions& options) {
  std::string where = options.socket_path.empty() ? options.bind + ":" + std::to_string(options.port) : options.socket_path;
  try {
    if (!options.socket_path.empty()) return listen_local(options.socket_path);
    ServerSocket socket;
    socket.bind(SocketAddress(options.bind, options.port), true);
    socket.listen(128);
    // Accepted sockets inherit these: no Nagle wait between header and body, and room for a
    // whole page in one send instead of several partial ones.
    socket.setNoDelay(true);
    socket.setSendBufferSize(256 * 1024);
    return socket;
  } catch (const Poco::Exception& e) {
    throw Error::bad_request("Cannot listen on " + where + ": " + e.displayText());
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
  ServerSocket socket = listen(options);
  OpenConnections open;
  ConnectionLimits limits;
  limits.max_body = options.max_body;
  auto* factory = new HttpConnectionFactory([&app](Request& r) { return answer(app, r); }, limits, open);
  TCPServer server(factory, pool, socket, params);
  server.start();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (options.socket_path.empty())
    std::printf("Steward listening on http://%s:%u/\n", options.bind.c_str(), socket.address().port());
  else
    std::printf("Steward listening on unix:%s\n", options.socket_path.c_str());
  std::fflush(stdout);
  int sig = 0;
  sigwait(&signals, &sig);
  std::printf("Stopping (signal %d)\n", sig);
  server.stop();
  open.stop_all();
  pool.joinAll();
  if (!options.socket_path.empty()) ::unlink(options.socket_path.c_str());
}

}  // namespace steward::web
