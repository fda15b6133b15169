#pragma once
// A signed-in staff member's session. Only a hash of the cookie's token is stored, so a copy of
// the database does not let anyone sign in.
#include <string>

#include "domain/ids.h"

namespace steward {

struct Session {
  std::string token_hash;
  UserId user;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
};

}  // namespace steward
