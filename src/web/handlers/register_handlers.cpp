#include "app/audit.h"
#include "app/register.h"
#include "app/schools.h"
#include "web/handlers/handlers.h"
#include "web/views/staff_views.h"

namespace steward::web {

Response provider_list(Context& ctx) {
  return Response::html(provider_list_page(staff_chrome(ctx, "Providers", "providers"), ctx.store.providers(ctx.school().id)));
}

namespace {
Response categories_response(Context& ctx, const DataCategory& draft, const std::vector<FieldError>& errors) {
  const School& school = ctx.school();
  return Response::html(category_list_page(staff_chrome(ctx, "Data categories", "categories"),
                                           ctx.store.data_categories(school.id), list_services(ctx.store, school),
                                           draft, errors),
                        errors.empty() ? 200 : 422);
}
}  // namespace

Response category_list(Context& ctx) { return categories_response(ctx, {}, {}); }

Response category_create(Context& ctx) {
  DataCategory c;
  c.name = ctx.request.form_value("name");
  c.description = ctx.request.form_value("description");
  c.subject = parse_data_subject(ctx.request.form_value("subject")).value_or(DataSubject::Pupil);
  c.sensitivity = parse_sensitivity(ctx.request.form_value("sensitivity")).value_or(Sensitivity::Ordinary);
  try {
    add_data_category(ctx.store, ctx.actor(), ctx.school(), c);
  } catch (const Error& e) {
    if (e.status() != 422) throw;
    return categories_response(ctx, c, e.fields());
  }
  return Response::redirect("/schools/" + ctx.school().slug + "/data-categories");
}

Response data_map_show(Context& ctx) {
  const School& school = ctx.school();
  auto services = list_services(ctx.store, school);
  std::erase_if(services, [](const Service& s) { return s.status == ServiceStatus::Retired; });
  return Response::html(data_map_page(staff_chrome(ctx, "Data map", "map"), services, ctx.store.data_categories(school.id)));
}

Response page_text_edit(Context& ctx) {
  return Response::html(page_text_page(staff_chrome(ctx, "Published page text", "page"), ctx.school().page, {}));
}

Response page_text_update(Context& ctx) {
  const auto& r = ctx.request;
  PageText t{r.form_value("introduction"), r.form_value("pupils_intro"), r.form_value("management_intro"),
             r.form_value("other_intro"), r.form_value("legal_requirements")};
  try {
    update_page_text(ctx.store, ctx.actor(), ctx.school(), t);
  } catch (const Error& e) {
    if (e.status() != 422) throw;
    return Response::html(page_text_page(staff_chrome(ctx, "Published page text", "page"), t, e.fields()), 422);
  }
  return Response::redirect("/schools/" + ctx.school().slug + "/cloud-services");
}

Response audit_list(Context& ctx) {
  return Response::html(audit_list_page(staff_chrome(ctx, "Audit trail", "audit"),
                                        ctx.store.audit_entries(ctx.school().id, 200), verify_audit_chain(ctx.store, ctx.school().id)));
}

}  // namespace steward::web
