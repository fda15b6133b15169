#include <gtest/gtest.h>

#include "domain/error.h"
#include "store/postgres/pg_db.h"

namespace steward {
namespace {

using Names = std::vector<std::string>;

TEST(PgTextArray, ReadsPlainAndQuotedElementsInOrder) {
  EXPECT_EQ(pg::text_array("{}"), Names{});
  EXPECT_EQ(pg::text_array("{Renaissance}"), Names{"Renaissance"});
  EXPECT_EQ(pg::text_array("{b,a}"), (Names{"b", "a"}));
  EXPECT_EQ(pg::text_array(R"({"Google LLC, Ireland","Say \"hi\"","back\\slash",NULL-ish,"NULL","",Zoë})"),
            (Names{"Google LLC, Ireland", "Say \"hi\"", "back\\slash", "NULL-ish", "NULL", "", "Zoë"}));
}

TEST(PgTextArray, TextThatIsNotAnArrayIsAnError) {
  for (const char* bad : {"", "{", "a,b", "{\"open}", "{\"a\"x}", "{\"a\\"})
    EXPECT_THROW(pg::text_array(bad), Error) << bad;
}

TEST(PgTextArray, LiteralsReadBackAsTheSameElements) {
  Names names = {"Google LLC, Ireland", "Say \"hi\"", "back\\slash", "NULL", "", "{braces}"};
  pg::ArrayLiteral literal;
  for (const auto& n : names) literal.add(n);
  EXPECT_EQ(pg::text_array(literal.str()), names);
  EXPECT_EQ(pg::ArrayLiteral().str(), "{}");
}

}  // namespace
}  // namespace steward
