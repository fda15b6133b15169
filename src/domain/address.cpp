#include "domain/address.h"

#include <algorithm>

#include "domain/text.h"

namespace steward {
namespace {

void keep(std::vector<std::string>& kept, std::string_view part) {
  part = trim(part);
  if (part.empty()) return;
  bool repeat = std::any_of(kept.begin(), kept.end(), [&](const std::string& k) { return iequals(k, part); });
  if (!repeat) kept.emplace_back(part);
}

}  // namespace

std::string address_line(const std::vector<std::string>& parts) {
  std::vector<std::string> kept;
  // A spreadsheet cell may hold a whole address on several lines; each line is a part.
  for (const auto& part : parts)
    for (const auto& line : split_list(part, '\n')) keep(kept, line);
  return join(kept, ", ");
}

}  // namespace steward
