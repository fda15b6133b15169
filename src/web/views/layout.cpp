#include "web/views/layout.h"

namespace steward::web {

using namespace html;

namespace {

Node nav_item(const Chrome& c, const char* key, const std::string& url, const char* label) {
  bool active = c.active == key;
  return el("li", {cls(active ? "govuk-service-navigation__item govuk-service-navigation__item--active"
                              : "govuk-service-navigation__item")},
            {el("a", {cls("govuk-service-navigation__link"), href(url), {"aria-current", "page", active}}, {label})});
}

Node navigation(const Chrome& c) {
  if (!c.user || !c.school) return none();
  std::string base = "/schools/" + c.school->slug;
  return el("section", {cls("govuk-service-navigation"), attr("aria-label", "Staff menu")},
            {el("div", {cls("govuk-width-container")},
                {el("div", {cls("govuk-service-navigation__container")},
                    {el("nav", {attr("aria-label", "Menu"), cls("govuk-service-navigation__wrapper")},
                        {el("ul", {cls("govuk-service-navigation__list")},
                            {nav_item(c, "register", base + "/services", "Register"),
                             role_can_handle_pupil_data(c.user->role) ? nav_item(c, "pupils", base + "/pupils", "Pupils") : none(),
                             nav_item(c, "providers", base + "/providers", "Providers"),
                             nav_item(c, "categories", base + "/data-categories", "Data categories"),
                             nav_item(c, "map", base + "/data-map", "Data map"),
                             nav_item(c, "page", base + "/page-text", "Published page"),
                             nav_item(c, "audit", base + "/audit", "Audit trail")})})})})});
}

Node sign_out(const Chrome& c) {
  if (!c.user) return el("a", {cls("govuk-header__link"), href("/login")}, {"Sign in"});
  return el("form", {attr("method", "post"), action("/logout"), cls("steward-signout")},
            {el("span", {cls("steward-signout__who")}, {c.user->email}),
             el("input", {attr("type", "hidden"), attr("name", "csrf_token"), attr("value", c.csrf)}),
             el("button", {cls("steward-link-button"), attr("type", "submit")}, {"Sign out"})});
}

Node header(const Chrome& c) {
  return el("header", {cls("govuk-header steward-header")},
            {el("div", {cls("govuk-header__container govuk-width-container steward-header__container")},
                {el("div", {cls("govuk-header__logo")},
                    {el("a", {href("/"), cls("govuk-header__link govuk-header__link--homepage")},
                        {el("span", {cls("steward-logotype")}, {"Steward"})})}),
                 el("div", {cls("steward-header__school")}, {c.school ? Node(c.school->name) : none()}),
                 el("div", {cls("steward-header__account")}, {sign_out(c)})})});
}

Node footer() {
  return el("footer", {cls("govuk-footer")},
            {el("div", {cls("govuk-width-container")},
                {el("div", {cls("govuk-footer__meta")},
                    {el("div", {cls("govuk-footer__meta-item govuk-footer__meta-item--grow")},
                        {el("p", {cls("govuk-body-s")},
                            {"Steward keeps this school's register of cloud services under the UK GDPR and the "
                             "Data Protection Act 2018."})})})})});
}

}  // namespace

std::string page(const Chrome& c, Nodes content) {
  Node doc = el(
      "html", {attr("lang", "en"), cls("govuk-template")},
      {el("head", {el("meta", {attr("charset", "utf-8")}),
                   el("title", {c.title + (c.school ? " – " + c.school->name : std::string()) + " – Steward"}),
                   el("meta", {attr("name", "viewport"), attr("content", "width=device-width, initial-scale=1")}),
                   el("link", {attr("rel", "stylesheet"), href("/assets/steward.css")})}),
       el("body", {cls("govuk-template__body")},
          {el("a", {href("#main-content"), cls("govuk-skip-link")}, {"Skip to main content"}), header(c), navigation(c),
           el("div", {cls("govuk-width-container")},
              {el("main", {cls("govuk-main-wrapper"), attr("id", "main-content")}, std::move(content))}),
           footer()})});
  return document(doc);
}

}  // namespace steward::web
