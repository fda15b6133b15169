#pragma once
// One export of pupil data to a service: the disclosure log's line.
#include <cstdint>
#include <string>

#include "domain/ids.h"

namespace steward {

using DisclosureId = Id<struct DisclosureTag>;

struct Disclosure {
  DisclosureId id;
  SchoolId school;
  ServiceId service;
  std::string service_name;  // filled by listings
  std::string at;            // ISO 8601 UTC
  std::string actor;
  std::string format;  // "csv" or "oneroster"
  std::string fields;  // column names, comma separated
  std::int64_t pupil_count = 0;
  std::string sha256;  // of the file as sent
};

}  // namespace steward
