#include <iostream>

#include "app/copy.h"
#include "cli/cli.h"

namespace steward::cli {

void add_copy_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("copy", "Copy a school (or every school) from one database to another, verifying counts");
  struct Args {
    std::string from, to, school;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--from", a->from, "Source database: a SQLite file or a postgresql:// URL")->required();
  cmd->add_option("--to", a->to, "Destination database; created or brought up to date")->required();
  cmd->add_option("--school", a->school, "The school to copy (default: every school)");
  cmd->callback([a] {
    auto from = open_existing(a->from);
    auto to = open_store(a->to);
    to->migrate();
    for (const auto& c : copy_schools(*from, *to, a->school))
      std::cout << "Copied " << c.slug << ": " << c.services << " services, " << c.providers << " providers, "
                << c.categories << " data categories, " << c.users << " accounts, " << c.pupils << " pupils, "
                << c.contacts << " contacts, " << c.opt_outs << " opt-outs, " << c.disclosures << " exports logged, "
                << c.audit_entries << " audit entries (counts and audit chain verified).\n";
  });
}

}  // namespace steward::cli
