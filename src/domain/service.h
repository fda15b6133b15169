#pragma once
// One use of a product by one school, in one section of its register.
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/error.h"
#include "domain/ids.h"
#include "domain/section.h"
#include "domain/service_status.h"

namespace steward {

struct DataCategory;

struct Service {
  ServiceId id;
  SchoolId school;
  Section section = Section::Pupils;
  std::string name;                        // may name several products: "Mathletics, Spellodrome, Reading Eggs"
  std::vector<std::string> providers;      // provider names, in the order the register gives them
  std::string website;
  std::vector<std::string> purposes;
  std::vector<std::string> data_categories;  // category names: shared (pupils) or potentially shared
  std::string description;                 // free text about the data, e.g. "photos or names"
  std::string controls;
  std::optional<Date> risk_assessment_date;
  ServiceStatus status = ServiceStatus::InUse;
  std::string notes;
  std::string updated_at;  // ISO 8601 UTC
};

// Field errors for a service a person entered. `known` is the school's taxonomy; `today` keeps
// risk assessments out of the future.
std::vector<FieldError> validate_service(const Service&, const std::vector<DataCategory>& known, const Date& today);

// Services in register order: section, then name.
void sort_services(std::vector<Service>&);

}  // namespace steward
