#include "domain/address.h"

#include <algorithm>
#include <vector>

#include "domain/text.h"

namespace steward {
namespace {

// Adds `line`, trimmed, unless it is empty or repeats (ignoring case) a line already kept.
void keep(std::vector<std::string_view>& kept, std::string_view line) {
  line = trim(line);
  if (line.empty()) return;
  if (std::none_of(kept.begin(), kept.end(), [&](std::string_view k) { return iequals(k, line); })) kept.push_back(line);
}

}  // namespace

std::string address_line(std::span<const std::string_view> parts) {
  std::string out;
  address_line_into(parts, out);
  return out;
}

void address_line_into(std::span<const std::string_view> parts, std::string& out) {
  std::vector<std::string_view> kept;
  // A spreadsheet cell may hold a whole address on several lines; each line is a part.
  for (std::string_view part : parts) {
    for (std::size_t start = 0; start <= part.size();) {
      std::size_t end = std::min(part.find('\n', start), part.size());
      keep(kept, part.substr(start, end - start));
      start = end + 1;
    }
  }
  out.clear();
  for (auto line : kept) {
    if (!out.empty()) out += ", ";
    out += line;
  }
}

}  // namespace steward
