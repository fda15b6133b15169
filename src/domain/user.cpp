#include "domain/user.h"

namespace steward {
namespace {
constexpr Role kRoles[] = {Role::Headteacher, Role::Dpo, Role::IctManager, Role::Office, Role::Governor, Role::LaOfficer};
}

std::optional<Role> parse_role(std::string_view s) {
  for (Role r : kRoles)
    if (role_slug(r) == s) return r;
  return std::nullopt;
}

std::string_view role_slug(Role r) {
  switch (r) {
    case Role::Headteacher: return "headteacher";
    case Role::Dpo: return "dpo";
    case Role::IctManager: return "ict_manager";
    case Role::Office: return "office";
    case Role::Governor: return "governor";
    case Role::LaOfficer: return "la_officer";
  }
  return "office";
}

std::string_view role_label(Role r) {
  switch (r) {
    case Role::Headteacher: return "Headteacher";
    case Role::Dpo: return "Data protection officer";
    case Role::IctManager: return "ICT manager";
    case Role::Office: return "Office staff";
    case Role::Governor: return "Governor";
    case Role::LaOfficer: return "Local authority officer";
  }
  return "";
}

bool role_can_edit_register(Role r) {
  return r == Role::Headteacher || r == Role::Dpo || r == Role::IctManager;
}

bool role_can_handle_pupil_data(Role r) { return role_can_edit_register(r) || r == Role::Office; }

}  // namespace steward
