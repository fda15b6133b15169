#pragma once
#include <vector>

namespace steward::pg {
// The PostgreSQL schema as an ordered list of migrations; the version is how many have run.
const std::vector<const char*>& migrations();
}  // namespace steward::pg
