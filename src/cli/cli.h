#pragma once
// The `steward` command line. Each command lives in its own file and calls the same use cases
// as the web. Exit status: 0 success, 1 a user's error (one line naming the field or file
// line), 2 misuse of the command line.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <memory>
#include <string>

#include "app/register.h"
#include "app/schools.h"
#include "store/store.h"

namespace steward::cli {

int run(int argc, char** argv);

// Opens an existing, up-to-date database; a clear Error otherwise.
std::unique_ptr<Store> open_existing(const std::string& db);
// Adds --db (default $STEWARD_DB) to a command.
void add_db_option(CLI::App& command, std::string& db);
// The service a --service argument or positional names: an id, or a name (ignoring case).
// `prefer` picks the section when the name is in two (G Suite in the demo); a name found only
// in another section is still returned, so the use case can say why it refuses.
Service service_argument(Store&, const School&, const std::string& which, std::optional<Section> prefer = {});
// Reads a password from standard input, without echo when it is a terminal.
std::string read_password(const std::string& prompt);

void add_init_command(CLI::App&);
void add_migrate_command(CLI::App&);
void add_serve_command(CLI::App&);
void add_school_command(CLI::App&);
void add_user_command(CLI::App&);
void add_service_command(CLI::App&);
void add_register_command(CLI::App&);
void add_copy_command(CLI::App&);
void add_pupils_command(CLI::App&);
void add_optout_command(CLI::App&);
void add_export_command(CLI::App&);
void add_sar_command(CLI::App&);

}  // namespace steward::cli
