#pragma once
// The head of an HTTP/1.x request (RFC 9112): the request line and the header fields, read
// from the bytes a connection has received so far. No sockets here, so every malformed case
// is a unit test.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace steward::web {

// The most a head may take; a longer one is refused with 431.
inline constexpr std::size_t kMaxRequestHead = 64 * 1024;

struct RequestHead {
  std::string method;
  std::string target;  // as sent: /path?query, or an absolute URI
  int minor_version = 1;  // HTTP/1.x
  // Lowercase names. A field sent more than once has its values joined (", ", or "; " for
  // cookie), as RFC 9110 section 5.3 allows.
  std::map<std::string, std::string> headers;

  std::string header(const std::string& lowercase_name) const;
  // HTTP/1.1 keeps the connection open unless the client says close; HTTP/1.0 only when it
  // asks for keep-alive.
  bool keep_alive() const;
  // The body's framing. Throws Error 400 for a Content-Length that is not a number, or when
  // both are sent; 501 for a transfer coding other than chunked.
  bool chunked() const;
  std::uint64_t content_length() const;  // 0 when absent
  bool expects_continue() const;
};

// Parses the head at the start of `data` into `out`. Returns how many bytes it took, blank
// line included, or 0 when `data` does not yet hold a whole head. Throws Error 400 naming the
// fault when the head is malformed, 431 when it is longer than kMaxRequestHead, 505 for a
// version other than HTTP/1.x. Blank lines before the request line are skipped (RFC 9112 2.2).
std::size_t parse_request_head(std::string_view data, RequestHead& out);

}  // namespace steward::web
