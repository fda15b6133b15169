// The published-page cache: served again while the token stands still, checked against the
// school's revision when it moves, and always checked for a request without a token (staff).
#include <gtest/gtest.h>

#include "web/published_cache.h"

namespace steward::web {
namespace {

class PublishedCacheTest : public ::testing::Test {
 protected:
  std::string page(std::optional<std::uint64_t> token) {
    return *cache.get("page:s", token, [&] { ++revision_reads; return revision; },
                      [&] { ++renders; return "page at revision " + std::to_string(revision); });
  }
  PublishedCache cache;
  std::int64_t revision = 1;
  int revision_reads = 0, renders = 0;
};

TEST_F(PublishedCacheTest, AStillTokenServesTheKeptPageWithoutAsking) {
  EXPECT_EQ(page(7), "page at revision 1");
  revision = 2;  // changed elsewhere; the token has not moved yet
  EXPECT_EQ(page(7), "page at revision 1");
  EXPECT_EQ(revision_reads, 1);
  EXPECT_EQ(renders, 1);
}

TEST_F(PublishedCacheTest, AMovedTokenRendersOnlyWhenTheRevisionMoved) {
  page(7);
  EXPECT_EQ(page(8), "page at revision 1");
  EXPECT_EQ(renders, 1);
  revision = 2;
  EXPECT_EQ(page(9), "page at revision 2");
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(revision_reads, 3);
}

TEST_F(PublishedCacheTest, WithoutATokenTheRevisionIsReadEveryTime) {
  page(7);
  revision = 2;
  EXPECT_EQ(page(std::nullopt), "page at revision 2");
  EXPECT_EQ(page(std::nullopt), "page at revision 2");
  EXPECT_EQ(revision_reads, 3);
  EXPECT_EQ(renders, 2);
  EXPECT_EQ(page(7), "page at revision 2");  // visitors get the newer page too
  EXPECT_EQ(revision_reads, 3);
}

TEST_F(PublishedCacheTest, APageFirstKeptWithoutATokenIsCheckedOnTheFirstToken) {
  page(std::nullopt);
  revision = 2;
  EXPECT_EQ(page(7), "page at revision 2");
}

}  // namespace
}  // namespace steward::web
