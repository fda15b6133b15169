#include "domain/service.h"

#include <algorithm>

#include "domain/data_category.h"
#include "domain/text.h"

namespace steward {
namespace {

void check_length(std::vector<FieldError>& errors, const char* field, const char* label, const std::string& value,
                  size_t max) {
  if (value.size() > max)
    errors.push_back({field, std::string(label) + " must be " + std::to_string(max) + " characters or fewer"});
}

void check_data(std::vector<FieldError>& errors, const Service& s, const std::vector<DataCategory>& known) {
  for (const auto& name : s.data_categories)
    if (!find_category(known, name))
      errors.push_back({"data_categories", "\"" + name + "\" is not a data category of this school"});
  if (s.section == Section::Pupils && s.data_categories.empty())
    errors.push_back({"data_categories", "Select the data shared with this service"});
  if (s.section != Section::Pupils && s.data_categories.empty() && trim(s.description).empty())
    errors.push_back({"data_categories", "Select the data that may be shared, or describe it (\"none\" if none)"});
}

}  // namespace

std::vector<FieldError> validate_service(const Service& s, const std::vector<DataCategory>& known, const Date& today) {
  std::vector<FieldError> errors;
  if (trim(s.name).empty()) errors.push_back({"name", "Enter the name of the service"});
  check_length(errors, "name", "Name", s.name, 200);
  if (s.providers.empty()) errors.push_back({"providers", "Enter at least one service provider"});
  for (const auto& p : s.providers) check_length(errors, "providers", "Each provider's name", p, 200);
  if (!s.website.empty() && !is_web_url(s.website))
    errors.push_back({"website", "Enter a website address starting with http:// or https://"});
  check_length(errors, "website", "Website", s.website, 500);
  if (s.purposes.empty() && s.section != Section::Other)
    errors.push_back({"purposes", "Enter what the school uses the service for"});
  for (const auto& p : s.purposes) check_length(errors, "purposes", "Each purpose", p, 300);
  check_data(errors, s, known);
  check_length(errors, "description", "Description", s.description, 2000);
  if (s.section == Section::Other && trim(s.controls).empty())
    errors.push_back({"controls", "Describe the controls that keep data from being exposed"});
  check_length(errors, "controls", "Controls", s.controls, 2000);
  if (s.risk_assessment_date && today < *s.risk_assessment_date)
    errors.push_back({"risk_assessment_date", "Risk assessment date must be today or in the past"});
  check_length(errors, "notes", "Notes", s.notes, 4000);
  return errors;
}

void sort_services(std::vector<Service>& services) {
  std::stable_sort(services.begin(), services.end(), [](const Service& a, const Service& b) {
    if (a.section != b.section) return a.section < b.section;
    return lower(a.name) < lower(b.name);
  });
}

}  // namespace steward
