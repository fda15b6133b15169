#pragma once
// Pages anyone may see: the home page, sign-in, and error pages.
#include <string>
#include <vector>

#include "domain/error.h"
#include "domain/school.h"

namespace steward::web {

std::string home_page(const std::vector<School>&);
std::string login_page(const std::string& csrf, const std::string& email, const std::string& next, const std::string& error);
std::string error_page(int status, const std::string& message);

}  // namespace steward::web
