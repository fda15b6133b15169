#include <unistd.h>

#include <fstream>
#include <iostream>

#include "app/pupil_import.h"
#include "cli/cli.h"

namespace steward::cli {
namespace {

// A one-line progress bar on a terminal; nothing when output goes to a file or a pipe.
void show_progress(std::size_t read) {
  if (!isatty(STDERR_FILENO)) return;
  std::cerr << "\rRead " << read << " pupils..." << std::flush;
}

void print(const PupilImportReport& r) {
  if (isatty(STDERR_FILENO)) std::cerr << "\r";
  const bool dry = r.dry_run;
  std::cout << (dry ? "Dry run: would add " : "Added ") << r.added.size() << ", " << (dry ? "would change " : "changed ")
            << r.changed.size() << ", " << (dry ? "would mark as left " : "marked as left ") << r.left.size()
            << ", unchanged " << r.unchanged << " (" << r.read << " pupils in the file"
            << (r.full ? "" : "; a partial file, so nobody is marked as left") << ")."
            << (dry ? " Nothing was changed." : "") << "\n";
  // The first few of each kind; a whole school's first import would otherwise print every pupil.
  auto list = [&](const char* verb, const NameList& names) {
    constexpr std::size_t kShown = 25;
    for (std::size_t i = 0; i < names.size() && i < kShown; ++i) std::cout << "  " << verb << ": " << names[i] << "\n";
    if (names.size() > kShown) std::cout << "  ... and " << names.size() - kShown << " more\n";
  };
  list(dry ? "Would add" : "Added", r.added);
  list(dry ? "Would change" : "Changed", r.changed);
  list(dry ? "Would mark as left" : "Left", r.left);
}

}  // namespace

void add_pupils_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("pupils", "Import pupils from the school's MIS");
  cmd->require_subcommand(1);
  struct Args {
    std::string db, school, file, format;
    bool dry_run = false;
  };
  auto a = std::make_shared<Args>();
  auto* import = cmd->add_subcommand("import", "Import a Common Transfer File (CTF 24/25) or an MIS CSV export: all of it or nothing");
  add_db_option(*import, a->db);
  import->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  import->add_option("file", a->file, "The CTF (.xml) or CSV file")->required()->check(CLI::ExistingFile);
  import->add_option("--format", a->format, "ctf or csv (default: from the file name)")->check(CLI::IsMember({"ctf", "csv"}));
  import->add_flag("--dry-run", a->dry_run, "Report what would be added, changed and marked as left; change nothing");
  import->callback([a] {
    std::ifstream in(a->file, std::ios::binary);
    if (!in) throw Error::bad_request("Cannot read " + a->file);
    char head[64] = {};
    in.read(head, sizeof head);
    auto read = in.gcount();
    in.clear();
    in.seekg(0);
    PupilFileFormat format = a->format == "ctf"   ? PupilFileFormat::Ctf
                             : a->format == "csv" ? PupilFileFormat::Csv
                                                  : detect_pupil_format(a->file, std::string_view(head, static_cast<std::size_t>(read)));
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    try {
      print(import_pupils(*store, Actor::command_line(), school, in, format, {a->dry_run, show_progress}));
    } catch (const Error& e) {
      if (isatty(STDERR_FILENO)) std::cerr << "\r";
      if (e.status() != 422) throw;
      std::vector<FieldError> named;
      for (const auto& f : e.fields()) named.push_back({a->file + ": " + f.field, f.message});
      throw Error::invalid(named);
    }
  });
}

}  // namespace steward::cli
