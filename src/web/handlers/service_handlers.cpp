#include <algorithm>

#include "app/register.h"
#include "app/clock.h"
#include "app/register_csv.h"
#include "domain/data_category.h"
#include "domain/text.h"
#include "web/handlers/handlers.h"
#include "web/views/staff_views.h"

namespace steward::web {
namespace {

ServiceId route_id(Context& ctx) { return {std::stoll(ctx.request.route.at("id"))}; }

std::string base_url(Context& ctx) { return "/schools/" + ctx.school().slug + "/services"; }

ServiceForm form_from(const Service& s, const std::vector<DataCategory>& categories) {
  ServiceForm f;
  f.name = s.name;
  f.section = section_slug(s.section);
  f.providers = join(s.providers, "\n");
  f.website = s.website;
  f.purposes = join(s.purposes, "\n");
  f.description = s.description;
  f.controls = s.controls;
  f.notes = s.notes;
  f.status = service_status_slug(s.status);
  for (const auto& name : s.data_categories)
    if (auto* c = find_category(categories, name)) f.categories.push_back(std::to_string(c->id.value));
  if (s.risk_assessment_date) {
    f.day = std::to_string(s.risk_assessment_date->day);
    f.month = std::to_string(s.risk_assessment_date->month);
    f.year = std::to_string(s.risk_assessment_date->year);
  }
  return f;
}

ServiceForm form_from(const Request& r) {
  ServiceForm f;
  f.name = r.form_value("name");
  f.section = r.form_value("section");
  f.providers = r.form_value("providers");
  f.website = r.form_value("website");
  f.purposes = r.form_value("purposes");
  f.description = r.form_value("description");
  f.controls = r.form_value("controls");
  f.notes = r.form_value("notes");
  f.status = r.form_value("status");
  f.categories = r.form_values("category");
  f.day = r.form_value("risk_assessment_date-day");
  f.month = r.form_value("risk_assessment_date-month");
  f.year = r.form_value("risk_assessment_date-year");
  return f;
}

// Turns what was typed into a service; problems the domain cannot see (an unknown section,
// an impossible date) go into `errors`.
Service service_from(const ServiceForm& f, const std::vector<DataCategory>& categories, std::vector<FieldError>& errors) {
  Service s;
  if (auto section = parse_section(f.section)) s.section = *section;
  else errors.push_back({"section", "Select the section the service belongs in"});
  s.name = f.name;
  s.providers = split_list(f.providers, '\n');
  s.website = f.website;
  s.purposes = split_list(f.purposes, '\n');
  s.description = f.description;
  s.controls = f.controls;
  s.notes = f.notes;
  if (auto status = parse_service_status(f.status); status && *status != ServiceStatus::Retired) s.status = *status;
  else errors.push_back({"status", "Select a status"});
  for (const auto& id : f.categories) {
    auto it = std::find_if(categories.begin(), categories.end(),
                           [&](const DataCategory& c) { return std::to_string(c.id.value) == id; });
    if (it == categories.end()) errors.push_back({"data_categories", "Select data categories from the list"});
    else s.data_categories.push_back(it->name);
  }
  bool blank = trim(f.day).empty() && trim(f.month).empty() && trim(f.year).empty();
  if (!blank) {
    s.risk_assessment_date = Date::from_parts(f.day, f.month, f.year);
    if (!s.risk_assessment_date)
      errors.push_back({"risk_assessment_date", "Risk assessment date must be a real date, for example 14 3 2025"});
  }
  return s;
}

// The form's own field names, so the error summary's links land on the fields.
std::vector<FieldError> for_form(std::vector<FieldError> errors) {
  for (auto& e : errors)
    if (e.field == "data_categories") e.field = "category";
  return errors;
}

Response form_response(Context& ctx, const ServiceForm& f, const std::vector<DataCategory>& categories,
                       const std::vector<FieldError>& errors, const std::string& url, bool is_new) {
  std::string title = is_new ? "Add a service" : "Edit service";
  return Response::html(service_form_page(staff_chrome(ctx, title, "register"), f, categories, for_form(errors), url, is_new),
                        errors.empty() ? 200 : 422);
}

// The five steps of a save: parse, validate, re-render with errors (422), save, redirect.
Response save(Context& ctx, std::optional<ServiceId> id) {
  const School& school = ctx.school();
  auto categories = ctx.store.data_categories(school.id);
  ServiceForm f = form_from(ctx.request);
  std::string url = id ? base_url(ctx) + "/" + std::to_string(id->value) : base_url(ctx);
  std::vector<FieldError> errors;
  Service s = service_from(f, categories, errors);
  if (!errors.empty()) {
    for (auto& e : validate_service(normalise_service(s, categories), categories, today()))
      if (std::none_of(errors.begin(), errors.end(), [&](const FieldError& x) { return x.field == e.field; }))
        errors.push_back(e);
    return form_response(ctx, f, categories, errors, url, !id);
  }
  try {
    if (id) {
      s.id = *id;
      update_service(ctx.store, ctx.actor(), school, s);
    } else {
      s.id = add_service(ctx.store, ctx.actor(), school, s);
    }
  } catch (const Error& e) {
    if (e.status() != 422) throw;
    return form_response(ctx, f, categories, e.fields(), url, !id);
  }
  return Response::redirect(base_url(ctx) + "/" + std::to_string(s.id.value));
}

}  // namespace

Response service_list(Context& ctx) {
  const School& school = ctx.school();
  ServiceFilter filter;
  filter.section = parse_section(ctx.request.query_value("section"));
  filter.status = parse_service_status(ctx.request.query_value("status"));
  filter.category = ctx.request.query_value("category");
  auto services = list_services(ctx.store, school, filter);
  return Response::html(service_list_page(staff_chrome(ctx, "Register", "register"), services, filter,
                                          ctx.store.data_categories(school.id)));
}

Response service_new(Context& ctx) {
  require_register_editor(ctx.actor(), ctx.school().id);
  ServiceForm f;
  f.section = "pupils";
  f.status = "in_use";
  return form_response(ctx, f, ctx.store.data_categories(ctx.school().id), {}, base_url(ctx), true);
}

Response service_create(Context& ctx) { return save(ctx, std::nullopt); }

Response service_show(Context& ctx) {
  Service s = find_service(ctx.store, ctx.school(), route_id(ctx));
  return Response::html(service_show_page(staff_chrome(ctx, s.name, "register"), s));
}

Response service_edit(Context& ctx) {
  require_register_editor(ctx.actor(), ctx.school().id);
  Service s = find_service(ctx.store, ctx.school(), route_id(ctx));
  if (s.status == ServiceStatus::Retired) throw Error::conflict("\"" + s.name + "\" is retired and cannot be changed");
  auto categories = ctx.store.data_categories(ctx.school().id);
  return form_response(ctx, form_from(s, categories), categories, {}, base_url(ctx) + "/" + std::to_string(s.id.value), false);
}

Response service_update(Context& ctx) { return save(ctx, route_id(ctx)); }

Response service_retire(Context& ctx) {
  retire_service(ctx.store, ctx.actor(), ctx.school(), route_id(ctx));
  return Response::redirect(base_url(ctx) + "/" + ctx.request.route.at("id"));
}

Response register_export(Context& ctx) {
  Response r{200, "text/csv; charset=utf-8", {}, export_register_csv(ctx.store, ctx.school())};
  r.header("Content-Disposition", "attachment; filename=\"" + ctx.school().slug + "-register.csv\"");
  return r;
}

}  // namespace steward::web
