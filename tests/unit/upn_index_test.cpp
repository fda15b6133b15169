#include <gtest/gtest.h>

#include "app/upn_index.h"

namespace steward {
namespace {

TEST(UpnIndex, KeepsEachKeysEntryThroughGrowth) {
  UpnIndex index(4);
  for (std::uint64_t k = 0; k < 5000; ++k) {
    auto& e = index.at(k * 36);  // close together, as one school's UPNs are
    EXPECT_EQ(e.line, 0u);
    e.line = static_cast<std::uint32_t>(k + 1);
    e.known = static_cast<std::uint32_t>(k % 3);
  }
  EXPECT_EQ(index.size(), 5000u);
  for (std::uint64_t k = 0; k < 5000; ++k) {
    auto& e = index.at(k * 36);
    EXPECT_EQ(e.line, k + 1);
    EXPECT_EQ(e.known, k % 3);
  }
  EXPECT_EQ(index.size(), 5000u);
  EXPECT_EQ(index.at(1).line, 0u);  // a key never added starts empty
  EXPECT_EQ(index.size(), 5001u);
}

}  // namespace
}  // namespace steward
