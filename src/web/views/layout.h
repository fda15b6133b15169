#pragma once
// The page frame every view shares: GOV.UK Frontend's template, header, navigation, footer.
#include <optional>
#include <string>

#include "domain/school.h"
#include "domain/user.h"
#include "web/html.h"

namespace steward::web {

struct Chrome {
  std::string title{};
  const School* school = nullptr;  // staff navigation and the header's school name
  const User* user = nullptr;      // signed in: shows navigation and sign out
  std::string csrf{};              // for the sign-out form
  std::string active{};            // which navigation item is current: "register", "providers", ...
};

std::string page(const Chrome&, html::Nodes content);

}  // namespace steward::web
