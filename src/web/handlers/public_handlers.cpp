#include "app/register.h"
#include "app/schools.h"
#include "io/service_json.h"
#include "web/handlers/handlers.h"
#include "web/published_cache.h"
#include "web/views/public_views.h"
#include "web/views/published_page.h"

namespace steward::web {

std::string_view stylesheet();  // generated from the GOV.UK Frontend and our own CSS

Chrome staff_chrome(Context& ctx, std::string title, std::string active) {
  return {std::move(title), &ctx.school(), ctx.signed_in ? &ctx.signed_in->user : nullptr, ctx.csrf_token(),
          std::move(active)};
}

Response home_show(Context& ctx) { return Response::html(home_page(ctx.store.schools())); }

Response health_show(Context& ctx) {
  ctx.store.schema_version();  // proves the database answers
  return Response::text("ok\n");
}

Response stylesheet_show(Context&) {
  Response r{200, "text/css; charset=utf-8", {}, std::string(stylesheet())};
  r.header("Cache-Control", "public, max-age=86400");
  return r;
}

Response published_page_show(Context& ctx) {
  const std::string& slug = ctx.request.route.at("slug");
  auto revision = [&] {
    auto r = ctx.store.school_revision(slug);
    if (r < 0) throw Error::not_found("There is no school with the slug \"" + slug + "\"");
    return r;
  };
  auto page = ctx.cache.get("page:" + slug, ctx.cache_token(), revision, [&] {
    const School& school = ctx.school();
    return published_page(school, published_services(ctx.store, school));
  });
  Response r;
  r.shared_body = page;
  return r;
}

Response api_services_list(Context& ctx) {
  const School& school = ctx.school();
  return Response::json(services_json(school, published_services(ctx.store, school)));
}

Response api_service_show(Context& ctx) {
  const School& school = ctx.school();
  Service s = find_service(ctx.store, school, {std::stoll(ctx.request.route.at("id"))});
  if (!service_status_published(s.status)) throw Error::not_found("That service is not in the published register");
  return Response::json(service_json(s));
}

}  // namespace steward::web
