#pragma once
// The request → response seam. Handlers see these plain values and never a socket, so they
// can be tested without a server; http_connection.cpp reads and writes them on the wire.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace steward::web {

using Params = std::multimap<std::string, std::string>;

struct UploadedFile {
  std::string field;  // the form field's name
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct Request {
  std::string method;
  std::string path;  // decoded, without the query
  Params query;
  std::map<std::string, std::string> headers;  // names in lowercase
  std::map<std::string, std::string> cookies;
  std::string body;
  std::string remote;
  std::map<std::string, std::string> route;  // {slug}, {id} from the route pattern
  Params form;                               // parsed from an urlencoded or multipart body
  std::vector<UploadedFile> files;           // from a multipart body

  // The first uploaded file of the field, nullptr when none was chosen.
  const UploadedFile* file(const std::string& field) const;

  std::string query_value(const std::string& key) const;
  std::string form_value(const std::string& key) const;
  std::vector<std::string> form_values(const std::string& key) const;
  std::string cookie(const std::string& name) const;
  std::string header(const std::string& lowercase_name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // A body shared with a cache, sent without copying; takes the place of `body` when set.
  std::shared_ptr<const std::string> shared_body{};
  std::size_t head_length{0};  // for HEAD: the length the GET body would have

  // A body written while it is produced (a long import's progress), sent chunked; takes the
  // place of `body` when set. `write` sends what it is given at once.
  using Write = std::function<void(std::string_view)>;
  std::function<void(const Write& write)> stream{};

  std::string_view content() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response redirect(const std::string& location);  // 303 See Other
  Response& header(std::string name, std::string value);
};

// Parses a multipart/form-data body into form fields and files; Error 400 when malformed.
void parse_multipart(const std::string& content_type, const std::string& body, Params& form,
                     std::vector<UploadedFile>& files);

// Parses application/x-www-form-urlencoded text (also used for query strings).
Params parse_urlencoded(std::string_view text);
std::map<std::string, std::string> parse_cookies(std::string_view header);
std::string url_encode(std::string_view);

}  // namespace steward::web
