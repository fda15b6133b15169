#pragma once
// Staff who run the register, and what each role may do.
#include <optional>
#include <string>
#include <string_view>

#include "domain/ids.h"

namespace steward {

enum class Role { Headteacher, Dpo, IctManager, Office, Governor, LaOfficer };

std::optional<Role> parse_role(std::string_view);  // headteacher | dpo | ict_manager | office | governor | la_officer
std::string_view role_slug(Role);
std::string_view role_label(Role);

// Keeping the register is the DPO's, the headteacher's and the ICT manager's job; office staff
// and governors read it.
bool role_can_edit_register(Role);
// Pupils' records, opt-outs and exports are for the staff who handle them; governors and local
// authority officers oversee the register without seeing pupils.
bool role_can_handle_pupil_data(Role);

struct User {
  UserId id;
  SchoolId school;
  std::string email;  // stored lowercase
  std::string name;
  Role role = Role::Office;
  std::string password_hash;  // Argon2id, libsodium's encoded form
  bool active = true;
};

}  // namespace steward
