#include "domain/pupil.h"

#include <array>
#include <utility>

#include "domain/text.h"

namespace steward {

std::optional<std::string> normalise_gender(std::string_view text) {
  // CTF writes single letters; MIS exports write words. "Not specified" is a recorded choice
  // (X), unlike a blank, which only means nobody recorded it (U).
  static const std::array<std::pair<std::string_view, std::string_view>, 14> kNames = {{
      {"m", "M"},
      {"male", "M"},
      {"boy", "M"},
      {"f", "F"},
      {"female", "F"},
      {"girl", "F"},
      {"", "U"},
      {"u", "U"},
      {"unknown", "U"},
      {"not known", "U"},
      {"x", "X"},
      {"other", "X"},
      {"not specified", "X"},
      {"unspecified", "X"},
  }};
  std::string key = lower(trim(text));
  for (const auto& [name, code] : kNames)
    if (key == name) return std::string(code);
  return std::nullopt;
}

}  // namespace steward
