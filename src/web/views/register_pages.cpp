// The register's supporting pages: providers, data categories, the data map, page text, audit.
#include <algorithm>

#include "domain/text.h"
#include "web/views/form_fields.h"
#include "web/views/service_fields.h"
#include "web/views/staff_views.h"
#include "web/views/table.h"

namespace steward::web {

using namespace html;

namespace {

Node table(const std::string& caption, Nodes headers, Nodes rows) {
  return data_table(caption, std::move(headers), std::move(rows));
}

Node sensitivity_tag(Sensitivity s) {
  if (s == Sensitivity::Ordinary) return none();
  return el("strong", {cls(s == Sensitivity::Special ? "govuk-tag govuk-tag--red" : "govuk-tag govuk-tag--orange")},
            {s == Sensitivity::Special ? "Special category" : "Sensitive"});
}

bool uses(const Service& s, const DataCategory& c) {
  return std::any_of(s.data_categories.begin(), s.data_categories.end(),
                     [&](const std::string& n) { return iequals(n, c.name); });
}


}  // namespace

std::string provider_list_page(const Chrome& c, const std::vector<Provider>& providers) {
  Nodes rows;
  for (const auto& p : providers)
    rows.push_back(el("tr", {cls("govuk-table__row")},
                      {td(Node(p.name)), td(website_link(p.website)), td(Node(p.data_location.empty() ? "Not recorded" : p.data_location)),
                       td(Node(p.ico_registration.empty() ? "Not recorded" : p.ico_registration)),
                       td(Node(std::to_string(p.service_count)))}));
  return page(c, {heading("Providers", c.school->name),
                  el("p", {cls("govuk-body")},
                     {"The companies and organisations behind the services in the register. A provider is added when a "
                      "service names it."}),
                  table(std::to_string(providers.size()) + " providers",
                        {th("Provider"), th("Website"), th("Where data is stored"), th("ICO registration"), th("Services in use")},
                        std::move(rows))});
}

std::string category_list_page(const Chrome& c, const std::vector<DataCategory>& categories,
                               const std::vector<Service>& services, const DataCategory& draft,
                               const std::vector<FieldError>& errors) {
  Nodes rows;
  for (const auto& cat : categories) {
    auto count = std::count_if(services.begin(), services.end(), [&](const Service& s) { return uses(s, cat); });
    rows.push_back(el("tr", {cls("govuk-table__row")},
                      {td(Node(cat.name)), td(Node(std::string(data_subject_label(cat.subject)))),
                       td(fragment({Node(std::string(sensitivity_label(cat.sensitivity))), Node(" "), sensitivity_tag(cat.sensitivity)})),
                       td(Node(cat.description)), td(Node(std::to_string(count)))}));
  }
  Options subjects, levels;
  for (auto s : {DataSubject::Pupil, DataSubject::Contact, DataSubject::Staff})
    subjects.emplace_back(data_subject_slug(s), data_subject_label(s));
  for (auto s : {Sensitivity::Ordinary, Sensitivity::Sensitive, Sensitivity::Special})
    levels.emplace_back(sensitivity_slug(s), sensitivity_label(s));
  Node form = el("form", {attr("method", "post"), action("/schools/" + c.school->slug + "/data-categories")},
                 {csrf_field(c.csrf), el("h2", {cls("govuk-heading-m")}, {"Add a data category"}),
                  text_input({"name", "Name", draft.name, error_for(errors, "name"), "As the published page should show it"}),
                  radios({"subject", "Whose data", std::string(data_subject_slug(draft.subject)), "", ""}, subjects),
                  radios({"sensitivity", "Sensitivity", std::string(sensitivity_slug(draft.sensitivity)), "", ""}, levels),
                  textarea({"description", "Description", draft.description, error_for(errors, "description"), ""}, 2),
                  button("Add data category")});
  return page(c, {error_summary(errors), heading("Data categories", c.school->name),
                  table(std::to_string(categories.size()) + " categories",
                        {th("Category"), th("Whose data"), th("Sensitivity"), th("Description"), th("Services")}, std::move(rows)),
                  form});
}

std::string data_map_page(const Chrome& c, const std::vector<Service>& services, const std::vector<DataCategory>& all) {
  std::vector<const DataCategory*> used;
  for (const auto& cat : all)
    if (std::any_of(services.begin(), services.end(), [&](const Service& s) { return uses(s, cat); })) used.push_back(&cat);
  Nodes headers{th("Service")};
  for (const auto* cat : used)
    headers.push_back(el("th", {cls(cat->sensitivity == Sensitivity::Ordinary ? "govuk-table__header steward-map__col"
                                                                             : "govuk-table__header steward-map__col steward-map__col--sensitive"),
                                attr("scope", "col")},
                         {cat->name, cat->sensitivity == Sensitivity::Ordinary ? none() : Node(" (sensitive)")}));
  Nodes rows;
  for (const auto& s : services) {
    Nodes cells{el("th", {cls("govuk-table__header"), attr("scope", "row")},
                   {el("a", {cls("govuk-link"), href("/schools/" + c.school->slug + "/services/" + std::to_string(s.id.value))}, {s.name}),
                    el("span", {cls("govuk-caption-s")}, {std::string(section_title(s.section))})})};
    for (const auto* cat : used) {
      bool on = uses(s, *cat);
      std::string mark = !on ? "" : s.section == Section::Pupils ? "Shared" : "May be shared";
      cells.push_back(el("td", {cls(on ? "govuk-table__cell steward-map__cell--on" : "govuk-table__cell")},
                         {on ? Node(mark) : el("span", {cls("govuk-visually-hidden")}, {"Not shared"})}));
    }
    rows.push_back(el("tr", {cls("govuk-table__row")}, std::move(cells)));
  }
  return page(c, {heading("Data map", c.school->name),
                  el("p", {cls("govuk-body")},
                     {"Which services receive which kinds of personal data. Sensitive and special category data are "
                      "marked. Retired services are not shown."}),
                  el("div", {cls("steward-scroll")},
                     {table("Services and the data they receive", std::move(headers), std::move(rows))})});
}

std::string page_text_page(const Chrome& c, const PageText& t, const std::vector<FieldError>& errors) {
  std::string err = error_for(errors, "page");
  Node form = el("form", {attr("method", "post"), action("/schools/" + c.school->slug + "/page-text")},
                 {csrf_field(c.csrf),
                  textarea({"introduction", "Introduction", t.introduction, err, "Separate paragraphs with a blank line"}, 8),
                  textarea({"pupils_intro", std::string(section_title(Section::Pupils)), t.pupils_intro, "", ""}, 6),
                  textarea({"management_intro", std::string(section_title(Section::Management)), t.management_intro, "", ""}, 6),
                  textarea({"other_intro", std::string(section_title(Section::Other)), t.other_intro, "", ""}, 6),
                  textarea({"legal_requirements", "Legal Requirements", t.legal_requirements, "", ""}, 4),
                  button("Save page text")});
  return page(c, {error_summary(errors), heading("Published page text", c.school->name),
                  el("p", {cls("govuk-body")},
                     {"The introductions parents read on the ",
                      el("a", {cls("govuk-link"), href("/schools/" + c.school->slug + "/cloud-services")}, {"published page"}),
                      "."}),
                  form});
}

std::string audit_list_page(const Chrome& c, const std::vector<AuditEntry>& entries, std::optional<std::int64_t> broken_at) {
  Node status = broken_at
                    ? el("div", {cls("govuk-warning-text")},
                         {el("strong", {cls("govuk-warning-text__text")},
                             {"The audit trail has been altered: entry " + std::to_string(*broken_at) + " does not match its hash."})})
                    : el("p", {cls("govuk-body")}, {"The audit trail's hash chain is intact."});
  Nodes rows;
  for (const auto& e : entries)
    rows.push_back(el("tr", {cls("govuk-table__row")},
                      {td(Node(e.at)), td(Node(e.actor)), td(Node(e.action)), td(Node(e.entity + " " + e.entity_id))}));
  return page(c, {heading("Audit trail", c.school->name), status,
                  table("Latest changes", {th("When (UTC)"), th("Who"), th("What"), th("Record")}, std::move(rows))});
}

}  // namespace steward::web
