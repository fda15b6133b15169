#include "web/views/published_page.h"

#include "domain/text.h"
#include "web/views/layout.h"
#include "web/views/service_fields.h"

namespace steward::web {

using namespace html;

namespace {

Nodes paragraphs_of(const std::string& text) {
  Nodes out;
  for (const auto& p : paragraphs(text)) out.push_back(el("p", {cls("govuk-body")}, {p}));
  return out;
}

Node service_entry(const Service& s) {
  std::string id = "service-" + std::to_string(s.id.value);
  Nodes rows;
  rows.push_back(summary_row(s.providers.size() > 1 ? "Service Providers" : "Service Provider", Node(join(s.providers, ", "))));
  rows.push_back(summary_row("Website", website_link(s.website)));
  if (!s.purposes.empty()) rows.push_back(summary_row("Purpose", Node(join(s.purposes, ", "))));
  rows.push_back(summary_row(std::string(section_data_label(s.section)), Node(data_shared_text(s))));
  if (!s.controls.empty()) rows.push_back(summary_row("Controls", Node(s.controls)));
  rows.push_back(summary_row("Risk assessment date",
                             Node(s.risk_assessment_date ? s.risk_assessment_date->month_year() : "Not yet assessed")));
  if (s.status == ServiceStatus::Suspended) rows.push_back(summary_row("Status", Node("Use suspended for now")));
  return el("article", {cls("steward-service"), attr("aria-labelledby", id)},
            {el("h3", {cls("govuk-heading-m"), attr("id", id)}, {s.name}),
             el("dl", {cls("govuk-summary-list steward-service__fields")}, std::move(rows))});
}

Node section_block(const School& school, Section section, const std::vector<Service>& services) {
  std::string slug(section_slug(section));
  Nodes body;
  body.push_back(el("h2", {cls("govuk-heading-l"), attr("id", slug + "-heading")}, {std::string(section_title(section))}));
  for (auto& p : paragraphs_of(school.page.section_intro(section))) body.push_back(std::move(p));
  int count = 0;
  for (const auto& s : services)
    if (s.section == section) {
      body.push_back(service_entry(s));
      ++count;
    }
  if (count == 0) body.push_back(el("p", {cls("govuk-body")}, {"The school uses no services of this kind."}));
  return el("section", {cls("steward-section"), attr("id", slug), attr("aria-labelledby", slug + "-heading")},
            std::move(body));
}

Node contents() {
  Nodes items;
  for (Section s : kSections)
    items.push_back(el("li", {el("a", {cls("govuk-link"), href("#" + std::string(section_slug(s)))},
                                 {std::string(section_title(s))})}));
  items.push_back(el("li", {el("a", {cls("govuk-link"), href("#legal")}, {"Legal Requirements"})}));
  return el("nav", {cls("steward-contents"), attr("aria-label", "Contents")},
            {el("h2", {cls("govuk-heading-s")}, {"Contents"}), el("ol", {cls("govuk-list govuk-list--number")}, std::move(items))});
}

}  // namespace

std::string published_page(const School& school, const std::vector<Service>& services) {
  Nodes content;
  content.push_back(el("span", {cls("govuk-caption-xl")}, {school.name}));
  content.push_back(el("h1", {cls("govuk-heading-xl")}, {"Cloud Based Services"}));
  for (auto& p : paragraphs_of(school.page.introduction)) content.push_back(std::move(p));
  content.push_back(el("p", {cls("govuk-body-s steward-updated")}, {"Last updated: " + published_date(school.updated_at)}));
  content.push_back(contents());
  for (Section s : kSections) content.push_back(section_block(school, s, services));
  Nodes legal;
  legal.push_back(el("h2", {cls("govuk-heading-l"), attr("id", "legal-heading")}, {"Legal Requirements"}));
  for (auto& p : paragraphs_of(school.page.legal_requirements)) legal.push_back(std::move(p));
  content.push_back(el("section", {cls("steward-section"), attr("id", "legal"), attr("aria-labelledby", "legal-heading")},
                       std::move(legal)));
  Chrome chrome{"Cloud Based Services", &school, nullptr, "", ""};
  return page(chrome, std::move(content));
}

}  // namespace steward::web
