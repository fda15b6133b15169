#include <fstream>
#include <iostream>

#include "app/exports.h"
#include "app/opt_outs.h"
#include "app/register.h"
#include "app/subject_access.h"
#include "cli/cli.h"
#include "domain/text.h"

namespace steward::cli {

void add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("export", "Write the data a service receives: only its registered fields, only pupils on roll and not opted out");
  struct Args {
    std::string db, school, service, format, out;
  };
  auto a = std::make_shared<Args>();
  add_db_option(*cmd, a->db);
  cmd->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  cmd->add_option("--service", a->service, "The service's name or id")->required();
  cmd->add_option("--format", a->format, "csv or oneroster")->required()->check(CLI::IsMember({"csv", "oneroster"}));
  cmd->add_option("--out", a->out, "The file to write")->required();
  cmd->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    Service service = service_argument(*store, school, a->service);
    auto file = export_for_service(*store, Actor::command_line(), school, service.id, *parse_export_format(a->format));
    std::ofstream out(a->out, std::ios::binary);
    if (!out || !out.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size())))
      throw Error::bad_request("Cannot write " + a->out);
    std::cout << "Wrote " << a->out << ": " << file.disclosure.pupil_count << " pupils, fields " << file.disclosure.fields
              << (file.opted_out ? ", " + std::to_string(file.opted_out) + " left out (opted out)" : std::string()) << ".\n"
              << "SHA-256 " << file.disclosure.sha256 << " (logged as disclosure " << file.disclosure.id.value << ").\n";
    if (!file.not_exportable.empty())
      std::cout << "Not exportable (no pupil field; share them by the service's own means, if at all): "
                << join(file.not_exportable, ", ") << ".\n";
  });
}

void add_sar_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("sar", "Subject access: every service that receives a pupil's data, opt-outs and exports");
  struct Args {
    std::string db, school, upn;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  add_db_option(*cmd, a->db);
  cmd->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  cmd->add_option("--upn", a->upn, "The pupil's UPN")->required();
  cmd->add_flag("--json", a->json, "JSON");
  cmd->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    auto r = subject_access(*store, Actor::command_line(), school, find_pupil_by_upn(*store, school, a->upn));
    if (a->json) {
      std::cout << subject_access_json(r) << "\n";
      return;
    }
    std::cout << "Subject access report for " << r.pupil.forename() << " " << r.pupil.surname() << " (UPN " << r.pupil.upn
              << "), " << school.name << ", produced " << r.produced_at << "\n\nServices:\n";
    for (const auto& s : r.shares)
      std::cout << "  " << s.service.name << " (" << join(s.service.providers, ", ") << ")"
                << (s.opted_out ? " - OPTED OUT, nothing is sent" : "") << "\n"
                << "    fields: " << (s.fields.empty() ? "none" : join(s.fields, ", ")) << "\n"
                << (s.other_data.empty() ? "" : "    other data: " + join(s.other_data, "; ") + "\n");
    std::cout << "\nOpt-outs:\n";
    if (r.opt_outs.empty()) std::cout << "  none\n";
    for (const auto& o : r.opt_outs)
      std::cout << "  service " << o.service.value << ", received " << o.received_on.iso() << " from " << o.decided_by
                << (o.in_force() ? "" : ", withdrawn " + o.withdrawn_at.substr(0, 10)) << "\n";
    std::cout << "\nExports that included this pupil:\n";
    if (r.disclosures.empty()) std::cout << "  none\n";
    for (const auto& d : r.disclosures)
      std::cout << "  " << d.at << " " << d.service_name << " (" << d.format << "): " << d.fields << "\n";
  });
}

}  // namespace steward::cli
