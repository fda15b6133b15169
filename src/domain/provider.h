#pragma once
// The company behind a service ("Renaissance Learning"). A provider belongs to one school's
// register; the same company may supply several of its services.
#include <string>

#include "domain/ids.h"

namespace steward {

struct Provider {
  ProviderId id;
  SchoolId school;
  std::string name;
  std::string website;
  std::string data_location;  // where it stores data: "UK", "EEA", "USA", "other", "" when unknown
  std::string ico_registration;
  int service_count = 0;  // filled by listings
};

}  // namespace steward
