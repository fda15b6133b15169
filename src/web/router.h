#pragma once
// The route table's machinery: patterns like /schools/{slug}/services/{id}; {id} matches
// digits only. Unknown paths answer 404, known paths with another method 405.
#include <functional>
#include <string>
#include <vector>

#include "web/context.h"

namespace steward::web {

enum class Access { Public, Staff };

using Handler = std::function<Response(Context&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  // Fills ctx.request.route and calls the handler, or answers 404/405. Staff routes need a
  // signed-in member of the school's staff; every POST needs a valid CSRF token.
  Response dispatch(Context& ctx) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Access access;
    Handler handler;
  };
  static bool match(const Route&, const std::vector<std::string>& path, std::map<std::string, std::string>& out);
  std::vector<Route> routes_;
};

}  // namespace steward::web
