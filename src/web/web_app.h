#pragma once
// The whole web application as one function from a request to a response: authenticates the
// session cookie, dispatches through the route table, and turns errors into pages.
#include "store/store.h"
#include "web/http.h"
#include "web/published_cache.h"
#include "web/router.h"
#include "web/school_cache.h"

namespace steward::web {

Router make_routes();

class WebApp {
 public:
  explicit WebApp(Store& store);
  Response handle(Request& request);

 private:
  Response error_response(const Request&, const Error&);
  Store& store_;
  Router router_;
  PublishedCache cache_;
  SchoolCache schools_;
};

}  // namespace steward::web
