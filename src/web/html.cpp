#include "web/html.h"

#include <algorithm>
#include <cctype>

namespace steward::html {
namespace {

bool is_void(std::string_view tag) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "hr", "img", "input", "link", "meta"};
  return std::find(std::begin(kVoid), std::end(kVoid), tag) != std::end(kVoid);
}

const char* entity(char c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

// Runs of characters that need no escaping are appended whole.
void escape_into(std::string& out, std::string_view text) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char* e = entity(text[i]);
    if (!e) continue;
    out.append(text.substr(run, i - run));
    out += e;
    run = i + 1;
  }
  out.append(text.substr(run));
}

enum class Kind { Text, Raw, Element, Fragment };

}  // namespace

struct Node::Data {
  Kind kind = Kind::Text;
  const char* tag = "";
  std::string text;
  std::vector<Attr> attrs;
  Nodes children;
};

Node::Node(std::string_view text) : d_(std::make_shared<const Data>(Data{Kind::Text, "", std::string(text), {}, {}})) {}
Node::Node(Trusted raw) : d_(std::make_shared<const Data>(Data{Kind::Raw, "", std::move(raw.markup), {}, {}})) {}

Node Node::element(const char* tag, std::vector<Attr> attrs, Nodes children) {
  return Node(std::make_shared<const Data>(Data{Kind::Element, tag, {}, std::move(attrs), std::move(children)}));
}

Node Node::fragment(Nodes children) {
  return Node(std::make_shared<const Data>(Data{Kind::Fragment, "", {}, {}, std::move(children)}));
}

void Node::render(std::string& out) const {
  const Data& d = *d_;
  switch (d.kind) {
    case Kind::Text: escape_into(out, d.text); return;
    case Kind::Raw: out += d.text; return;
    case Kind::Fragment:
      for (const auto& c : d.children) c.render(out);
      return;
    case Kind::Element: break;
  }
  out += '<';
  out += d.tag;
  for (const auto& a : d.attrs) {
    if (!a.present) continue;
    out += ' ';
    out += a.name;
    out += "=\"";
    escape_into(out, a.value);
    out += '"';
  }
  out += '>';
  if (is_void(d.tag)) return;
  for (const auto& c : d.children) c.render(out);
  out += "</";
  out += d.tag;
  out += '>';
}

std::string Node::render() const {
  std::string out;
  render(out);
  return out;
}

std::string escape(std::string_view text) {
  std::string out;
  escape_into(out, text);
  return out;
}

bool safe_url(std::string_view url) {
  // Browsers ignore tabs, newlines and leading spaces inside schemes ("java\tscript:").
  std::string compact;
  for (char c : url)
    if (!std::isspace(static_cast<unsigned char>(c)) && !std::iscntrl(static_cast<unsigned char>(c)))
      compact += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto colon = compact.find(':');
  auto first_delim = compact.find_first_of("/?#");
  if (colon == std::string::npos || (first_delim != std::string::npos && first_delim < colon))
    return true;  // relative (a path, a query or a fragment)
  std::string scheme = compact.substr(0, colon);
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

Attr href(std::string_view url) { return {"href", safe_url(url) ? std::string(url) : "#"}; }
Attr action(std::string_view url) { return {"action", safe_url(url) ? std::string(url) : "#"}; }

std::string document(const Node& html_element) {
  std::string out;
  // Room for a typical staff page at once: growing a page's string by doubling made the
  // allocator consolidate its free lists on every request.
  out.reserve(32 * 1024);
  out += "<!DOCTYPE html>\n";
  html_element.render(out);
  return out;
}

}  // namespace steward::html
