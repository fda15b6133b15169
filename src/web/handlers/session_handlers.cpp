#include "app/auth.h"
#include "app/crypto.h"
#include "web/handlers/handlers.h"
#include "web/views/public_views.h"

namespace steward::web {
namespace {

// Only paths on this site, so the sign-in form cannot send anyone elsewhere.
std::string safe_next(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "";
}

}  // namespace

Response login_show(Context& ctx) {
  Response r;
  if (ctx.request.cookie(kLoginCsrfCookie).empty()) {
    std::string token = random_token();
    ctx.request.cookies[kLoginCsrfCookie] = token;
    r.header("Set-Cookie", std::string(kLoginCsrfCookie) + "=" + token + ctx.cookie_flags());
  }
  r.body = login_page(ctx.csrf_token(), "", safe_next(ctx.request.query_value("next")), "");
  return r;
}

Response login_submit(Context& ctx) {
  std::string email = ctx.request.form_value("email");
  std::string next = safe_next(ctx.request.form_value("next"));
  try {
    SignedIn in = login(ctx.store, email, ctx.request.form_value("password"));
    auto school = ctx.store.school(in.user.school);
    std::string target = !next.empty() ? next : school ? "/schools/" + school->slug + "/services" : "/";
    Response r = Response::redirect(target);
    r.header("Set-Cookie", std::string(kSessionCookie) + "=" + in.token + ctx.cookie_flags() + "; Max-Age=" +
                               std::to_string(kSessionSeconds));
    return r;
  } catch (const Error& e) {
    if (e.status() != 401 && e.status() != 429) throw;
    return Response::html(login_page(ctx.csrf_token(), email, next, e.what()), e.status());
  }
}

Response logout_submit(Context& ctx) {
  if (ctx.signed_in) logout(ctx.store, ctx.signed_in->token);
  Response r = Response::redirect("/login");
  r.header("Set-Cookie", std::string(kSessionCookie) + "=" + ctx.cookie_flags() + "; Max-Age=0");
  return r;
}

}  // namespace steward::web
