#pragma once
// Poco's HTTP server adapted to WebApp::handle. Only this file knows about Poco's HTTP types.
#include <cstddef>
#include <string>

#include "store/store.h"

namespace steward::web {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;
  std::size_t max_body = 16 << 20;  // larger bodies answer 413 (a large school's CTF fits)
  int threads = 128;  // one per open connection
};

// Serves until SIGINT or SIGTERM. Prints the URL once listening.
void serve(Store&, const ServerOptions&);

}  // namespace steward::web
