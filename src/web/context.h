#pragma once
// What a handler works with: the store, the request, who is signed in, and the school the
// URL names (looked up once).
#include <cstdint>
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
// Set for a minute by every accepted form post. A browser that has just changed something reads
// its school and published page past the app server's caches, so the page after a save shows it
// even on an app server PostgreSQL's NOTIFY has not reached yet. It grants nothing: forged, it
// only costs its sender a query.
inline constexpr const char* kWroteCookie = "steward_wrote";
inline constexpr int kWroteSeconds = 60;

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
  // The token the app server's caches are checked at: the store's change token, or none for a
  // browser that posted a change within the last minute (kWroteCookie), which reads past them.
  std::optional<std::uint64_t> cache_token() const;
  // Path, HttpOnly, SameSite and, behind TLS, Secure: for every cookie Steward sets.
  std::string cookie_flags() const;

 private:
  std::shared_ptr<const School> school_;
};

}  // namespace steward::web
