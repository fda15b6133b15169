#pragma once
// A parent's written decision that their child is not to use a service (pupils-or-parents
// section only). Withdrawing one keeps it, with who withdrew it and when.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/ids.h"
#include "domain/pupil.h"

namespace steward {

using OptOutId = Id<struct OptOutTag>;

enum class OptOutMethod { Letter, Email, Form };
std::optional<OptOutMethod> parse_opt_out_method(std::string_view);  // letter | email | form
std::string_view opt_out_method_slug(OptOutMethod);

struct Evidence {
  std::string filename;
  std::string content_type;
  std::string bytes;
};

struct OptOut {
  OptOutId id;
  SchoolId school;
  PupilId pupil;
  ServiceId service;
  std::string decided_by;    // the parent's name
  std::string relationship;  // "Mother", "Carer", ...
  Date received_on;
  OptOutMethod method = OptOutMethod::Letter;
  std::optional<Evidence> evidence;
  std::string alternative;  // what the school offered instead
  std::string recorded_by;
  std::string recorded_at;
  std::string withdrawn_at;  // empty while in force
  std::string withdrawn_by;
  std::string withdrawn_reason;

  bool in_force() const { return withdrawn_at.empty(); }
};

}  // namespace steward
