#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/crypto.h"

namespace steward {
namespace {

TEST(Crypto, Sha256MatchesTheStandardVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Every signed-in request hashes its session token, on whichever server thread it arrives: the
// hash must be safe to take on many threads at once. (OpenSSL set up and torn down per call
// crashed a server under 32 concurrent requests.)
TEST(Crypto, Sha256IsSafeOnManyThreadsAtOnce) {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 3000; ++i)
        if (sha256_hex("abc") != "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") ++wrong;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST(Crypto, RandomTokensAreHexOfTheLengthAskedAndDiffer) {
  auto a = random_token(32), b = random_token(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(Crypto, PasswordsVerifyOnlyAgainstTheirOwnHash) {
  auto hash = hash_password("correct horse battery");
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery!"));
}

}  // namespace
}  // namespace steward
