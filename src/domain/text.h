#pragma once
// Small text rules shared by every layer.
#include <string>
#include <string_view>
#include <vector>

namespace steward {

std::string_view trim(std::string_view);
bool iequals(std::string_view, std::string_view);
std::string lower(std::string_view);
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
