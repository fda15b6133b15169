#include "web/router.h"

#include "app/crypto.h"
#include "domain/text.h"

namespace steward::web {
namespace {

std::vector<std::string> segments(std::string_view path) { return split_list(path, '/'); }

bool all_digits(const std::string& s) {
  return !s.empty() && s.size() < 18 && s.find_first_not_of("0123456789") == std::string::npos;
}

void check_csrf(const Context& ctx) {
  std::string expected = ctx.csrf_token();
  std::string sent = ctx.request.form_value("csrf_token");
  if (expected.empty() || !constant_time_equal(expected, sent))
    throw Error::forbidden(
        "This form could not be accepted because it was not sent from this site or has expired. Go back, reload the "
        "page and try again.");
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  routes_.push_back({std::move(method), segments(pattern), access, std::move(handler)});
}

bool Router::match(const Route& route, const std::vector<std::string>& path, std::map<std::string, std::string>& out) {
  if (route.segments.size() != path.size()) return false;
  std::map<std::string, std::string> params;
  for (size_t i = 0; i < path.size(); ++i) {
    const auto& seg = route.segments[i];
    if (seg.size() > 2 && seg.front() == '{') {
      std::string name = seg.substr(1, seg.size() - 2);
      if (name == "id" && !all_digits(path[i])) return false;
      params[name] = path[i];
    } else if (seg != path[i]) {
      return false;
    }
  }
  out = std::move(params);
  return true;
}

Response Router::dispatch(Context& ctx) const {
  auto path = segments(ctx.request.path);
  std::string allowed;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!match(route, path, params)) continue;
    bool head_as_get = ctx.request.method == "HEAD" && route.method == "GET";
    if (route.method != ctx.request.method && !head_as_get) {
      allowed += (allowed.empty() ? "" : ", ") + route.method;
      continue;
    }
    ctx.request.route = std::move(params);
    if (route.access == Access::Staff && !ctx.signed_in) {
      return Response::redirect("/login?next=" + url_encode(ctx.request.path));
    }
    if (ctx.request.method == "POST") check_csrf(ctx);
    if (route.access == Access::Staff) require_staff_of(ctx.actor(), ctx.school().id);
    return route.handler(ctx);
  }
  if (!allowed.empty()) {
    // The allowed methods ride in the error's field list so the app can send an Allow header.
    throw Error(405, "This address does not accept a " + ctx.request.method + " request", {{"allow", allowed}});
  }
  throw Error::not_found("There is no page at " + ctx.request.path);
}

}  // namespace steward::web
