#include "cli/cli.h"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

namespace steward::cli {

void add_db_option(CLI::App& command, std::string& db) {
  command.add_option("--db", db, "Database: a SQLite file path or a postgresql:// URL (or set STEWARD_DB)")->envname("STEWARD_DB");
}

std::unique_ptr<Store> open_existing(const std::string& db) {
  if (db.empty()) throw Error::bad_request("No database given: pass --db FILE or set STEWARD_DB");
  bool is_url = db.find("://") != std::string::npos;
  if (!is_url && !std::filesystem::exists(db))
    throw Error::bad_request("There is no database at " + printable_db(db) + ": create one with `steward init --db " + printable_db(db) + "`");
  auto store = open_store(db);
  int version = store->schema_version();
  if (version < store->latest_schema_version())
    throw Error::bad_request("The database " + printable_db(db) + " is at schema version " + std::to_string(version) + " of " +
                             std::to_string(store->latest_schema_version()) + ": run `steward migrate --db " + printable_db(db) + "`");
  if (version > store->latest_schema_version())
    throw Error::bad_request("The database " + printable_db(db) + " was written by a newer Steward (schema version " +
                             std::to_string(version) + ")");
  return store;
}

Service service_argument(Store& store, const School& school, const std::string& which, std::optional<Section> prefer) {
  bool numeric = !which.empty() && which.size() < 18 && which.find_first_not_of("0123456789") == std::string::npos;
  if (numeric) return find_service(store, school, {std::stoll(which)});
  if (!prefer) return find_service_by_name(store, school, which);
  try {
    return find_service_by_name(store, school, which, prefer);
  } catch (const Error& e) {
    if (e.status() != 404) throw;
    return find_service_by_name(store, school, which);
  }
}

std::string read_password(const std::string& prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) throw Error::invalid("password", "no password was given on standard input");
  return password;
}

namespace {

void print_error(const Error& e) {
  if (e.fields().size() > 1) {
    std::cerr << "steward: " << e.fields().size() << " problems, nothing was changed:\n";
    for (const auto& f : e.fields()) std::cerr << "  " << f.field << ": " << f.message << "\n";
  } else {
    std::cerr << "steward: " << e.what() << "\n";
  }
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"Steward: a school's register of cloud services, its published page and its audit trail."};
  app.name("steward");
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Show help for every command");
  add_init_command(app);
  add_migrate_command(app);
  add_serve_command(app);
  add_school_command(app);
  add_user_command(app);
  add_service_command(app);
  add_register_command(app);
  add_copy_command(app);
  add_pupils_command(app);
  add_optout_command(app);
  add_export_command(app);
  add_sar_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const Error& e) {
    print_error(e);
    return 1;
  }
  return 0;
}

}  // namespace steward::cli
