#pragma once
// libsodium behind four functions: Argon2id passwords, random tokens, SHA-256.
#include <string>
#include <string_view>

namespace steward {

std::string hash_password(std::string_view password);  // Argon2id, encoded with its parameters
bool verify_password(std::string_view encoded_hash, std::string_view password);
std::string random_token(size_t bytes = 32);  // hex
std::string sha256_hex(std::string_view data);
// Compares without leaking where two strings differ through timing.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace steward
