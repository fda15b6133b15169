#include "web/context.h"

#include "app/schools.h"
#include "web/school_cache.h"

namespace steward::web {

const School& Context::school() {
  if (!school_) {
    const std::string& slug = request.route.at("slug");
    // Staff read the school fresh: PostgreSQL's NOTIFY reaches the other app servers a moment
    // after commit, and a save's redirect may land on one of them before it does. Their
    // request reads its session from the database anyway; this is one more primary-key read.
    if (signed_in) {
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

std::string Context::csrf_token() const {
  return signed_in ? signed_in->session.csrf_token : request.cookie(kLoginCsrfCookie);
}

}  // namespace steward::web
