#include "app/actor.h"

#include <unistd.h>

#include <cstdlib>

#include "domain/error.h"

namespace steward {

Actor Actor::command_line() {
  const char* login = std::getenv("USER");
  return {std::string("command line (") + (login && *login ? login : std::to_string(getuid()).c_str()) + ")",
          std::nullopt};
}

void require_staff_of(const Actor& a, SchoolId school) {
  if (!a.user) return;
  if (!a.user->active || a.user->school != school)
    throw Error::forbidden("You do not have access to this school's records");
}

void require_register_editor(const Actor& a, SchoolId school) {
  require_staff_of(a, school);
  if (a.user && !role_can_edit_register(a.user->role))
    throw Error::forbidden("Your role (" + std::string(role_label(a.user->role)) +
                           ") can read the register but not change it");
}

void require_pupil_handler(const Actor& a, SchoolId school) {
  require_staff_of(a, school);
  if (a.user && !role_can_handle_pupil_data(a.user->role))
    throw Error::forbidden("Your role (" + std::string(role_label(a.user->role)) + ") does not give access to pupils' records");
}

}  // namespace steward
