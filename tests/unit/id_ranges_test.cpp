#include <gtest/gtest.h>

#include "domain/error.h"
#include "domain/id_ranges.h"

namespace steward {
namespace {

TEST(IdRanges, WritesRunsAsRanges) {
  EXPECT_EQ(encode_id_ranges({}), "");
  EXPECT_EQ(encode_id_ranges({5}), "5");
  EXPECT_EQ(encode_id_ranges({9, 3, 4, 5, 7, 4, 8}), "3-5,7-9");
  EXPECT_EQ(encode_id_ranges({1, 3, 5}), "1,3,5");
}

TEST(IdRanges, RefusesIdsThatAreNotRows) { EXPECT_THROW(encode_id_ranges({3, 0}), Error); }

TEST(IdRanges, ReadsBackWhatItWrote) {
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 1; i <= 1000; ++i)
    if (i % 7 != 0 && i % 11 != 0) ids.push_back(i * 3 / 2);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  EXPECT_EQ(decode_id_ranges(encode_id_ranges(ids)), ids);
}

TEST(IdRanges, ReadsRangesInAnyOrderAndOverlapping) {
  EXPECT_EQ(decode_id_ranges("10-12,1,3-4,11-13"), (std::vector<std::int64_t>{1, 3, 4, 10, 11, 12, 13}));
}

TEST(IdRanges, AnswersMembershipWithoutExpanding) {
  std::string set = "3-5,7,100-100000";
  EXPECT_TRUE(id_ranges_contain(set, 3));
  EXPECT_TRUE(id_ranges_contain(set, 7));
  EXPECT_TRUE(id_ranges_contain(set, 54321));
  EXPECT_FALSE(id_ranges_contain(set, 6));
  EXPECT_FALSE(id_ranges_contain(set, 100001));
  EXPECT_FALSE(id_ranges_contain("", 1));
}

TEST(IdRanges, SaysWhenTheTextIsMalformed) {
  for (const char* bad : {"1,", ",1", "1,,2", "5-3", "a", "1-", "-4", "0", "1-2-3", "7 "}) {
    EXPECT_THROW(decode_id_ranges(bad), Error) << bad;
    EXPECT_THROW(id_ranges_contain(bad, 99), Error) << bad;
  }
}

}  // namespace
}  // namespace steward
