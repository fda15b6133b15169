#pragma once
// Binary evidence files are kept as base64 text, so both backends store them in a TEXT column
// without binary parameter handling.
#include <string>
#include <string_view>

namespace steward {

std::string to_base64(std::string_view bytes);
std::string from_base64(std::string_view text);

}  // namespace steward
