#include <iostream>

#include "app/register.h"
#include "domain/text.h"
#include "cli/cli.h"
#include "io/service_json.h"

namespace steward::cli {
namespace {

struct Args {
  std::string db, school, service;  // service: an id or a name
  bool json = false;
  std::string section, status, name, website, description, controls, date, notes;
  std::vector<std::string> providers, purposes, data;
};

void add_common(CLI::App& cmd, Args& a) {
  add_db_option(cmd, a.db);
  cmd.add_option("--school", a.school, "School slug (may be left out when there is one school)");
}

void add_fields(CLI::App& cmd, Args& a) {
  cmd.add_option("--name", a.name, "Name as parents know it");
  cmd.add_option("--section", a.section, "pupils, management or other");
  cmd.add_option("--provider", a.providers, "Service provider (repeat for several)");
  cmd.add_option("--website", a.website, "Website address");
  cmd.add_option("--purpose", a.purposes, "What the school uses it for (repeat for several)");
  cmd.add_option("--data", a.data, "Data category shared or potentially shared (repeat for several)");
  cmd.add_option("--description", a.description, "Free text about the data, e.g. \"photos or names\"");
  cmd.add_option("--controls", a.controls, "How data is kept from exposure");
  cmd.add_option("--risk-assessment-date", a.date, "YYYY-MM-DD");
  cmd.add_option("--status", a.status, "proposed, assessing, approved, in_use or suspended");
  cmd.add_option("--notes", a.notes, "Notes for staff");
}

// Applies the options that were given to `s`; options left out keep its values.
void apply(const CLI::App& cmd, const Args& a, Service& s) {
  auto given = [&](const char* opt) { return cmd.count(opt) > 0; };
  if (given("--section")) {
    auto section = parse_section(a.section);
    if (!section) throw Error::invalid("--section", "\"" + a.section + "\" is not a section (use pupils, management or other)");
    s.section = *section;
  }
  if (given("--status")) {
    auto status = parse_service_status(a.status);
    if (!status) throw Error::invalid("--status", "\"" + a.status + "\" is not a status (use proposed, assessing, approved, in_use or suspended)");
    s.status = *status;
  }
  if (given("--risk-assessment-date")) {
    s.risk_assessment_date = Date::parse_iso(a.date);
    if (!s.risk_assessment_date && !a.date.empty())
      throw Error::invalid("--risk-assessment-date", "\"" + a.date + "\" is not a real date in the form YYYY-MM-DD");
  }
  if (given("--name")) s.name = a.name;
  if (given("--provider")) s.providers = a.providers;
  if (given("--website")) s.website = a.website;
  if (given("--purpose")) s.purposes = a.purposes;
  if (given("--data")) s.data_categories = a.data;
  if (given("--description")) s.description = a.description;
  if (given("--controls")) s.controls = a.controls;
  if (given("--notes")) s.notes = a.notes;
}

// Errors name the command-line option, not the form field.
Error as_options(const Error& e) {
  if (e.status() != 422) return e;
  std::vector<FieldError> named;
  for (const auto& f : e.fields()) {
    std::string option = f.field == "data_categories" ? "--data" : f.field == "providers" ? "--provider"
                         : f.field == "purposes" ? "--purpose" : "--" + f.field;
    for (auto& c : option) if (c == '_') c = '-';
    named.push_back({option, f.message});
  }
  return Error::invalid(named);
}

Service find(Store& store, const School& school, const std::string& which) {
  return service_argument(store, school, which);
}

void print_service(const Service& s) {
  std::cout << s.name << " (id " << s.id.value << ")\n"
            << "  Section: " << section_title(s.section) << "\n"
            << "  Status: " << service_status_label(s.status) << "\n"
            << "  Providers: " << join(s.providers, ", ") << "\n"
            << "  Website: " << s.website << "\n"
            << "  Purposes: " << join(s.purposes, ", ") << "\n"
            << "  " << section_data_label(s.section) << ": " << join(s.data_categories, ", ") << "\n"
            << "  Description: " << s.description << "\n"
            << "  Controls: " << s.controls << "\n"
            << "  Risk assessment date: " << (s.risk_assessment_date ? s.risk_assessment_date->iso() : "not yet assessed") << "\n";
}

void add_list(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* list = cmd.add_subcommand("list", "List the register");
  add_common(*list, *a);
  list->add_flag("--json", a->json, "JSON, as the API gives it");
  list->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    auto services = list_services(*store, school);
    if (a->json) {
      std::cout << services_json(school, services) << "\n";
      return;
    }
    for (const auto& s : services)
      std::cout << s.id.value << "\t" << section_slug(s.section) << "\t" << service_status_slug(s.status) << "\t" << s.name << "\n";
  });
}

void add_show(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* show = cmd.add_subcommand("show", "Show one service");
  add_common(*show, *a);
  show->add_option("service", a->service, "The service's id or name")->required();
  show->add_flag("--json", a->json, "JSON, as the API gives it");
  show->callback([a] {
    auto store = open_existing(a->db);
    Service s = find(*store, resolve_school(*store, a->school), a->service);
    if (a->json) std::cout << service_json(s) << "\n";
    else print_service(s);
  });
}

void add_add(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* add = cmd.add_subcommand("add", "Add a service to the register");
  add_common(*add, *a);
  add_fields(*add, *a);
  add->get_option("--name")->required();
  add->get_option("--section")->required();
  add->callback([a, add] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    Service s;
    apply(*add, *a, s);
    try {
      s.id = add_service(*store, Actor::command_line(), school, s);
    } catch (const Error& e) {
      throw as_options(e);
    }
    std::cout << "Added " << s.name << " (id " << s.id.value << ").\n";
  });
}

void add_update(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* update = cmd.add_subcommand("update", "Change a service; options left out keep their values");
  add_common(*update, *a);
  update->add_option("service", a->service, "The service's id or name")->required();
  add_fields(*update, *a);
  update->callback([a, update] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    Service s = find(*store, school, a->service);
    apply(*update, *a, s);
    try {
      update_service(*store, Actor::command_line(), school, s);
    } catch (const Error& e) {
      throw as_options(e);
    }
    std::cout << "Updated " << s.name << " (id " << s.id.value << ").\n";
  });
}

void add_retire(CLI::App& cmd) {
  auto a = std::make_shared<Args>();
  auto* retire = cmd.add_subcommand("retire", "Retire a service: it leaves the published page, its history stays");
  add_common(*retire, *a);
  retire->add_option("service", a->service, "The service's id or name")->required();
  retire->callback([a] {
    auto store = open_existing(a->db);
    School school = resolve_school(*store, a->school);
    Service s = find(*store, school, a->service);
    retire_service(*store, Actor::command_line(), school, s.id);
    std::cout << "Retired " << s.name << " (id " << s.id.value << ").\n";
  });
}

}  // namespace

void add_service_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("service", "List, show, add, update or retire services");
  cmd->require_subcommand(1);
  add_list(*cmd);
  add_show(*cmd);
  add_add(*cmd);
  add_update(*cmd);
  add_retire(*cmd);
}

}  // namespace steward::cli
