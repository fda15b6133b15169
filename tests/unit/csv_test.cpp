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

TEST(Csv, RowsAreViewsThatHoldEveryEscapedQuoteOfTheRecord) {
  std::vector<std::vector<std::string>> seen;
  std::vector<int> lines;
  for_each_csv_row("\"a \"\"1\"\" b\",plain,\"\"\"\"\"\",\"x\"\"\",\"no escapes\"\r\n\n\"2\"\"\",\"q\"\n",
                   [&](const CsvRow& row) {
                     seen.emplace_back(row.fields.begin(), row.fields.end());
                     lines.push_back(row.line);
                   });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], (std::vector<std::string>{"a \"1\" b", "plain", "\"\"", "x\"", "no escapes"}));
  EXPECT_EQ(seen[1], (std::vector<std::string>{"2\"", "q"}));
  EXPECT_EQ(lines, (std::vector<int>{1, 3}));
}

TEST(Csv, TextAfterAClosingQuoteNamesTheLine) {
  try {
    parse_csv("a,b\n\"x\"y,2\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.fields().at(0).field, "line 2");
  }
}

}  // namespace
}  // namespace steward
