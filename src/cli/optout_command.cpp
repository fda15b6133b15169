#include <fstream>
#include <iostream>
#include <map>

#include "app/opt_outs.h"
#include "app/register.h"
#include "cli/cli.h"
#include "domain/text.h"
#include "io/read_whole.h"

namespace steward::cli {
namespace {

struct Args {
  std::string db, school, upn, service, by, relationship, received, method, evidence, alternative, reason;
  std::int64_t id = 0;
};

// Opt-outs concern the pupils-or-parents section when a product is in two.
Service service_named(Store& store, const School& school, const std::string& which) {
  return service_argument(store, school, which, Section::Pupils);
}

std::optional<Evidence> read_evidence(const std::string& path) {
  if (path.empty()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error::invalid("--evidence", "cannot read " + path);
  std::string bytes = read_whole(in);
  std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::string ext = lower(name.substr(name.find_last_of('.') == std::string::npos ? name.size() : name.find_last_of('.')));
  std::string type = ext == ".pdf" ? "application/pdf" : ext == ".png" ? "image/png"
                     : ext == ".jpg" || ext == ".jpeg" ? "image/jpeg" : ext == ".txt" ? "text/plain"
                     : ext == ".eml" ? "message/rfc822" : "application/octet-stream";
  return Evidence{name, type, std::move(bytes)};
}

void add_add(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Record a parent's written opt-out of a service for a pupil");
  add_db_option(*add, a->db);
  add->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  add->add_option("--upn", a->upn, "The pupil's UPN")->required();
  add->add_option("--service", a->service, "The service's name or id (services for pupils or parents only)")->required();
  add->add_option("--by", a->by, "The parent's name")->required();
  add->add_option("--relationship", a->relationship, "Their relationship to the pupil")->required();
  add->add_option("--received", a->received, "The date the school received it, YYYY-MM-DD")->required();
  add->add_option("--method", a->method, "letter, email or form")->required();
  add->add_option("--evidence", a->evidence, "The letter, email or form, as a file (5 MB at most)");
  add->add_option("--alternative", a->alternative, "What the school offered instead");
  add->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    Pupil pupil = find_pupil_by_upn(*store, school, a->upn);
    Service service = service_named(*store, school, a->service);
    auto received = Date::parse_iso(a->received);
    if (!received) throw Error::invalid("--received", "\"" + a->received + "\" is not a real date in the form YYYY-MM-DD");
    auto method = parse_opt_out_method(a->method);
    if (!method) throw Error::invalid("--method", "\"" + a->method + "\" is not letter, email or form");
    OptOut o = add_opt_out(*store, Actor::command_line(), school,
                           {pupil.id, service.id, a->by, a->relationship, received, method, read_evidence(a->evidence),
                            a->alternative});
    std::cout << "Recorded opt-out " << o.id.value << ": " << pupil.forename() << " " << pupil.surname() << " ("
              << pupil.upn << ") will not be included in exports to " << service.name << ".\n";
  });
}

void add_withdraw(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* w = cmd.add_subcommand("withdraw", "Withdraw an opt-out; its history is kept");
  add_db_option(*w, a->db);
  w->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  w->add_option("id", a->id, "The opt-out's number (see optout list)")->required();
  w->add_option("--reason", a->reason, "Why, e.g. \"parent's email of 3 March 2026\"")->required();
  w->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    withdraw_opt_out(*store, Actor::command_line(), school, {a->id}, a->reason);
    std::cout << "Withdrew opt-out " << a->id << ".\n";
  });
}

void add_list(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* list = cmd.add_subcommand("list", "List opt-outs, newest first");
  add_db_option(*list, a->db);
  list->add_option("--school", a->school, "School slug (may be left out when there is one school)");
  list->add_option("--upn", a->upn, "Only this pupil's");
  list->add_option("--service", a->service, "Only this service's");
  list->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    std::optional<PupilId> pupil;
    std::optional<ServiceId> service;
    if (!a->upn.empty()) pupil = find_pupil_by_upn(*store, school, a->upn).id;
    if (!a->service.empty()) service = service_named(*store, school, a->service).id;
    std::map<std::int64_t, std::string> names;
    for (const auto& s : store->services(school.id)) names[s.id.value] = s.name;
    for (const auto& o : store->opt_outs(school.id, pupil, service)) {
      auto p = store->pupil(school.id, o.pupil);
      std::cout << o.id.value << "\t" << (p ? p->upn : "?") << "\t" << names[o.service.value] << "\t"
                << o.received_on.iso() << "\t" << opt_out_method_slug(o.method) << "\t" << o.decided_by << " ("
                << o.relationship << ")\t" << (o.in_force() ? "in force" : "withdrawn " + o.withdrawn_at.substr(0, 10))
                << "\n";
    }
  });
}

}  // namespace

void add_optout_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("optout", "Record, withdraw and list parents' opt-outs");
  cmd->require_subcommand(1);
  add_add(*cmd);
  add_withdraw(*cmd);
  add_list(*cmd);
}

}  // namespace steward::cli
