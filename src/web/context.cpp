#include "web/context.h"

#include "app/schools.h"
#include "web/school_cache.h"

namespace steward::web {

const School& Context::school() {
  if (!school_) {
    const std::string& slug = request.route.at("slug");
    if (reads_fresh()) {
      school_ = std::make_shared<const School>(find_school(store, slug));
      return *school_;
    }
    auto token = store.change_token();  // before the read, as SchoolCache requires
    school_ = schools.get(slug, token, [&] { return find_school(store, slug); });
  }
  return *school_;
}

Actor Context::actor() const {
  if (signed_in) return Actor::staff(signed_in->user);
  throw Error::unauthorized("Sign in to do that");
}

bool Context::reads_fresh() const { return !request.cookie(kWroteCookie).empty(); }

std::string Context::cookie_flags() const {
  bool https = request.header("x-forwarded-proto") == "https";
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (https ? "; Secure" : "");
}

std::string Context::csrf_token() const {
  return signed_in ? signed_in->session.csrf_token : request.cookie(kLoginCsrfCookie);
}

}  // namespace steward::web
