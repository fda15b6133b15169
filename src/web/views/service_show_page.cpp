#include "web/views/form_fields.h"
#include "web/views/service_fields.h"
#include "web/views/staff_views.h"

#include "domain/export_field.h"
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
  Node exports = none();
  if (c.user && role_can_handle_pupil_data(c.user->role) && s.status != ServiceStatus::Retired) {
    ExportPlan plan = plan_export(s.data_categories);
    std::vector<std::string> columns;
    for (auto f : plan.fields) columns.emplace_back(export_field_column(f));
    exports = el(
        "section", {cls("steward-exports"), attr("aria-labelledby", "exports-heading")},
        {el("h2", {cls("govuk-heading-m"), attr("id", "exports-heading")}, {"Export pupil data for this service"}),
         el("p", {cls("govuk-body")},
            {plan.fields.empty() ? "Nothing in the register for this service maps to pupil records, so there is nothing to export."
                                 : "The export holds only " + join(columns, ", ") + ", for pupils on roll who have not opted out."}),
         plan.not_exportable.empty() ? none()
                                     : el("p", {cls("govuk-body")},
                                          {"Not exportable (no pupil field): " + join(plan.not_exportable, ", ") + "."}),
         plan.fields.empty()
             ? none()
             : el("form", {attr("method", "post"), action(url + "/export")},
                  {csrf_field(c.csrf),
                   radios({"format", "Format", "csv", "", ""}, {{"csv", "CSV"}, {"oneroster", "OneRoster 1.1 (zip)"}}),
                   button("Download export", "govuk-button govuk-button--secondary")}),
         el("p", {cls("govuk-body")}, {el("a", {cls("govuk-link"), href(url + "/exports")}, {"Exports made and opt-outs"})})});
  }
  return page(c, {heading(s.name, std::string(section_title(s.section))),
                  el("dl", {cls("govuk-summary-list")}, std::move(rows)), actions, exports,
                  el("p", {cls("govuk-body")},
                     {el("a", {cls("govuk-link"), href("/schools/" + c.school->slug + "/services")}, {"Back to the register"})})});
}

}  // namespace steward::web
