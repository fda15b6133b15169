#pragma once
// How a service's fields read on a page, shared by the published page and the staff pages.
#include <string>

#include "domain/service.h"
#include "web/html.h"

namespace steward::web {

// "Data shared" / "Potential data shared" value: the categories for pupil services (then the
// description, if any); for the other sections the school's own description when it wrote one.
std::string data_shared_text(const Service&);
html::Node website_link(const std::string& url);
// A GOV.UK summary list row.
html::Node summary_row(const std::string& key, html::Node value);
std::string published_date(const std::string& iso_timestamp);  // "23 November 2026"

}  // namespace steward::web
