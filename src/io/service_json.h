#pragma once
// The JSON form of a service, used by the API, `--json` and the audit trail. Field names are
// stable and documented in the README.
#include <string>
#include <vector>

#include "domain/school.h"
#include "domain/service.h"

namespace steward {

std::string service_json(const Service&);
std::string services_json(const School&, const std::vector<Service>&);

}  // namespace steward

namespace steward {
std::string page_text_json(const PageText&);
}  // namespace steward
