#pragma once
#include <vector>

namespace steward::sqlite {
// The SQLite schema as an ordered list of migrations; the schema version is how many have run.
const std::vector<const char*>& migrations();
}  // namespace steward::sqlite
