#include "domain/id_ranges.h"

#include <algorithm>
#include <charconv>

#include "domain/error.h"

namespace steward {
namespace {

struct Range {
  std::int64_t lo = 0, hi = 0;
};

[[noreturn]] void malformed(std::string_view text) {
  throw Error::internal("The disclosure log holds a malformed pupil list: \"" +
                        std::string(text.substr(0, 40)) + (text.size() > 40 ? "..." : "") + "\"");
}

std::int64_t number(std::string_view whole, std::string_view part) {
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
  if (ec != std::errc() || end != part.data() + part.size() || n <= 0) malformed(whole);
  return n;
}

// Calls fn(range) for each comma-separated "lo-hi" or "n".
template <typename Fn>
void for_each_range(std::string_view text, Fn fn) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    std::size_t dash = item.find('-');
    Range r;
    r.lo = number(text, item.substr(0, dash));
    r.hi = dash == std::string_view::npos ? r.lo : number(text, item.substr(dash + 1));
    if (r.hi < r.lo) malformed(text);
    if (fn(r)) return;
    start = comma + 1;
    if (comma + 1 == text.size()) malformed(text);  // a trailing comma
  }
}

void append_range(std::string& out, std::int64_t lo, std::int64_t hi) {
  if (!out.empty()) out += ',';
  out += std::to_string(lo);
  if (hi != lo) out += '-' + std::to_string(hi);
}

}  // namespace

std::string encode_id_ranges(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::string out;
  for (std::size_t i = 0; i < ids.size();) {
    if (ids[i] <= 0) throw Error::internal("A pupil id must be positive, not " + std::to_string(ids[i]));
    std::size_t j = i;
    while (j + 1 < ids.size() && ids[j + 1] == ids[j] + 1) ++j;
    append_range(out, ids[i], ids[j]);
    i = j + 1;
  }
  return out;
}

std::vector<std::int64_t> decode_id_ranges(std::string_view text) {
  std::vector<Range> ranges;
  for_each_range(text, [&](Range r) {
    ranges.push_back(r);
    return false;
  });
  // Ranges written by a database migration may come in any order.
  std::sort(ranges.begin(), ranges.end(), [](Range a, Range b) { return a.lo < b.lo; });
  std::vector<std::int64_t> out;
  for (Range r : ranges)
    for (std::int64_t id = std::max(r.lo, out.empty() ? r.lo : out.back() + 1); id <= r.hi; ++id) out.push_back(id);
  return out;
}

bool id_ranges_contain(std::string_view text, std::int64_t id) {
  bool found = false;
  for_each_range(text, [&](Range r) { return found = (r.lo <= id && id <= r.hi); });
  return found;
}

}  // namespace steward
