#include "domain/pupil_codes.h"

#include <array>
#include <cctype>
#include <utility>

#include "domain/text.h"

namespace steward {
namespace {

bool starts_with_digit(std::string_view s) { return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0])); }

// "year3", "yr3" and "y3" all name year 3; "year" alone is not a year.
std::string without_year_prefix(std::string s) {
  for (std::string_view prefix : {"year", "yr", "y"})
    if (s.size() > prefix.size() && s.compare(0, prefix.size(), prefix) == 0 &&
        starts_with_digit(s.substr(prefix.size())))
      return s.substr(prefix.size());
  return s;
}

std::optional<std::string> numbered_year(std::string_view s) {
  if (s.empty() || s.size() > 2) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > 14) return std::nullopt;
  return std::to_string(value);
}

}  // namespace

std::optional<std::string> normalise_nc_year(std::string_view text) {
  if (trim(text).empty()) return std::string();
  std::string s = without_year_prefix(squash(text));
  if (s == "r" || s == "rec" || s == "reception" || s == "yr" || s == "yearr") return std::string("R");
  if (s == "n1" || s == "nursery1") return std::string("N1");
  if (s == "n2" || s == "nursery2") return std::string("N2");
  if (s == "x") return std::string("X");
  return numbered_year(s);
}

std::optional<std::string> normalise_sen_provision(std::string_view text) {
  static const std::array<std::pair<std::string_view, std::string_view>, 12> kNames = {{
      {"", ""},
      {"n", "N"},
      {"none", "N"},
      {"no", "N"},
      {"nospecialeducationalneed", "N"},
      {"nospecialeducationalneeds", "N"},
      {"k", "K"},
      {"sensupport", "K"},
      {"e", "E"},
      {"ehcp", "E"},
      {"ehcplan", "E"},
      {"educationhealthandcareplan", "E"},
  }};
  std::string key = squash(text);
  for (const auto& [name, code] : kNames)
    if (key == name) return std::string(code);
  return std::nullopt;
}

}  // namespace steward
