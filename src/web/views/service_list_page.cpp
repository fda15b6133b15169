#include "web/views/form_fields.h"
#include "web/views/service_fields.h"
#include "web/views/staff_views.h"

#include "domain/text.h"

namespace steward::web {

using namespace html;

namespace {

Node filter_form(const Chrome& c, const ServiceFilter& f, const std::vector<DataCategory>& categories) {
  Options sections{{"", "All sections"}}, statuses{{"", "Any status"}}, cats{{"", "Any data"}};
  for (Section s : kSections) sections.emplace_back(section_slug(s), section_title(s));
  for (ServiceStatus s : kServiceStatuses) statuses.emplace_back(service_status_slug(s), service_status_label(s));
  for (const auto& cat : categories) cats.emplace_back(cat.name, cat.name);
  return el("form", {attr("method", "get"), action("/schools/" + c.school->slug + "/services"), cls("steward-filter")},
            {select({"section", "Section", f.section ? std::string(section_slug(*f.section)) : "", "", ""}, sections),
             select({"status", "Status", f.status ? std::string(service_status_slug(*f.status)) : "", "", ""}, statuses),
             select({"category", "Data category", f.category, "", ""}, cats),
             button("Filter", "govuk-button govuk-button--secondary")});
}

Node status_tag(ServiceStatus s) {
  const char* colour = s == ServiceStatus::InUse      ? "govuk-tag--green"
                       : s == ServiceStatus::Retired  ? "govuk-tag--grey"
                       : s == ServiceStatus::Suspended ? "govuk-tag--red"
                                                       : "govuk-tag--yellow";
  return el("strong", {cls(std::string("govuk-tag ") + colour)}, {std::string(service_status_label(s))});
}

Node row(const Chrome& c, const Service& s) {
  std::string url = "/schools/" + c.school->slug + "/services/" + std::to_string(s.id.value);
  auto cell = [](Node n) { return el("td", {cls("govuk-table__cell")}, {std::move(n)}); };
  return el("tr", {cls("govuk-table__row")},
            {el("th", {cls("govuk-table__header"), attr("scope", "row")}, {el("a", {cls("govuk-link"), href(url)}, {s.name})}),
             cell(Node(std::string(section_title(s.section)))), cell(Node(join(s.providers, ", "))),
             cell(Node(data_shared_text(s))), cell(status_tag(s.status)),
             cell(Node(s.risk_assessment_date ? s.risk_assessment_date->long_form() : "Not yet assessed"))});
}

}  // namespace

Node service_status_tag(ServiceStatus s) { return status_tag(s); }

std::string service_list_page(const Chrome& c, const std::vector<Service>& services, const ServiceFilter& filter,
                              const std::vector<DataCategory>& categories) {
  std::string base = "/schools/" + c.school->slug;
  Nodes rows;
  for (const auto& s : services) rows.push_back(row(c, s));
  Node table = services.empty()
                   ? el("p", {cls("govuk-body")}, {"No services match."})
                   : el("table", {cls("govuk-table")},
                        {el("caption", {cls("govuk-table__caption govuk-visually-hidden")}, {"Services in the register"}),
                         el("thead", {cls("govuk-table__head")},
                            {el("tr", {cls("govuk-table__row")},
                                {el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Service"}),
                                 el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Section"}),
                                 el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Providers"}),
                                 el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Data"}),
                                 el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Status"}),
                                 el("th", {cls("govuk-table__header"), attr("scope", "col")}, {"Risk assessed"})})}),
                         el("tbody", {cls("govuk-table__body")}, std::move(rows))});
  return page(c, {heading("Register of cloud services", c.school->name),
                  el("div", {cls("govuk-button-group")},
                     {el("a", {cls("govuk-button"), href(base + "/services/new")}, {"Add a service"}),
                      el("a", {cls("govuk-link"), href(base + "/cloud-services")}, {"View the published page"}),
                      el("a", {cls("govuk-link"), href(base + "/register.csv")}, {"Download as CSV"})}),
                  filter_form(c, filter, categories),
                  el("p", {cls("govuk-body")}, {std::to_string(services.size()) + (services.size() == 1 ? " service" : " services")}),
                  std::move(table)});
}

}  // namespace steward::web
