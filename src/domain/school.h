#pragma once
// A school (the data controller) and the wording of its published page.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/ids.h"
#include "domain/section.h"

namespace steward {

// The editable prose of the published page; paragraphs are separated by blank lines.
struct PageText {
  std::string introduction;
  std::string pupils_intro;
  std::string management_intro;
  std::string other_intro;
  std::string legal_requirements;

  const std::string& section_intro(Section) const;
  // The wording of seed 000, brought up to the law now in force.
  static PageText standard();
};

struct School {
  SchoolId id;
  std::string slug;  // in URLs: /schools/crook-primary/...
  std::string name;
  std::string urn;  // DfE unique reference number, may be empty
  std::string local_authority;
  std::string dpo_contact;
  PageText page;
  std::string updated_at;   // ISO 8601 UTC: when the register last changed
  std::int64_t revision = 0;  // bumped by every change to what the published page shows
};

std::vector<FieldError> validate_school(const School&);

}  // namespace steward
