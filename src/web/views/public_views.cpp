#include "web/views/public_views.h"

#include "web/views/form_fields.h"
#include "web/views/layout.h"

namespace steward::web {

using namespace html;

std::string home_page(const std::vector<School>& schools) {
  Nodes items;
  for (const auto& s : schools)
    items.push_back(el("li", {el("a", {cls("govuk-link"), href("/schools/" + s.slug + "/cloud-services")},
                                 {s.name + ": cloud based services"})}));
  return page({"Home"}, {el("h1", {cls("govuk-heading-xl")}, {"Steward"}),
                         el("p", {cls("govuk-body-l")},
                            {"The register of cloud services each school uses, the pupil data each receives, and how "
                             "parents can opt out."}),
                         el("h2", {cls("govuk-heading-m")}, {"Schools"}),
                         items.empty() ? el("p", {cls("govuk-body")}, {"No schools yet."})
                                       : el("ul", {cls("govuk-list")}, std::move(items)),
                         el("p", {cls("govuk-body")}, {"School staff: ", el("a", {cls("govuk-link"), href("/login")}, {"sign in"}), "."})});
}

std::string login_page(const std::string& csrf, const std::string& email, const std::string& next, const std::string& error) {
  std::vector<FieldError> errors;
  if (!error.empty()) errors.push_back({"email", error});
  return page({"Sign in"},
              {error_summary(errors), el("h1", {cls("govuk-heading-l")}, {"Sign in"}),
               el("form", {attr("method", "post"), action("/login"), attr("novalidate", "")},
                  {csrf_field(csrf), el("input", {attr("type", "hidden"), attr("name", "next"), attr("value", next)}),
                   text_input({"email", "Email address", email, error, ""}, "email"),
                   text_input({"password", "Password", "", "", ""}, "password"), button("Sign in")})});
}

std::string error_page(int status, const std::string& message) {
  const char* title = status == 404   ? "Page not found"
                      : status == 403 ? "You cannot do that"
                      : status == 405 ? "Method not allowed"
                      : status == 413 ? "The upload is too large"
                      : status == 429 ? "Too many attempts"
                      : status == 503 ? "Sorry, the service is unavailable"
                      : status >= 500 ? "Sorry, there is a problem with the service"
                                      : "There is a problem";
  return page({title}, {el("h1", {cls("govuk-heading-l")}, {title}), el("p", {cls("govuk-body")}, {message}),
                        el("p", {cls("govuk-body")}, {el("a", {cls("govuk-link"), href("/")}, {"Go to the home page"})})});
}

}  // namespace steward::web
