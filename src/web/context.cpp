#include "web/context.h"

#include "app/schools.h"
#include "web/school_cache.h"

namespace steward::web {

const School& Context::school() {
  if (!school_) {
    const std::string& slug = request.route.at("slug");
    auto token = cache_token();  // before the read, as SchoolCache requires
    school_ = schools.get(slug, token, [&] { return find_school(store, slug); });
  }
  return *school_;
}

Actor Context::actor() const {
  if (signed_in) return Actor::staff(signed_in->user);
  throw Error::unauthorized("Sign in to do that");
}

std::optional<std::uint64_t> Context::cache_token() const {
  if (!request.cookie(kWroteCookie).empty()) return std::nullopt;
  return store.change_token();
}

std::string Context::cookie_flags() const {
  bool https = request.header("x-forwarded-proto") == "https";
  return std::string("; Path=/; HttpOnly; SameSite=Lax") + (https ? "; Secure" : "");
}

std::string Context::csrf_token() const {
  return signed_in ? signed_in->session.csrf_token : request.cookie(kLoginCsrfCookie);
}

}  // namespace steward::web
