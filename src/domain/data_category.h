#pragma once
// A kind of personal data a service may receive. The taxonomy starts from the categories the
// seed register names; a school can add its own.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ids.h"

namespace steward {

enum class DataSubject { Pupil, Contact, Staff };
// Sensitive: needs extra care (SEN, FSM). Special: an Art. 9 special category (health, ethnicity).
enum class Sensitivity { Ordinary, Sensitive, Special };

struct DataCategory {
  CategoryId id;
  SchoolId school;
  std::string name;  // as the published page shows it: "full name", "UPN"
  DataSubject subject = DataSubject::Pupil;
  Sensitivity sensitivity = Sensitivity::Ordinary;
  std::string description;
};

std::optional<DataSubject> parse_data_subject(std::string_view);
std::string_view data_subject_slug(DataSubject);
std::string_view data_subject_label(DataSubject);
std::optional<Sensitivity> parse_sensitivity(std::string_view);
std::string_view sensitivity_slug(Sensitivity);
std::string_view sensitivity_label(Sensitivity);

// The categories every new school starts with.
std::vector<DataCategory> standard_data_categories();

// Finds a category by name, ignoring case; the register's wording varies ("Gender", "gender").
const DataCategory* find_category(const std::vector<DataCategory>&, std::string_view name);

// Field errors for a new category; `existing` guards against duplicates.
std::vector<struct FieldError> validate_data_category(const DataCategory&, const std::vector<DataCategory>& existing);

}  // namespace steward
