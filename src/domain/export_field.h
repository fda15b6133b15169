#pragma once
// What an export to a service may contain: each data category maps to pupil fields. A category
// with no field (photographs, communications, assessment data, ...) is "not exportable": the
// export lists it as such, it is never silently dropped.
#include <string>
#include <string_view>
#include <vector>

#include "domain/pupil.h"

namespace steward {

enum class ExportField {
  Forename,
  Surname,
  Upn,
  DateOfBirth,
  Gender,
  Year,
  RegGroup,
  Sen,
  Fsm,
  PupilPremium,
  ContactNames,
  ContactEmails,
  ContactPhones,
  Address,
};

// The fields a category sends, in column order; empty when the category is not exportable.
std::vector<ExportField> fields_for_category(std::string_view category_name);
std::string_view export_field_column(ExportField);  // CSV column name: "forename", "upn", ...

// What a store must read of each pupil to write these fields.
PupilParts pupil_parts_for(const std::vector<ExportField>&);

struct ExportPlan {
  std::vector<ExportField> fields;            // de-duplicated, in a fixed column order
  std::vector<std::string> not_exportable;    // category names with no pupil field
};
ExportPlan plan_export(const std::vector<std::string>& category_names);

}  // namespace steward
