#include "app/register.h"

#include <algorithm>

#include "app/audit.h"
#include "app/clock.h"
#include "domain/data_category.h"
#include "domain/text.h"
#include "io/service_json.h"

namespace steward {
namespace {

bool matches(const Service& s, const ServiceFilter& f) {
  if (f.section && s.section != *f.section) return false;
  if (f.status && s.status != *f.status) return false;
  if (!f.category.empty() && std::none_of(s.data_categories.begin(), s.data_categories.end(),
                                          [&](const std::string& c) { return iequals(c, f.category); }))
    return false;
  return true;
}

std::vector<std::string> cleaned(const std::vector<std::string>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) {
    auto t = std::string(trim(i));
    if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  }
  return out;
}

void save_checked(Store& store, const Actor& actor, const School& school, Service& s, std::string before) {
  auto categories = store.data_categories(school.id);
  s = normalise_service(std::move(s), categories);
  if (auto errors = validate_service(s, categories, today()); !errors.empty()) throw Error::invalid(errors);
  save_validated_services(store, actor, school, {&s, 1}, {std::move(before)});
}

}  // namespace

std::vector<Service> list_services(Store& store, const School& school, const ServiceFilter& filter) {
  auto all = store.services(school.id);
  std::erase_if(all, [&](const Service& s) { return !matches(s, filter); });
  return all;
}

std::vector<Service> published_services(Store& store, const School& school) {
  auto all = store.services(school.id);
  std::erase_if(all, [](const Service& s) { return !service_status_published(s.status); });
  return all;
}

Service find_service(Store& store, const School& school, ServiceId id) {
  auto s = store.service(school.id, id);
  if (!s) throw Error::not_found("There is no service " + std::to_string(id.value) + " in " + school.name + "'s register");
  return *s;
}

Service find_service_by_name(Store& store, const School& school, const std::string& name,
                             std::optional<Section> section) {
  std::vector<Service> found;
  for (auto& s : store.services(school.id))
    if (iequals(s.name, trim(name)) && (!section || s.section == *section)) found.push_back(std::move(s));
  if (found.empty()) throw Error::not_found("There is no service called \"" + name + "\" in " + school.name + "'s register");
  if (found.size() > 1)
    throw Error::conflict("\"" + name + "\" is in more than one section: name the section with --section");
  return found.front();
}

Service normalise_service(Service s, const std::vector<DataCategory>& categories) {
  s.name = std::string(trim(s.name));
  s.website = std::string(trim(s.website));
  s.providers = cleaned(s.providers);
  s.purposes = cleaned(s.purposes);
  s.data_categories = cleaned(s.data_categories);
  for (auto& name : s.data_categories)
    if (auto* c = find_category(categories, name)) name = c->name;
  s.description = std::string(trim(s.description));
  s.controls = std::string(trim(s.controls));
  s.notes = std::string(trim(s.notes));
  return s;
}

void save_validated_services(Store& store, const Actor& actor, const School& school, std::span<Service> services,
                             std::vector<std::string> before) {
  std::string at = now_iso();
  for (auto& s : services) {
    s.school = school.id;
    s.updated_at = at;
  }
  store.transaction([&] {
    store.save_services(school.id, services);
    store.touch_school(school.id, at);
    std::vector<AuditRecord> changes;
    for (size_t i = 0; i < services.size(); ++i)
      changes.push_back({school.id, before[i].empty() ? "service.create" : "service.update", "service",
                         std::to_string(services[i].id.value), std::move(before[i]), service_json(services[i])});
    audit(store, actor, school.id, std::move(changes));
  });
}

ServiceId add_service(Store& store, const Actor& actor, const School& school, Service s) {
  require_register_editor(actor, school.id);
  if (s.status == ServiceStatus::Retired) throw Error::invalid("status", "A new service cannot start as retired");
  save_checked(store, actor, school, s, "");
  return s.id;
}

void update_service(Store& store, const Actor& actor, const School& school, Service s) {
  require_register_editor(actor, school.id);
  Service before = find_service(store, school, s.id);
  if (before.status == ServiceStatus::Retired) throw Error::conflict("\"" + before.name + "\" is retired and cannot be changed");
  if (s.status == ServiceStatus::Retired) throw Error::invalid("status", "Use Retire to retire a service");
  save_checked(store, actor, school, s, service_json(before));
}

void retire_service(Store& store, const Actor& actor, const School& school, ServiceId id) {
  require_register_editor(actor, school.id);
  Service s = find_service(store, school, id);
  if (s.status == ServiceStatus::Retired) throw Error::conflict("\"" + s.name + "\" is already retired");
  std::string before = service_json(s);
  s.status = ServiceStatus::Retired;
  s.updated_at = now_iso();
  store.transaction([&] {
    store.update_service(s);
    store.touch_school(school.id, s.updated_at);
    audit(store, actor, {school.id, "service.retire", "service", std::to_string(s.id.value), before, service_json(s)});
  });
}

DataCategory add_data_category(Store& store, const Actor& actor, const School& school, DataCategory c) {
  require_register_editor(actor, school.id);
  c.name = std::string(trim(c.name));
  c.description = std::string(trim(c.description));
  c.school = school.id;
  if (auto errors = validate_data_category(c, store.data_categories(school.id)); !errors.empty())
    throw Error::invalid(errors);
  store.transaction([&] {
    c.id = store.create_data_category(c);
    audit(store, actor, {school.id, "data_category.create", "data_category", std::to_string(c.id.value), "", c.name});
  });
  return c;
}

}  // namespace steward
