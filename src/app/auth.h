#pragma once
// Staff sign-in. Sessions and failure counters live in the store, so any app server can check
// any cookie.
#include <optional>
#include <string>

#include "store/store.h"

namespace steward {

inline constexpr int kSessionSeconds = 8 * 60 * 60;  // a school day
inline constexpr int kMaxLoginFailures = 5;           // per email within kLoginWindowSeconds
inline constexpr int kLoginWindowSeconds = 15 * 60;

struct SignedIn {
  User user;
  Session session;
  std::string token;  // for the cookie; only its hash is stored
};

// Throws Error 401 for a wrong email or password (the same message for both) and 429 when
// too many attempts have failed recently.
SignedIn login(Store&, const std::string& email, const std::string& password);
// The user behind a cookie's token, when the session exists, has not expired and the account
// is active.
std::optional<SignedIn> authenticate(Store&, const std::string& token);
void logout(Store&, const std::string& token);

}  // namespace steward
