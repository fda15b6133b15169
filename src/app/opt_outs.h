#pragma once
// Parents' written opt-outs of services for pupils or parents.
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "store/store.h"

namespace steward {

struct NewOptOut {
  PupilId pupil;
  ServiceId service;
  std::string decided_by;
  std::string relationship;
  std::optional<Date> received_on;
  std::optional<OptOutMethod> method;
  std::optional<Evidence> evidence;
  std::string alternative;
};

inline constexpr std::size_t kMaxEvidenceBytes = 5 << 20;

// Throws Error 422 naming each missing or wrong field; 409 when the service is not in the
// pupils-or-parents section (quoting the school's own reason), is retired, the pupil has left,
// or an opt-out is already in force.
OptOut add_opt_out(Store&, const Actor&, const School&, NewOptOut);
// Keeps the record, marking who withdrew it, when and why.
void withdraw_opt_out(Store&, const Actor&, const School&, OptOutId, const std::string& reason);

Pupil find_pupil(Store&, const School&, PupilId);
Pupil find_pupil_by_upn(Store&, const School&, const std::string& upn);

}  // namespace steward
