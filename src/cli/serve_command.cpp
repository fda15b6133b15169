#include "cli/cli.h"
#include "web/server.h"

namespace steward::cli {

void add_serve_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Serve the published pages, the staff pages and the API over HTTP");
  auto db = std::make_shared<std::string>();
  auto options = std::make_shared<web::ServerOptions>();
  add_db_option(*cmd, *db);
  cmd->add_option("--port", options->port, "Port to listen on (0 picks a free one)")->envname("PORT")->capture_default_str();
  cmd->add_option("--bind", options->bind, "Address to listen on")->capture_default_str();
  cmd->add_option("--socket", options->socket_path,
                  "Listen on a unix domain socket at this path instead of a TCP port (nginx on the same machine)");
  cmd->add_option("--threads", options->threads, "Most connections served at once (one thread each)")->check(CLI::Range(4, 1024))->capture_default_str();
  cmd->callback([db, options] {
    auto store = open_existing(*db);
    web::serve(*store, *options);
  });
}

}  // namespace steward::cli
