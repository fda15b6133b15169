#include "web/web_app.h"

#include <iostream>

#include "web/views/public_views.h"

namespace steward::web {
namespace {

void add_security_headers(Response& r) {
  r.header("X-Content-Type-Options", "nosniff");
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "same-origin");
  r.header("Content-Security-Policy",
           "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
           "base-uri 'none'");
}

bool wants_json(const Request& r) { return r.path.rfind("/api/", 0) == 0; }

}  // namespace

WebApp::WebApp(Store& store) : store_(store), router_(make_routes()) {}

Response WebApp::error_response(const Request& request, const Error& e) {
  // Faults are logged in full; the person sees a plain message without internals.
  std::string message = e.status() >= 500 ? (e.status() == 503 ? "Please try again in a moment."
                                                                : "Something went wrong on our side. It has been logged.")
                                          : e.what();
  if (e.status() >= 500) std::cerr << "error: " << request.method << " " << request.path << ": " << e.what() << std::endl;
  if (wants_json(request)) {
    std::string escaped;
    for (char c : message) escaped += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return Response::json("{\"error\":\"" + escaped + "\"}", e.status());
  }
  return Response::html(error_page(e.status(), message), e.status());
}

Response WebApp::handle(Request& request) {
  Response response;
  try {
    Context ctx(store_, request, cache_, schools_);
    if (auto token = request.cookie(kSessionCookie); !token.empty()) ctx.signed_in = authenticate(store_, token);
    response = router_.dispatch(ctx);
    if (request.method == "POST" && response.status < 400)
      response.header("Set-Cookie", std::string(kWroteCookie) + "=1" + ctx.cookie_flags() +
                                        "; Max-Age=" + std::to_string(kWroteSeconds));
  } catch (const Error& e) {
    response = error_response(request, e);
    if (e.status() == 405) response.header("Allow", e.fields().empty() ? "GET" : e.fields().front().message);
  } catch (const std::exception& e) {
    response = error_response(request, Error::internal(e.what()));
  }
  add_security_headers(response);
  if (request.method == "HEAD") {
    response.head_length = response.content().size();
    response.body.clear();
    response.shared_body.reset();
  }
  return response;
}

}  // namespace steward::web
