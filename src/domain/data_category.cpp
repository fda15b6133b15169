#include "domain/data_category.h"

#include "domain/error.h"
#include "domain/text.h"

namespace steward {

std::optional<DataSubject> parse_data_subject(std::string_view s) {
  for (auto v : {DataSubject::Pupil, DataSubject::Contact, DataSubject::Staff})
    if (data_subject_slug(v) == s) return v;
  return std::nullopt;
}

std::string_view data_subject_slug(DataSubject s) {
  switch (s) {
    case DataSubject::Pupil: return "pupil";
    case DataSubject::Contact: return "contact";
    case DataSubject::Staff: return "staff";
  }
  return "pupil";
}

std::string_view data_subject_label(DataSubject s) {
  switch (s) {
    case DataSubject::Pupil: return "Pupil";
    case DataSubject::Contact: return "Parent or contact";
    case DataSubject::Staff: return "Staff";
  }
  return "";
}

std::optional<Sensitivity> parse_sensitivity(std::string_view s) {
  for (auto v : {Sensitivity::Ordinary, Sensitivity::Sensitive, Sensitivity::Special})
    if (sensitivity_slug(v) == s) return v;
  return std::nullopt;
}

std::string_view sensitivity_slug(Sensitivity s) {
  switch (s) {
    case Sensitivity::Ordinary: return "ordinary";
    case Sensitivity::Sensitive: return "sensitive";
    case Sensitivity::Special: return "special";
  }
  return "ordinary";
}

std::string_view sensitivity_label(Sensitivity s) {
  switch (s) {
    case Sensitivity::Ordinary: return "Ordinary";
    case Sensitivity::Sensitive: return "Sensitive";
    case Sensitivity::Special: return "Special category (Art. 9)";
  }
  return "";
}

std::vector<DataCategory> standard_data_categories() {
  using S = Sensitivity;
  using P = DataSubject;
  auto c = [](const char* name, P subject, S sensitivity, const char* description) {
    return DataCategory{{}, {}, name, subject, sensitivity, description};
  };
  return {
      c("full name", P::Pupil, S::Ordinary, "The pupil's forename and surname."),
      c("UPN", P::Pupil, S::Ordinary, "The Unique Pupil Number issued by the DfE."),
      c("date of birth", P::Pupil, S::Ordinary, "The pupil's date of birth."),
      c("gender", P::Pupil, S::Ordinary, "The pupil's gender or sex as recorded by the school."),
      c("class", P::Pupil, S::Ordinary, "Year group and registration class."),
      c("SEN", P::Pupil, S::Sensitive, "Special educational needs status and provision."),
      c("pupil premium", P::Pupil, S::Sensitive, "Whether the pupil attracts pupil premium funding."),
      c("FSM", P::Pupil, S::Sensitive, "Free school meals eligibility."),
      c("photographs", P::Pupil, S::Ordinary, "Photographs or video of pupils."),
      c("assessment data", P::Pupil, S::Ordinary, "Marks, levels, reading ages and other assessment results."),
      c("communications", P::Contact, S::Ordinary, "Messages between the school, pupils and parents."),
      c("address", P::Contact, S::Ordinary, "Home address."),
      c("telephone numbers", P::Contact, S::Ordinary, "Parents' or contacts' telephone numbers."),
      c("email addresses", P::Contact, S::Ordinary, "Parents' or contacts' email addresses."),
      c("parent/contact names", P::Contact, S::Ordinary, "Names of parents, carers and emergency contacts."),
      c("attendance data", P::Pupil, S::Ordinary, "Attendance marks and absence reasons."),
      c("notes", P::Pupil, S::Ordinary, "Notes kept by staff, synchronised to a device or service."),
      c("all student information", P::Pupil, S::Special,
        "Everything the school holds about pupils, which can include health and ethnicity."),
  };
}

const DataCategory* find_category(const std::vector<DataCategory>& all, std::string_view name) {
  for (const auto& c : all)
    if (iequals(c.name, name)) return &c;
  return nullptr;
}

std::vector<FieldError> validate_data_category(const DataCategory& c, const std::vector<DataCategory>& existing) {
  std::vector<FieldError> errors;
  if (trim(c.name).empty())
    errors.push_back({"name", "Enter the name of the data category"});
  else if (c.name.size() > 100)
    errors.push_back({"name", "Name must be 100 characters or fewer"});
  else if (find_category(existing, trim(c.name)))
    errors.push_back({"name", "There is already a data category called \"" + std::string(trim(c.name)) + "\""});
  if (c.description.size() > 1000) errors.push_back({"description", "Description must be 1000 characters or fewer"});
  return errors;
}

}  // namespace steward
