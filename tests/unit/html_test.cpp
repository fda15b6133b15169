#include <gtest/gtest.h>

#include "web/html.h"

namespace steward::html {
namespace {

TEST(Html, EscapesTextAndAttributes) {
  Node n = el("p", {attr("title", "a\"b<c>&'")}, {"<script>alert('x')</script> & co"});
  EXPECT_EQ(n.render(), "<p title=\"a&quot;b&lt;c&gt;&amp;&#39;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>");
}

TEST(Html, RawMarkupOnlyThroughTrusted) {
  std::string user = "<b>bold</b>";
  EXPECT_EQ(el("div", {Node(user)}).render(), "<div>&lt;b&gt;bold&lt;/b&gt;</div>");
  EXPECT_EQ(el("div", {Node(Trusted{user})}).render(), "<div><b>bold</b></div>");
}

TEST(Html, HrefAllowsOnlySafeSchemes) {
  EXPECT_EQ(href("https://example.org/a?b=1&c=2").value, "https://example.org/a?b=1&c=2");
  EXPECT_EQ(href("mailto:dpo@school.example").value, "mailto:dpo@school.example");
  EXPECT_EQ(href("/schools/x").value, "/schools/x");
  EXPECT_EQ(href("#main").value, "#main");
  EXPECT_EQ(href("javascript:alert(1)").value, "#");
  EXPECT_EQ(href(" JavaScript:alert(1)").value, "#");
  EXPECT_EQ(href("java\tscript:alert(1)").value, "#");
  EXPECT_EQ(href("data:text/html,<script>").value, "#");
  EXPECT_EQ(href("vbscript:x").value, "#");
}

TEST(Html, VoidElementsAndAbsentAttributes) {
  EXPECT_EQ(el("input", {attr("name", "a"), flag("checked", false)}).render(), "<input name=\"a\">");
  EXPECT_EQ(el("input", {flag("checked", true)}).render(), "<input checked=\"\">");
  EXPECT_EQ(fragment({"a", none(), "b"}).render(), "ab");
}

}  // namespace
}  // namespace steward::html
