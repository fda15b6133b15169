#pragma once
// Small text rules shared by every layer.
#include <string>
#include <string_view>
#include <vector>

namespace steward {

std::string_view trim(std::string_view);
// ASCII only, as every code and header Steward compares is; the C library's versions consult the
// locale on every character, which showed in the time of a 100,000-row import.
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool iequals(std::string_view, std::string_view);
std::string lower(std::string_view);
// Lowercase letters and digits only, so "EHC Plan", "ehc-plan" and "Legal_Surname" compare as
// "ehcplan" and "legalsurname": how codes and column headers are matched.
std::string squash(std::string_view);
// Splits on `sep`, trims each piece and drops empty ones.
std::vector<std::string> split_list(std::string_view text, char sep);
std::string join(const std::vector<std::string>&, std::string_view sep);
// Splits text into paragraphs at blank lines.
std::vector<std::string> paragraphs(std::string_view text);
// True for an absolute http(s) URL with a host.
bool is_web_url(std::string_view);
// True for a lowercase URL slug: "crook-primary".
bool is_slug(std::string_view);
bool is_email(std::string_view);

}  // namespace steward
