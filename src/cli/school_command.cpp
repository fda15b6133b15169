#include <iostream>

#include "cli/cli.h"

namespace steward::cli {

void add_school_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("school", "Add or list schools");
  cmd->require_subcommand(1);

  auto* add = cmd->add_subcommand("add", "Add a school with the standard data categories and page text");
  struct Args {
    std::string db;
    School school;
  };
  auto a = std::make_shared<Args>();
  add_db_option(*add, a->db);
  add->add_option("--slug", a->school.slug, "Short name used in URLs, e.g. crook-primary")->required();
  add->add_option("--name", a->school.name, "The school's name")->required();
  add->add_option("--urn", a->school.urn, "DfE unique reference number");
  add->add_option("--local-authority", a->school.local_authority, "Local authority");
  add->add_option("--dpo-contact", a->school.dpo_contact, "How to reach the data protection officer");
  add->callback([a] {
    auto store = open_existing(a->db);
    School s = create_school(*store, Actor::command_line(), a->school);
    std::cout << "Added " << s.name << " (" << s.slug << ").\n";
  });

  auto* list = cmd->add_subcommand("list", "List schools");
  auto db = std::make_shared<std::string>();
  add_db_option(*list, *db);
  list->callback([db] {
    auto store = open_existing(*db);
    for (const auto& s : store->schools()) std::cout << s.slug << "\t" << s.name << "\n";
  });
}

}  // namespace steward::cli
