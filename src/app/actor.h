#pragma once
// Who is doing something: a signed-in member of staff, or the operator at the command line
// (who owns the database file and so may do anything).
#include <optional>
#include <string>

#include "domain/user.h"

namespace steward {

struct Actor {
  std::string name;  // as the audit trail records it
  std::optional<User> user;

  static Actor staff(const User& u) { return {u.email, u}; }
  static Actor command_line();
};

// Throws Error 403 unless the actor may change the school's register.
void require_register_editor(const Actor&, SchoolId);
// Throws Error 403 unless the actor may see and change the school's pupil records.
void require_pupil_handler(const Actor&, SchoolId);
// Throws Error 403 unless the actor may read the school's staff pages.
void require_staff_of(const Actor&, SchoolId);

}  // namespace steward
