#include <iostream>

#include "cli/cli.h"

namespace steward::cli {

void add_user_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("user", "Manage staff accounts");
  cmd->require_subcommand(1);
  auto* add = cmd->add_subcommand("add", "Add a staff account; the password is read from standard input");
  struct Args {
    std::string db, school, email, name, role;
  };
  auto a = std::make_shared<Args>();
  add_db_option(*add, a->db);
  add->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  add->add_option("--email", a->email, "Email address, used to sign in")->required();
  add->add_option("--name", a->name, "Full name");
  add->add_option("--role", a->role, "headteacher, dpo, ict_manager, office, governor or la_officer")->required();
  add->callback([a] {
    auto role = parse_role(a->role);
    if (!role) throw Error::invalid("--role", "\"" + a->role + "\" is not a role (use headteacher, dpo, ict_manager, office, governor or la_officer)");
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    std::string password = read_password("Password for " + a->email + ": ");
    User u = add_user(*store, Actor::command_line(), school, {a->email, a->name, *role, password});
    std::cout << "Added " << u.email << " (" << role_label(u.role) << ") to " << school.name << ".\n";
  });
}

}  // namespace steward::cli
