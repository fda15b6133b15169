#include <fstream>
#include <iostream>

#include "app/register_csv.h"
#include "domain/text.h"
#include "io/read_whole.h"
#include "cli/cli.h"

namespace steward::cli {
namespace {

constexpr std::size_t kMaxImportBytes = 10 << 20;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::bad_request("Cannot read " + path);
  std::string text = read_whole(in);
  if (text.size() > kMaxImportBytes) throw Error::too_large(path + " is larger than 10 MB");
  return text;
}

void print_report(const RegisterImportReport& r) {
  const char* verb = r.dry_run ? "Would add" : "Added";
  const char* verb2 = r.dry_run ? "Would update" : "Updated";
  std::cout << verb << " " << r.added.size() << ", " << (r.dry_run ? "would update " : "updated ") << r.updated.size()
            << ", unchanged " << r.unchanged.size() << (r.dry_run ? " (dry run: nothing was changed)" : "") << ".\n";
  for (const auto& n : r.added) std::cout << "  " << verb << ": " << n << "\n";
  for (const auto& n : r.updated) std::cout << "  " << verb2 << ": " << n << "\n";
}

}  // namespace

void add_register_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("register", "Import or export the register as CSV");
  cmd->require_subcommand(1);
  struct Args {
    std::string db, school, file, out;
    bool dry_run = false;
  };
  auto a = std::make_shared<Args>();

  auto* import = cmd->add_subcommand("import", "Import a register CSV: all of it, or nothing if any line is wrong");
  add_db_option(*import, a->db);
  import->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  import->add_option("file", a->file, "CSV file: " + join(kRegisterCsvHeader, ","))->required();
  import->add_flag("--dry-run", a->dry_run, "Report what would change and change nothing");
  import->callback([a] {
    std::string text = read_file(a->file);
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    try {
      print_report(import_register_csv(*store, Actor::command_line(), school, text, a->dry_run));
    } catch (const Error& e) {
      if (e.status() != 422) throw;
      std::vector<FieldError> named;
      for (const auto& f : e.fields()) named.push_back({a->file + ": " + f.field, f.message});
      throw Error::invalid(named);
    }
  });

  auto* exp = cmd->add_subcommand("export", "Write the register (services not retired) as CSV");
  add_db_option(*exp, a->db);
  exp->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  exp->add_option("--out", a->out, "File to write (default: standard output)");
  exp->callback([a] {
    auto store = open_existing(a->db);
    std::string csv = export_register_csv(*store, resolve_school(*store, a->school));
    if (a->out.empty()) {
      std::cout << csv;
      return;
    }
    std::ofstream out(a->out, std::ios::binary);
    if (!out || !(out << csv)) throw Error::bad_request("Cannot write " + a->out);
  });
}

}  // namespace steward::cli
