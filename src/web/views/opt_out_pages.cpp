// Opt-out forms, the class grid for returned forms, subject access and the disclosure log.
#include <algorithm>

#include "domain/text.h"
#include "web/http.h"
#include "web/views/form_fields.h"
#include "web/views/pupil_views.h"
#include "web/views/service_fields.h"
#include "web/views/table.h"

namespace steward::web {

using namespace html;

namespace {

Node row(Nodes cells) { return table_row(std::move(cells)); }
std::string base(const Chrome& c) { return "/schools/" + c.school->slug; }
std::string name_of(const Pupil& p) { return p.forename() + " " + p.surname(); }


Options method_options() {
  return {{"letter", "Letter"}, {"email", "Email"}, {"form", "Form"}};
}

}  // namespace

std::string opt_out_form_page(const Chrome& c, const Pupil& p, const std::vector<Service>& choices, const OptOutForm& f,
                              const std::vector<FieldError>& errors) {
  Options services;
  for (const auto& s : choices) services.emplace_back(std::to_string(s.id.value), s.name);
  std::string url = base(c) + "/pupils/" + std::to_string(p.id.value) + "/opt-outs";
  Node form = el(
      "form", {attr("method", "post"), action(url), attr("enctype", "multipart/form-data"), attr("novalidate", "")},
      {csrf_field(c.csrf),
       radios({"service", "Service", f.service, error_for(errors, "service"),
               "Only services for pupils or parents take opt-outs"},
              services),
       text_input({"decided_by", "Parent's name", f.decided_by, error_for(errors, "decided_by"), ""}),
       text_input({"relationship", "Relationship to the pupil", f.relationship, error_for(errors, "relationship"),
                   "For example, mother, father, carer"}),
       date_input({"received_on", "Date the school received it", "", error_for(errors, "received_on"), "For example, 3 10 2026"},
                  f.day, f.month, f.year),
       radios({"method", "How it was received", f.method, error_for(errors, "method"), ""}, method_options()),
       el("div", {cls(error_for(errors, "evidence").empty() ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
                  attr("id", "evidence")},
          {el("label", {cls("govuk-label govuk-label--s"), attr("for", "evidence-file")}, {"Evidence (optional)"}),
           el("div", {cls("govuk-hint")}, {"A scan or photo of the letter or form, or the email saved as a file. 5 MB at most."}),
           error_for(errors, "evidence").empty() ? none()
                                                 : el("p", {cls("govuk-error-message")}, {error_for(errors, "evidence")}),
           el("input", {cls("govuk-file-upload"), attr("id", "evidence-file"), attr("name", "evidence"), attr("type", "file")})}),
       textarea({"alternative", "Alternative offered", f.alternative, error_for(errors, "alternative"),
                 "What the school will provide instead, if anything"},
                3),
       button("Record opt-out")});
  return page(c, {error_summary(errors), el("span", {cls("govuk-caption-l")}, {name_of(p) + ", " + p.upn}),
                  el("h1", {cls("govuk-heading-l")}, {"Record an opt-out"}), form});
}

std::string opt_out_grid_page(const Chrome& c, const std::vector<Pupil>& pupils, const std::vector<Service>& services,
                              const std::vector<OptOut>& opt_outs, const std::vector<std::string>& classes,
                              const std::string& selected, const std::vector<FieldError>& errors, const std::string& notice) {
  Options class_options{{"", "Choose a class"}};
  for (const auto& k : classes) class_options.emplace_back(k, "Class " + k);
  Node chooser = el("form", {attr("method", "get"), action(base(c) + "/opt-out-grid"), cls("steward-filter")},
                    {select({"class", "Class", selected, "", ""}, class_options), button("Show", "govuk-button govuk-button--secondary")});
  Nodes content{error_summary(errors)};
  if (!notice.empty())
    content.push_back(el("div", {cls("govuk-notification-banner govuk-notification-banner--success"), attr("role", "alert")},
                         {el("div", {cls("govuk-notification-banner__content")},
                             {el("p", {cls("govuk-notification-banner__heading")}, {notice})})}));
  content.push_back(el("span", {cls("govuk-caption-l")}, {c.school->name}));
  content.push_back(el("h1", {cls("govuk-heading-l")}, {"Record returned opt-out forms"}));
  content.push_back(el("p", {cls("govuk-body")},
                       {"For each returned form, tick the services the parent opts out of and enter their name. Opt-outs "
                        "already in force are shown ticked and cannot be changed here."}));
  content.push_back(chooser);
  if (!selected.empty()) {
    Nodes head{th("Pupil"), th("Parent's name"), th("Relationship")};
    for (const auto& s : services) head.push_back(th(s.name));
    Nodes rows;
    for (const auto& p : pupils) {
      std::string id = std::to_string(p.id.value);
      Nodes cells{el("th", {cls("govuk-table__header"), attr("scope", "row")}, {name_of(p)}),
                  td(el("input", {cls("govuk-input"), attr("name", "by-" + id), attr("aria-label", "Parent's name for " + name_of(p)),
                                  attr("type", "text")})),
                  td(el("input", {cls("govuk-input govuk-input--width-10"), attr("name", "rel-" + id),
                                  attr("aria-label", "Relationship to " + name_of(p)), attr("type", "text")}))};
      for (const auto& s : services) {
        bool existing = std::any_of(opt_outs.begin(), opt_outs.end(),
                                    [&](const OptOut& o) { return o.pupil == p.id && o.service == s.id && o.in_force(); });
        cells.push_back(td(el("div", {cls("govuk-checkboxes govuk-checkboxes--small")},
                              {el("div", {cls("govuk-checkboxes__item")},
                                  {el("input", {cls("govuk-checkboxes__input"), attr("id", "o-" + id + "-" + std::to_string(s.id.value)),
                                                attr("name", "opt"), attr("type", "checkbox"),
                                                attr("value", id + ":" + std::to_string(s.id.value)), flag("checked", existing),
                                                flag("disabled", existing)}),
                                   el("label", {cls("govuk-label govuk-checkboxes__label"),
                                                attr("for", "o-" + id + "-" + std::to_string(s.id.value))},
                                      {el("span", {cls("govuk-visually-hidden")}, {name_of(p) + " opts out of " + s.name})})})})));
      }
      rows.push_back(row(std::move(cells)));
    }
    content.push_back(el(
        "form", {attr("method", "post"), action(base(c) + "/opt-out-grid?class=" + url_encode(selected))},
        {csrf_field(c.csrf), el("input", {attr("type", "hidden"), attr("name", "class"), attr("value", selected)}),
         date_input({"received_on", "Date the forms were received", "", error_for(errors, "received_on"), ""}, "", "", ""),
         el("div", {cls("steward-scroll")},
            {el("table", {cls("govuk-table")},
                {el("caption", {cls("govuk-table__caption govuk-table__caption--m")}, {"Class " + selected}),
                 el("thead", {cls("govuk-table__head")}, {row(std::move(head))}),
                 el("tbody", {cls("govuk-table__body")}, std::move(rows))})}),
         button("Record opt-outs")}));
  }
  return page(c, std::move(content));
}

std::string pupil_sharing_page(const Chrome& c, const SubjectAccessReport& r) {
  Nodes rows;
  for (const auto& s : r.shares)
    rows.push_back(row({el("th", {cls("govuk-table__header"), attr("scope", "row")}, {s.service.name}),
                        td(Node(join(s.service.providers, ", "))), td(Node(std::string(section_title(s.service.section)))),
                        td(Node(s.opted_out ? "Nothing: the parent opted out" : (s.fields.empty() ? "None" : join(s.fields, ", ")))),
                        td(Node(s.other_data.empty() ? "None" : join(s.other_data, "; ")))}));
  Nodes opt_rows;
  for (const auto& o : r.opt_outs) {
    std::string service;
    for (const auto& s : r.shares)
      if (s.service.id == o.service) service = s.service.name;
    opt_rows.push_back(row({td(Node(service.empty() ? "service " + std::to_string(o.service.value) : service)),
                            td(Node(o.decided_by + " (" + o.relationship + ")")), td(Node(o.received_on.long_form())),
                            td(Node(o.in_force() ? "In force" : "Withdrawn " + o.withdrawn_at.substr(0, 10)))}));
  }
  Nodes export_rows;
  for (const auto& d : r.disclosures)
    export_rows.push_back(row({td(Node(d.at)), td(Node(d.service_name)), td(Node(d.format)), td(Node(d.fields)),
                               td(el("code", {d.sha256.substr(0, 16)}))}));
  auto table = [](Nodes head, Nodes body, const std::string& caption) {
    return data_table(caption, std::move(head), std::move(body));
  };
  return page(c, {el("span", {cls("govuk-caption-l")}, {c.school->name + ": subject access"}),
                  el("h1", {cls("govuk-heading-l")}, {"What we share about " + name_of(r.pupil)}),
                  el("p", {cls("govuk-body")},
                     {"UPN " + r.pupil.upn + ". Produced " + published_date(r.produced_at) + " (" + r.produced_at +
                      "). A subject access request must be answered within one calendar month of receipt."}),
                  table({th("Service"), th("Providers"), th("Section"), th("Fields sent"), th("Other data it may hold")},
                        std::move(rows), "Services that receive or may receive this pupil's data"),
                  opt_rows.empty() ? el("p", {cls("govuk-body")}, {"No opt-outs."})
                                   : table({th("Service"), th("Decided by"), th("Received"), th("Status")}, std::move(opt_rows),
                                           "Opt-outs"),
                  export_rows.empty() ? el("p", {cls("govuk-body")}, {"No export has included this pupil."})
                                      : table({th("When (UTC)"), th("Service"), th("Format"), th("Fields"), th("SHA-256 (start)")},
                                              std::move(export_rows), "Exports that included this pupil")});
}

std::string disclosure_list_page(const Chrome& c, const Service& s, const std::vector<Disclosure>& disclosures,
                                 const std::vector<OptOut>& opt_outs) {
  Nodes rows;
  for (const auto& d : disclosures)
    rows.push_back(row({td(Node(d.at)), td(Node(d.actor)), td(Node(d.format)), td(Node(d.fields)),
                        td(Node(std::to_string(d.pupil_count))), td(el("code", {d.sha256}))}));
  auto in_force = std::count_if(opt_outs.begin(), opt_outs.end(), [](const OptOut& o) { return o.in_force(); });
  return page(c, {el("span", {cls("govuk-caption-l")}, {s.name}), el("h1", {cls("govuk-heading-l")}, {"Exports and opt-outs"}),
                  el("p", {cls("govuk-body")}, {std::to_string(in_force) + " opt-outs in force for this service."}),
                  rows.empty() ? el("p", {cls("govuk-body")}, {"Nothing has been exported to this service yet."})
                               : el("table", {cls("govuk-table")},
                                    {el("caption", {cls("govuk-table__caption govuk-table__caption--m")}, {"Disclosure log"}),
                                     el("thead", {cls("govuk-table__head")},
                                        {row({th("When (UTC)"), th("By"), th("Format"), th("Fields"), th("Pupils"), th("SHA-256")})}),
                                     el("tbody", {cls("govuk-table__body")}, std::move(rows))}),
                  el("p", {cls("govuk-body")},
                     {el("a", {cls("govuk-link"), href(base(c) + "/services/" + std::to_string(s.id.value))}, {"Back to the service"})})});
}

}  // namespace steward::web
