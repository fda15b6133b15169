#include "web/views/form_fields.h"
#include "web/views/staff_views.h"

namespace steward::web {

using namespace html;

std::string service_form_page(const Chrome& c, const ServiceForm& f, const std::vector<DataCategory>& categories,
                              const std::vector<FieldError>& errors, const std::string& action_url, bool is_new) {
  auto err = [&](const char* field) { return error_for(errors, field); };
  Options sections, statuses, cats;
  for (Section s : kSections) sections.emplace_back(section_slug(s), section_title(s));
  for (ServiceStatus s : kServiceStatuses)
    if (s != ServiceStatus::Retired) statuses.emplace_back(service_status_slug(s), service_status_label(s));
  for (const auto& cat : categories)
    cats.emplace_back(std::to_string(cat.id.value),
                      cat.name + (cat.sensitivity == Sensitivity::Ordinary ? "" : " (" + std::string(sensitivity_label(cat.sensitivity)) + ")"));
  Node form = el(
      "form", {attr("method", "post"), action(action_url), attr("novalidate", "")},
      {csrf_field(c.csrf),
       text_input({"name", "Name", f.name, err("name"), "As parents know it, for example Accelerated Reader"}),
       radios({"section", "Section", f.section, err("section"),
               "Parents may opt out of services for pupils or parents; the other sections have no opt-out"},
              sections),
       textarea({"providers", "Service providers", f.providers, err("providers"), "One per line"}, 2),
       text_input({"website", "Website", f.website, err("website"), "For example https://www.example.com/privacy"}, "url"),
       textarea({"purposes", "Purposes", f.purposes, err("purposes"), "What the school uses it for, one per line"}, 3),
       checkboxes({"category", "Data shared or potentially shared", "", err("data_categories"),
                   "Select every kind of personal data the service receives or may receive"},
                  cats, f.categories),
       textarea({"description", "Description of the data", f.description, err("description"),
                 "Optional. Shown on the published page in place of the list for management and other services, "
                 "for example: photos or names"},
                2),
       textarea({"controls", "Controls", f.controls, err("controls"),
                 "How data is kept from being exposed. Needed for other online services"},
                3),
       date_input({"risk_assessment_date", "Risk assessment date", "", err("risk_assessment_date"),
                   "Leave blank if not yet assessed. For example, 14 3 2025"},
                  f.day, f.month, f.year),
       select({"status", "Status", f.status, err("status"), ""}, statuses),
       textarea({"notes", "Notes for staff", f.notes, err("notes"), "Not published"}, 3),
       button("Save service")});
  return page(c, {error_summary(errors), heading(is_new ? "Add a service" : "Edit " + f.name, c.school->name), form});
}

}  // namespace steward::web
