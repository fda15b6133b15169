#pragma once
// One client connection, spoken HTTP/1.1 to by us on a socket Poco's TCPServer accepted: read a
// request, answer it, and keep the connection for the next while the client wants it.
//
// Why not Poco's HTTPServerConnection: per keep-alive request it made, polled and closed an epoll
// set and asked the kernel for both socket addresses, 7 of the 10 system calls a cached page
// cost, and built its headers in node-based maps we then copied. Here a request costs one
// recv(2) and one sendmsg(2) (bench/la_scale measures the difference).
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <set>

#include "web/http.h"

namespace steward::web {

struct ConnectionLimits {
  std::size_t max_body = 16 << 20;  // a larger body is answered 413
  std::chrono::seconds idle{5};     // between requests: a quiet client is dropped after this
  int patience = 6;                 // within a request: this many idle spells before giving up
  // The whole head must arrive within this, however it trickles in: a client sending a byte at
  // a time cannot hold a thread for ever.
  std::chrono::seconds head_time{30};
  // A client that stops reading its answers is dropped once a send has waited this long.
  std::chrono::seconds send_time{30};
};

// The sockets being served, so that stopping the server can end them at once instead of
// waiting for each to go quiet.
class OpenConnections {
 public:
  bool add(int fd);  // false once stopping
  void remove(int fd);
  // Shuts the reading side of every open connection: a request being answered is still sent,
  // then the connection ends.
  void stop_all();
  bool stopping() const { return stopping_; }  // asked once per request: no lock

 private:
  std::mutex mutex_;
  std::set<int> fds_;
  std::atomic<bool> stopping_{false};  // written under mutex_, so add() cannot miss stop_all()
};

// Answers a request; never throws (errors become responses).
using Answer = std::function<Response(Request&)>;

class HttpConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  HttpConnectionFactory(Answer answer, ConnectionLimits limits, OpenConnections& open)
      : answer_(std::move(answer)), limits_(limits), open_(open) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

 private:
  Answer answer_;
  ConnectionLimits limits_;
  OpenConnections& open_;
};

}  // namespace steward::web
