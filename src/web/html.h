#pragma once
// The escaping HTML builder. Views build a tree of Nodes; text and attribute values are always
// escaped when rendered. Raw markup only enters through html::Trusted, which a reviewer can
// grep for; URLs in href/action pass a scheme check (http, https, mailto, relative).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace steward::html {

// Markup the program itself wrote, never anything a user typed.
struct Trusted {
  std::string markup;
};

struct Attr {
  const char* name;  // a literal in the view, never user input
  std::string value;
  bool present = true;  // false drops the attribute (for optional boolean attributes)
};

class Node;
using Nodes = std::vector<Node>;

class Node {
 public:
  Node(std::string_view text);  // NOLINT: text is the common case and is escaped
  Node(const char* text) : Node(std::string_view(text)) {}
  Node(const std::string& text) : Node(std::string_view(text)) {}
  Node(Trusted raw);

  static Node element(const char* tag, std::vector<Attr> attrs, Nodes children);
  static Node fragment(Nodes children);

  void render(std::string& out) const;
  std::string render() const;

 private:
  // Nodes are immutable and shared: views pass children in braced lists, which copy, so a copy
  // must cost a reference count, not the whole subtree.
  struct Data;
  explicit Node(std::shared_ptr<const Data> d) : d_(std::move(d)) {}
  std::shared_ptr<const Data> d_;
};

inline Node el(const char* tag, std::vector<Attr> attrs, Nodes children = {}) {
  return Node::element(tag, std::move(attrs), std::move(children));
}
inline Node el(const char* tag, Nodes children) { return Node::element(tag, {}, std::move(children)); }
inline Node fragment(Nodes children) { return Node::fragment(std::move(children)); }
// Nothing at all: for optional parts of a page.
inline Node none() { return Node::fragment({}); }

inline Attr attr(const char* name, std::string value) { return {name, std::move(value)}; }
inline Attr cls(std::string value) { return {"class", std::move(value)}; }
inline Attr flag(const char* name, bool on) { return {name, "", on}; }
// href/action/src: a URL with an unsafe scheme (javascript:, data:, …) becomes "#".
Attr href(std::string_view url);
Attr action(std::string_view url);

std::string escape(std::string_view text);
bool safe_url(std::string_view url);
std::string document(const Node& html_element);  // with <!DOCTYPE html>

}  // namespace steward::html
