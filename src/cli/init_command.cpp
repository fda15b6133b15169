#include <filesystem>
#include <iostream>

#include "app/demo.h"
#include "cli/cli.h"

namespace steward::cli {

void add_init_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("init", "Create a database (and, with --demo, load the demo school)");
  auto db = std::make_shared<std::string>();
  auto demo = std::make_shared<bool>(false);
  add_db_option(*cmd, *db);
  cmd->add_flag("--demo", *demo, "Load Crook Primary School's register and a staff account");
  cmd->callback([db, demo] {
    if (db->empty()) throw Error::bad_request("No database given: pass --db FILE or set STEWARD_DB");
    if (db->find("://") == std::string::npos) {
      auto parent = std::filesystem::path(*db).parent_path();
      if (!parent.empty() && !std::filesystem::exists(parent))
        throw Error::bad_request("Cannot create " + printable_db(*db) + ": the folder " + parent.string() + " does not exist");
    }
    auto store = open_store(*db);
    store->migrate();
    std::cout << "Database " << printable_db(*db) << " is at schema version " << store->schema_version() << ".\n";
    if (!*demo) return;
    if (store->school("crook-primary")) throw Error::conflict("The database already has the demo school crook-primary");
    auto login = load_demo(*store);
    std::cout << "Loaded the demo school " << login.school.name << " (" << login.school.slug << ") with "
              << store->services(login.school.id).size() << " services.\n"
              << "Log in as " << login.email << " with password: " << login.password << "\n";
  });
}

void add_migrate_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("migrate", "Bring a database's schema up to date");
  auto db = std::make_shared<std::string>();
  add_db_option(*cmd, *db);
  cmd->callback([db] {
    if (db->find("://") == std::string::npos && !std::filesystem::exists(*db))
      throw Error::bad_request("There is no database at " + printable_db(*db) + ": create one with `steward init --db " + printable_db(*db) + "`");
    auto store = open_store(*db);
    int before = store->schema_version();
    store->migrate();
    std::cout << "Schema version " << before << " -> " << store->schema_version() << ".\n";
  });
}

}  // namespace steward::cli
