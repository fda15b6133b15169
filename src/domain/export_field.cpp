#include "domain/export_field.h"

#include <algorithm>

#include "domain/text.h"

namespace steward {

std::vector<ExportField> fields_for_category(std::string_view name) {
  using F = ExportField;
  std::string n = lower(name);
  if (n == "full name") return {F::Forename, F::Surname};
  if (n == "upn") return {F::Upn};
  if (n == "date of birth") return {F::DateOfBirth};
  if (n == "gender") return {F::Gender};
  if (n == "class") return {F::Year, F::RegGroup};
  if (n == "sen") return {F::Sen};
  if (n == "fsm") return {F::Fsm};
  if (n == "pupil premium") return {F::PupilPremium};
  if (n == "parent/contact names") return {F::ContactNames};
  if (n == "email addresses") return {F::ContactEmails};
  if (n == "telephone numbers") return {F::ContactPhones};
  if (n == "address") return {F::Address};
  return {};
}

PupilParts pupil_parts_for(const std::vector<ExportField>& fields) {
  using F = ExportField;
  PupilParts parts = PupilParts::none();
  for (auto f : fields) {
    switch (f) {
      case F::Forename: case F::Surname: parts.names = true; break;
      case F::Upn: break;
      case F::DateOfBirth: parts.date_of_birth = true; break;
      case F::Gender: parts.gender = true; break;
      case F::Year: case F::RegGroup: parts.school_class = true; break;
      case F::Sen: case F::Fsm: case F::PupilPremium: parts.needs = true; break;
      case F::ContactNames: case F::ContactEmails: case F::ContactPhones: parts.contacts = true; break;
      case F::Address: parts.address = true; break;
    }
  }
  return parts;
}

std::string_view export_field_column(ExportField f) {
  switch (f) {
    case ExportField::Forename: return "forename";
    case ExportField::Surname: return "surname";
    case ExportField::Upn: return "upn";
    case ExportField::DateOfBirth: return "date_of_birth";
    case ExportField::Gender: return "gender";
    case ExportField::Year: return "year";
    case ExportField::RegGroup: return "reg_group";
    case ExportField::Sen: return "sen";
    case ExportField::Fsm: return "fsm";
    case ExportField::PupilPremium: return "pupil_premium";
    case ExportField::ContactNames: return "contact_names";
    case ExportField::ContactEmails: return "contact_emails";
    case ExportField::ContactPhones: return "contact_phones";
    case ExportField::Address: return "address";
  }
  return "";
}

ExportPlan plan_export(const std::vector<std::string>& category_names) {
  ExportPlan plan;
  for (const auto& name : category_names) {
    auto fields = fields_for_category(name);
    if (fields.empty()) plan.not_exportable.push_back(name);
    for (auto f : fields)
      if (std::find(plan.fields.begin(), plan.fields.end(), f) == plan.fields.end()) plan.fields.push_back(f);
  }
  std::sort(plan.fields.begin(), plan.fields.end());
  return plan;
}

}  // namespace steward
