#pragma once
// Use cases for schools and their staff accounts.
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

// Creates a school with the standard data categories and page wording. Only the command-line
// operator may create schools.
School create_school(Store&, const Actor&, School);
// Throws Error 404 naming the slug when there is no such school.
School find_school(Store&, std::string_view slug);
// The school a command means: the one named, or the only one when none is named.
School resolve_school(Store&, const std::string& slug);

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::Dpo;
  std::string password;
};
// Validates (email, role, password of 12 or more characters) and stores with an Argon2id hash.
User add_user(Store&, const Actor&, const School&, const NewUser&);

void update_page_text(Store&, const Actor&, const School&, const PageText&);

}  // namespace steward
