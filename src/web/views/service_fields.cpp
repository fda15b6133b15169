#include "web/views/service_fields.h"

#include "domain/text.h"

namespace steward::web {

using namespace html;

std::string data_shared_text(const Service& s) {
  std::string categories = join(s.data_categories, ", ");
  if (s.section == Section::Pupils) {
    if (s.description.empty()) return categories;
    return categories.empty() ? s.description : categories + ". " + s.description;
  }
  return s.description.empty() ? categories : s.description;
}

Node website_link(const std::string& url) {
  if (url.empty()) return Node("None given");
  return el("a", {cls("govuk-link"), href(url)}, {url});
}

Node summary_row(const std::string& key, Node value) {
  return el("div", {cls("govuk-summary-list__row")},
            {el("dt", {cls("govuk-summary-list__key")}, {key}),
             el("dd", {cls("govuk-summary-list__value")}, {std::move(value)})});
}

std::string published_date(const std::string& iso) {
  auto d = Date::parse_iso(iso.substr(0, 10));
  return d ? d->long_form() : iso;
}

}  // namespace steward::web
