#pragma once
// The page parents read: the school's register in the three sections of its own document.
#include <string>
#include <vector>

#include "domain/school.h"
#include "domain/service.h"

namespace steward::web {

std::string published_page(const School&, const std::vector<Service>& published);

}  // namespace steward::web
