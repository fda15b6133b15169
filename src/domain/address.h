#pragma once
// A postal address held as one line, the way Pupil and Contact keep it.
#include <span>
#include <string>
#include <string_view>

namespace steward {

// Joins the parts with ", " in the order given, trimming each and skipping blanks and repeats
// (CTF often gives the same place as both Town and PostTown). A part written on several lines
// counts as one part per line.
std::string address_line(std::span<const std::string_view> parts);
// The same into `out`, reusing its buffer (a reader filling one pupil after another).
void address_line_into(std::span<const std::string_view> parts, std::string& out);

}  // namespace steward
