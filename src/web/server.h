#pragma once
// Serves WebApp over HTTP/1.1: Poco's TCPServer accepts connections and runs each on a pool
// thread; web/http_connection speaks the protocol.
#include <cstddef>
#include <string>

#include "store/store.h"

namespace steward::web {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  // When set, a unix domain socket at this path instead of a TCP port: for nginx on the same
  // machine, which then skips TCP on every request. Who may connect is decided by the
  // permissions of the socket's folder.
  std::string socket_path;
  std::size_t max_body = 16 << 20;  // larger bodies answer 413 (a large school's CTF fits)
  int threads = 128;  // one per open connection
};

// Serves until SIGINT or SIGTERM. Prints the URL once listening.
void serve(Store&, const ServerOptions&);

}  // namespace steward::web
