// The pupils' pages: the roll, a pupil's record, imports.
#include <algorithm>

#include "domain/text.h"
#include "web/views/form_fields.h"
#include "web/views/pupil_views.h"
#include "web/views/service_fields.h"
#include "web/views/table.h"

namespace steward::web {

using namespace html;

namespace {

Node row(Nodes cells) { return table_row(std::move(cells)); }
Node table(Nodes headers, Nodes rows, const std::string& caption) {
  return data_table(caption, std::move(headers), std::move(rows));
}

std::string base(const Chrome& c) { return "/schools/" + c.school->slug; }
std::string pupil_url(const Chrome& c, const Pupil& p) { return base(c) + "/pupils/" + std::to_string(p.id.value); }
std::string name_of(const Pupil& p) { return p.forename() + " " + p.surname(); }
std::string yes_no(bool b) { return b ? "Yes" : "No"; }

std::string sen_label(const std::string& code) {
  if (code == "K") return "SEN support";
  if (code == "E") return "Education, health and care plan";
  if (code == "N" || code.empty()) return "None";
  return code;
}

std::string gender_label(const std::string& code) {
  if (code == "M") return "Male";
  if (code == "F") return "Female";
  if (code == "X") return "Other";
  return "Not recorded";
}

Node contact_rows(const Pupil& p) {
  if (p.contacts.empty()) return el("p", {cls("govuk-body")}, {"No contacts recorded."});
  Nodes rows;
  for (const auto& c : p.contacts)
    rows.push_back(row({td(Node(join({c.title, c.forename, c.surname}, " "))), td(Node(c.relationship)),
                        td(Node(yes_no(c.parental_responsibility))), td(Node(c.email)), td(Node(join(c.phones, ", "))),
                        td(Node(c.address.empty() ? "As pupil" : c.address))}));
  return table({th("Name"), th("Relationship"), th("Parental responsibility"), th("Email"), th("Telephone"), th("Address")},
               std::move(rows), "Contacts");
}

}  // namespace

Node service_status_tag(ServiceStatus s);

std::string pupil_list_page(const Chrome& c, const std::vector<Pupil>& pupils, const std::string& query, std::size_t on_roll) {
  Nodes rows;
  for (const auto& p : pupils)
    rows.push_back(row({el("th", {cls("govuk-table__header"), attr("scope", "row")},
                           {el("a", {cls("govuk-link"), href(pupil_url(c, p))}, {name_of(p)})}),
                        td(Node(p.upn)), td(Node(p.year)), td(Node(p.reg_group)),
                        td(Node(p.on_roll() ? "On roll" : "Left " + p.leaving_date->long_form()))}));
  Node search = el("form", {attr("method", "get"), action(base(c) + "/pupils"), attr("role", "search")},
                   {text_input({"q", "Search by name or UPN", query, "", ""}, "search", "govuk-input--width-20"),
                    button("Search", "govuk-button govuk-button--secondary")});
  Node results = pupils.empty() ? el("p", {cls("govuk-body")}, {query.empty() ? "No pupils yet: import them from the MIS." : "No pupils match."})
                                : table({th("Name"), th("UPN"), th("Year"), th("Class"), th("Status")}, std::move(rows),
                                        query.empty() ? "Pupils on roll" : "Pupils matching \"" + query + "\"");
  return page(c, {el("span", {cls("govuk-caption-l")}, {c.school->name}), el("h1", {cls("govuk-heading-l")}, {"Pupils"}),
                  el("p", {cls("govuk-body")}, {std::to_string(on_roll) + " pupils on roll."}),
                  el("div", {cls("govuk-button-group")},
                     {el("a", {cls("govuk-button"), href(base(c) + "/pupils/import")}, {"Import pupils"}),
                      el("a", {cls("govuk-button govuk-button--secondary"), href(base(c) + "/opt-out-grid")},
                         {"Record returned opt-out forms"})}),
                  search, results});
}

Node pupil_import_outcome(const std::optional<PupilImportReport>& report, const std::vector<FieldError>& errors) {
  Nodes content;
  if (!errors.empty()) {
    Nodes items;
    for (const auto& e : errors) items.push_back(el("li", {e.field + ": " + e.message}));
    content.push_back(el("div", {cls("govuk-error-summary"), attr("role", "alert")},
                         {el("h2", {cls("govuk-error-summary__title")},
                             {"Nothing was imported: " + std::to_string(errors.size()) +
                              (errors.size() == 1 ? " problem" : " problems") + " in the file"}),
                          el("div", {cls("govuk-error-summary__body")},
                             {el("p", {cls("govuk-body")}, {"Put these right in the MIS, export the file again and upload it."}),
                              el("ul", {cls("govuk-list govuk-error-summary__list")}, std::move(items))})}));
  }
  if (report) {
    const bool dry = report->dry_run;
    Nodes lines;
    auto list = [&](const char* title, const NameList& names) {
      if (names.empty()) return;
      Nodes items;
      for (std::size_t i = 0; i < names.size(); ++i) items.push_back(el("li", {std::string(names[i])}));
      lines.push_back(el("details", {cls("govuk-details")},
                         {el("summary", {cls("govuk-details__summary")},
                             {el("span", {cls("govuk-details__summary-text")}, {std::string(title) + " (" + std::to_string(names.size()) + ")"})}),
                          el("div", {cls("govuk-details__text")}, {el("ul", {cls("govuk-list")}, std::move(items))})}));
    };
    list(dry ? "Would be added" : "Added", report->added);
    list(dry ? "Would be changed" : "Changed", report->changed);
    list(dry ? "Would be marked as left" : "Marked as left", report->left);
    content.push_back(el("div", {cls("govuk-panel govuk-panel--confirmation steward-panel")},
                         {el("h2", {cls("govuk-panel__title")}, {dry ? "Checked: nothing was changed" : "Pupils imported"}),
                          el("div", {cls("govuk-panel__body")},
                             {std::to_string(report->read) + " pupils read: " + std::to_string(report->added.size()) +
                              (dry ? " to add, " : " added, ") + std::to_string(report->changed.size()) +
                              (dry ? " to change, " : " changed, ") + std::to_string(report->left.size()) +
                              (dry ? " to mark as left, " : " marked as left, ") + std::to_string(report->unchanged) +
                              " unchanged"})}));
    content.push_back(fragment(std::move(lines)));
  }
  return fragment(std::move(content));
}

namespace {

// The heading, the explanation and the upload form: what the import page shows below an outcome.
Nodes pupil_import_form(const Chrome& c) {
  Nodes content;
  content.push_back(el("span", {cls("govuk-caption-l")}, {c.school->name}));
  content.push_back(el("h1", {cls("govuk-heading-l")}, {"Import pupils"}));
  content.push_back(el("p", {cls("govuk-body")},
                       {"Upload a Common Transfer File (CTF 24 or 25, .xml) or a CSV export from the MIS. A file is "
                        "imported whole or not at all. A full file marks pupils it no longer lists as left; they are "
                        "never deleted."}));
  content.push_back(el(
      "form", {attr("method", "post"), action(base(c) + "/pupils/import"), attr("enctype", "multipart/form-data")},
      {csrf_field(c.csrf),
       el("div", {cls("govuk-form-group")},
          {el("label", {cls("govuk-label govuk-label--s"), attr("for", "file")}, {"File from the MIS"}),
           el("input", {cls("govuk-file-upload"), attr("id", "file"), attr("name", "file"), attr("type", "file"),
                        attr("accept", ".xml,.csv")})}),
       el("div", {cls("govuk-checkboxes govuk-checkboxes--small govuk-form-group")},
          {el("div", {cls("govuk-checkboxes__item")},
              {el("input", {cls("govuk-checkboxes__input"), attr("id", "dry_run"), attr("name", "dry_run"),
                            attr("type", "checkbox"), attr("value", "yes"), flag("checked", true)}),
               el("label", {cls("govuk-label govuk-checkboxes__label"), attr("for", "dry_run")},
                  {"Check only: show what would change and change nothing"})})}),
       button("Upload")}));
  return content;
}

}  // namespace

std::string pupil_import_page(const Chrome& c, const std::optional<PupilImportReport>& report,
                              const std::vector<FieldError>& errors) {
  Nodes content{error_summary({}), pupil_import_outcome(report, errors)};
  for (auto& n : pupil_import_form(c)) content.push_back(std::move(n));
  return page(c, std::move(content));
}

StreamedImportPage streamed_import_page(const Chrome& c, const std::string& filename) {
  const std::string lines = "<!--steward-progress-lines-->", outcome = "<!--steward-import-outcome-->";
  Nodes content{el("div", {cls("steward-progress"), attr("role", "status"), attr("aria-live", "polite")},
                   {el("p", {cls("govuk-body")}, {"Reading " + filename + "\u2026"}), Trusted{lines},
                    el("p", {cls("govuk-body")}, {"Finished reading " + filename + "."})}),
                Trusted{outcome}};
  for (auto& n : pupil_import_form(c)) content.push_back(std::move(n));
  std::string whole = page(c, std::move(content));
  auto at_lines = whole.find(lines), at_outcome = whole.find(outcome);
  return {whole.substr(0, at_lines), whole.substr(at_lines + lines.size(), at_outcome - at_lines - lines.size()),
          whole.substr(at_outcome + outcome.size())};
}

std::string import_progress_line(std::size_t pupils_read) {
  return el("p", {cls("govuk-body")}, {std::to_string(pupils_read) + " pupils read so far\u2026"}).render();
}

std::string pupil_show_page(const Chrome& c, const Pupil& p, const std::vector<OptOut>& opt_outs,
                            const std::vector<Service>& services, const std::vector<Disclosure>& disclosures) {
  auto service_name = [&](ServiceId id) {
    for (const auto& s : services)
      if (s.id == id) return s.name;
    return std::string("service ") + std::to_string(id.value);
  };
  Nodes details{summary_row("UPN", Node(p.upn)),
                summary_row("Legal name", Node(p.legal_forename + " " + p.legal_surname)),
                summary_row("Date of birth", Node(p.date_of_birth ? p.date_of_birth->long_form() : "Not recorded")),
                summary_row("Gender", Node(gender_label(p.gender))),
                summary_row("Year and class", Node(p.year + (p.reg_group.empty() ? "" : ", class " + p.reg_group))),
                summary_row("SEN", Node(sen_label(p.sen))),
                summary_row("Free school meals", Node(yes_no(p.fsm))),
                summary_row("Pupil premium", Node(yes_no(p.pupil_premium))),
                summary_row("Address", Node(p.address.empty() ? "Not recorded" : p.address)),
                summary_row("On roll", Node(p.on_roll() ? "Yes" : "Left on " + p.leaving_date->long_form()))};
  Nodes opt_rows;
  for (const auto& o : opt_outs) {
    Node status = o.in_force() ? Node("In force") : Node("Withdrawn " + o.withdrawn_at.substr(0, 10) + " by " + o.withdrawn_by + ": " + o.withdrawn_reason);
    Node actions = none();
    if (o.in_force())
      actions = el("form", {attr("method", "post"), action(base(c) + "/opt-outs/" + std::to_string(o.id.value) + "/withdraw")},
                   {csrf_field(c.csrf),
                    text_input({"reason-" + std::to_string(o.id.value), "Reason for withdrawing", "", "", ""}, "text", "govuk-input--width-20"),
                    button("Withdraw", "govuk-button govuk-button--secondary")});
    Node evidence = o.evidence ? el("a", {cls("govuk-link"), href(base(c) + "/opt-outs/" + std::to_string(o.id.value) + "/evidence")},
                                    {o.evidence->filename})
                               : Node("None");
    opt_rows.push_back(row({td(Node(service_name(o.service))), td(Node(o.decided_by + " (" + o.relationship + ")")),
                            td(Node(o.received_on.long_form() + " by " + std::string(opt_out_method_slug(o.method)))),
                            td(evidence), td(Node(o.alternative.empty() ? "None" : o.alternative)), td(status), td(actions)}));
  }
  Nodes export_rows;
  for (const auto& d : disclosures)
    export_rows.push_back(row({td(Node(d.at)), td(Node(d.service_name)), td(Node(d.format)), td(Node(d.fields)), td(Node(d.actor))}));
  return page(c, {el("span", {cls("govuk-caption-l")}, {"Pupil"}), el("h1", {cls("govuk-heading-l")}, {name_of(p)}),
                  el("div", {cls("govuk-button-group")},
                     {el("a", {cls("govuk-button"), href(pupil_url(c, p) + "/opt-outs/new")}, {"Record an opt-out"}),
                      el("a", {cls("govuk-button govuk-button--secondary"), href(pupil_url(c, p) + "/sharing")},
                         {"What we share (subject access)"})}),
                  el("dl", {cls("govuk-summary-list")}, std::move(details)), contact_rows(p),
                  opt_rows.empty() ? el("p", {cls("govuk-body")}, {"No opt-outs."})
                                   : table({th("Service"), th("Decided by"), th("Received"), th("Evidence"), th("Alternative offered"),
                                            th("Status"), th("")},
                                           std::move(opt_rows), "Opt-outs"),
                  export_rows.empty() ? el("p", {cls("govuk-body")}, {"No export has included this pupil."})
                                      : table({th("When (UTC)"), th("Service"), th("Format"), th("Fields"), th("By")},
                                              std::move(export_rows), "Exports that included this pupil")});
}

}  // namespace steward::web
