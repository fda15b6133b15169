#pragma once
// What a handler works with: the store, the request, who is signed in, and the school the
// URL names (looked up once).
#include <memory>
#include <optional>

#include "app/actor.h"
#include "app/auth.h"
#include "store/store.h"
#include "web/http.h"

namespace steward::web {

class PublishedCache;
class SchoolCache;

inline constexpr const char* kSessionCookie = "steward_session";
inline constexpr const char* kLoginCsrfCookie = "steward_csrf";

struct Context {
  Context(Store& s, Request& r, PublishedCache& c, SchoolCache& sc) : store(s), request(r), cache(c), schools(sc) {}

  Store& store;
  Request& request;
  PublishedCache& cache;
  SchoolCache& schools;
  std::optional<SignedIn> signed_in;

  // The school named by {slug}; throws Error 404 when there is none.
  const School& school();
  Actor actor() const;
  // The token forms must carry: the session's, or before sign-in the login cookie's.
  std::string csrf_token() const;

 private:
  std::shared_ptr<const School> school_;
};

}  // namespace steward::web
