#include "web/views/form_fields.h"
#include "web/views/service_fields.h"
#include "web/views/staff_views.h"

#include "domain/text.h"

namespace steward::web {

using namespace html;

Node service_status_tag(ServiceStatus s);

std::string service_show_page(const Chrome& c, const Service& s) {
  std::string url = "/schools/" + c.school->slug + "/services/" + std::to_string(s.id.value);
  Nodes rows{summary_row("Section", Node(std::string(section_title(s.section)))),
             summary_row("Status", service_status_tag(s.status)),
             summary_row(s.providers.size() > 1 ? "Service providers" : "Service provider", Node(join(s.providers, ", "))),
             summary_row("Website", website_link(s.website)),
             summary_row("Purposes", Node(s.purposes.empty() ? "None given" : join(s.purposes, ", "))),
             summary_row(std::string(section_data_label(s.section)),
                         Node(s.data_categories.empty() ? "None" : join(s.data_categories, ", "))),
             summary_row("Description of the data", Node(s.description.empty() ? "None" : s.description)),
             summary_row("Controls", Node(s.controls.empty() ? "None" : s.controls)),
             summary_row("Risk assessment date",
                         Node(s.risk_assessment_date ? s.risk_assessment_date->long_form() : "Not yet assessed")),
             summary_row("Parents may opt out", Node(section_allows_opt_out(s.section) ? "Yes, in writing" : "No")),
             summary_row("Notes", Node(s.notes.empty() ? "None" : s.notes)),
             summary_row("Last changed", Node(published_date(s.updated_at)))};
  Node actions = none();
  if (s.status != ServiceStatus::Retired) {
    actions = el("div", {cls("govuk-button-group")},
                 {el("a", {cls("govuk-button"), href(url + "/edit")}, {"Edit"}),
                  el("form", {attr("method", "post"), action(url + "/retire")},
                     {csrf_field(c.csrf), button("Retire this service", "govuk-button govuk-button--warning")})});
  }
  return page(c, {heading(s.name, std::string(section_title(s.section))),
                  el("dl", {cls("govuk-summary-list")}, std::move(rows)), actions,
                  el("p", {cls("govuk-body")},
                     {el("a", {cls("govuk-link"), href("/schools/" + c.school->slug + "/services")}, {"Back to the register"})})});
}

}  // namespace steward::web
