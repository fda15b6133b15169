#pragma once
// The demo school: Crook Primary School's register exactly as it publishes it (seed 000).
#include <string>

#include "store/store.h"

namespace steward {

struct DemoLogin {
  School school;
  std::string email;
  std::string password;  // generated; shown once
};

DemoLogin load_demo(Store&);

}  // namespace steward
