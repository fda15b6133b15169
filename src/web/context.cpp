#include "web/context.h"

#include "app/schools.h"

namespace steward::web {

const School& Context::school() {
  if (!school_) school_ = find_school(store, request.route.at("slug"));
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
