#include <gtest/gtest.h>

#include "domain/error.h"
#include "io/csv.h"

namespace steward {
namespace {

TEST(Csv, ParsesQuotesCommasAndLineBreaksKeepingLineNumbers) {
  auto rows = parse_csv("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,1");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\""}));
  EXPECT_EQ(rows[2].fields[0], "two\nlines");
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 6);
}

TEST(Csv, UnclosedQuoteNamesTheLine) {
  try {
    parse_csv("a,b\n1,\"open\n2,3\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.fields().at(0).field, "line 2");
  }
}

TEST(Csv, WritesFieldsThatRoundTrip) {
  std::string line = csv_line({"plain", "a,b", "q\"uote", "multi\nline"});
  EXPECT_EQ(line, "plain,\"a,b\",\"q\"\"uote\",\"multi\nline\"\r\n");
  auto back = parse_csv(line);
  EXPECT_EQ(back[0].fields, (std::vector<std::string>{"plain", "a,b", "q\"uote", "multi\nline"}));
}

}  // namespace
}  // namespace steward
