#pragma once
// A set of row ids written as ascending ranges, "3-7,9,12-40". The disclosure log keeps the pupils
// each export included this way: one short text per export instead of a row per pupil, since the
// pupils of one roll mostly have consecutive ids and an export leaves out only a few.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace steward {

// Any order, duplicates allowed; ids must be positive.
std::string encode_id_ranges(std::vector<std::int64_t> ids);

// Ascending, without duplicates. Throws Error (500: the text is ours, not the user's) when malformed.
std::vector<std::int64_t> decode_id_ranges(std::string_view);

// Whether `id` is in the set, without expanding it.
bool id_ranges_contain(std::string_view, std::int64_t id);

}  // namespace steward
