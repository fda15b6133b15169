#include "web/http_request_head.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/text.h"

namespace steward::web {
namespace {

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char); }

// Field values may hold visible characters, spaces, tabs and obs-text; never CR, LF or NUL.
bool is_field_value(std::string_view s) {
  return std::none_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u == 0 || u == '\r' || u == '\n' || (u < 0x20 && u != '\t') || u == 0x7f;
  });
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Lines end with CRLF; a bare LF is accepted as a line end too (RFC 9112 2.2).
std::string_view strip_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

void parse_request_line(std::string_view line, RequestHead& out) {
  auto first = line.find(' ');
  auto last = line.rfind(' ');
  if (first == std::string_view::npos || first == last)
    throw Error::bad_request("The request line must be: method, target and HTTP version, separated by spaces");
  auto method = line.substr(0, first);
  auto target = line.substr(first + 1, last - first - 1);
  auto version = line.substr(last + 1);
  if (!is_token(method)) throw Error::bad_request("The request method is not a valid token");
  if (target.empty() || target.find_first_of(" \t") != std::string_view::npos ||
      std::any_of(target.begin(), target.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; }))
    throw Error::bad_request("The request target is empty or holds spaces or control characters");
  if (version.size() != 8 || version.substr(0, 7) != "HTTP/1." || version[7] < '0' || version[7] > '9') {
    if (version.substr(0, 5) == "HTTP/") throw Error(505, "Only HTTP/1.0 and HTTP/1.1 are supported");
    throw Error::bad_request("The request line does not end with an HTTP version");
  }
  out.method = std::string(method);
  out.target = std::string(target);
  out.minor_version = version[7] - '0';
}

void add_field(std::string_view line, RequestHead& out) {
  if (line.front() == ' ' || line.front() == '\t')
    throw Error::bad_request("A header field continues on a folded line, which HTTP/1.1 no longer allows");
  auto colon = line.find(':');
  if (colon == std::string_view::npos) throw Error::bad_request("A header line has no colon");
  auto name = line.substr(0, colon);
  if (!is_token(name)) throw Error::bad_request("A header name is empty or holds spaces or separators");
  auto value = trim_ows(line.substr(colon + 1));
  if (!is_field_value(value)) throw Error::bad_request("A header value holds control characters");
  std::string key = lower(name);
  auto [it, fresh] = out.headers.try_emplace(std::move(key), value);
  if (!fresh) {
    it->second += it->first == "cookie" ? "; " : ", ";
    it->second += value;
  }
}

bool has_token(std::string_view list, std::string_view token) {
  auto items = split_list(list, ',');
  return std::any_of(items.begin(), items.end(), [&](const std::string& item) { return iequals(item, token); });
}

}  // namespace

std::string RequestHead::header(const std::string& lowercase_name) const {
  auto it = headers.find(lowercase_name);
  return it == headers.end() ? std::string() : it->second;
}

bool RequestHead::keep_alive() const {
  auto connection = header("connection");
  if (minor_version == 0) return has_token(connection, "keep-alive");
  return !has_token(connection, "close");
}

bool RequestHead::chunked() const {
  auto coding = header("transfer-encoding");
  if (coding.empty()) return false;
  if (headers.count("content-length"))
    throw Error::bad_request("The request sends both Content-Length and Transfer-Encoding");
  if (!iequals(trim_ows(coding), "chunked")) throw Error(501, "The only transfer coding accepted is chunked");
  return true;
}

std::uint64_t RequestHead::content_length() const {
  auto it = headers.find("content-length");
  if (it == headers.end()) return 0;
  const std::string& text = it->second;
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw Error::bad_request("Content-Length is not a whole number of bytes");
  return std::stoull(text);
}

bool RequestHead::expects_continue() const {
  return minor_version >= 1 && iequals(header("expect"), "100-continue");
}

std::size_t parse_request_head(std::string_view data, RequestHead& out) {
  std::size_t start = 0;
  while (start < data.size() && (data[start] == '\r' || data[start] == '\n')) ++start;
  auto end = data.find("\n\r\n", start);
  auto bare = data.find("\n\n", start);
  std::size_t head_end = std::min(end == std::string_view::npos ? end : end + 3, bare == std::string_view::npos ? bare : bare + 2);
  if (head_end == std::string_view::npos) {
    if (data.size() > kMaxRequestHead) throw Error(431, "The request's header fields are too large");
    return 0;
  }
  if (head_end > kMaxRequestHead) throw Error(431, "The request's header fields are too large");
  out = RequestHead{};
  std::string_view head = data.substr(start, head_end - start);
  bool first = true;
  while (!head.empty()) {
    auto nl = head.find('\n');
    auto line = strip_cr(head.substr(0, nl));
    head.remove_prefix(nl + 1);
    if (line.empty()) break;
    if (first)
      parse_request_line(line, out);
    else
      add_field(line, out);
    first = false;
  }
  if (out.minor_version >= 1 && !out.headers.count("host")) throw Error::bad_request("An HTTP/1.1 request must send Host");
  return head_end;
}

}  // namespace steward::web
