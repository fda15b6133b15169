#include "web/http.h"

#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/MultipartReader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>

#include <iterator>
#include <sstream>

#include "domain/error.h"

#include "domain/text.h"

namespace steward::web {
namespace {

std::string first(const Params& p, const std::string& key) {
  auto it = p.find(key);
  return it == p.end() ? std::string() : it->second;
}

std::string decode(std::string_view s) {
  std::string plus(s);
  for (auto& c : plus)
    if (c == '+') c = ' ';
  std::string out;
  Poco::URI::decode(plus, out);
  return out;
}

}  // namespace

std::string Request::query_value(const std::string& key) const { return first(query, key); }
std::string Request::form_value(const std::string& key) const { return first(form, key); }

std::vector<std::string> Request::form_values(const std::string& key) const {
  std::vector<std::string> out;
  auto [b, e] = form.equal_range(key);
  for (auto it = b; it != e; ++it) out.push_back(it->second);
  return out;
}

const UploadedFile* Request::file(const std::string& field) const {
  for (const auto& f : files)
    if (f.field == field && !f.filename.empty()) return &f;
  return nullptr;
}

void parse_multipart(const std::string& content_type, const std::string& body, Params& form,
                     std::vector<UploadedFile>& files) {
  try {
    std::string media;
    Poco::Net::NameValueCollection params;
    Poco::Net::MessageHeader::splitParameters(content_type, media, params);
    std::istringstream in(body);
    Poco::Net::MultipartReader reader(in, params.get("boundary", ""));
    while (reader.hasNextPart()) {
      Poco::Net::MessageHeader header;
      reader.nextPart(header);
      std::string disposition;
      Poco::Net::NameValueCollection dparams;
      Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, dparams);
      std::string value((std::istreambuf_iterator<char>(reader.stream())), std::istreambuf_iterator<char>());
      std::string name = dparams.get("name", "");
      if (dparams.has("filename"))
        files.push_back({name, dparams.get("filename"), header.get("Content-Type", "application/octet-stream"), std::move(value)});
      else
        form.emplace(name, std::move(value));
    }
  } catch (const Poco::Exception& e) {
    throw Error::bad_request("The form's upload could not be read: " + e.displayText());
  }
}

std::string Request::cookie(const std::string& name) const {
  auto it = cookies.find(name);
  return it == cookies.end() ? std::string() : it->second;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

Response Response::html(std::string body, int status) { return {status, "text/html; charset=utf-8", {}, std::move(body)}; }
Response Response::text(std::string body, int status) { return {status, "text/plain; charset=utf-8", {}, std::move(body)}; }
Response Response::json(std::string body, int status) { return {status, "application/json", {}, std::move(body)}; }

Response Response::redirect(const std::string& location) {
  Response r{303, "text/plain; charset=utf-8", {}, "See " + location};
  r.header("Location", location);
  return r;
}

Response& Response::header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

Params parse_urlencoded(std::string_view text) {
  Params out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    auto pair = text.substr(start, end - start);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      if (eq == std::string_view::npos)
        out.emplace(decode(pair), "");
      else
        out.emplace(decode(pair.substr(0, eq)), decode(pair.substr(eq + 1)));
    }
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> parse_cookies(std::string_view header) {
  std::map<std::string, std::string> out;
  for (const auto& part : split_list(header, ';')) {
    auto eq = part.find('=');
    if (eq != std::string::npos) out.emplace(std::string(trim(part.substr(0, eq))), std::string(trim(part.substr(eq + 1))));
  }
  return out;
}

std::string url_encode(std::string_view s) {
  std::string out;
  Poco::URI::encode(std::string(s), "!#$&'()*+,:;=?@[]", out);
  return out;
}

}  // namespace steward::web
