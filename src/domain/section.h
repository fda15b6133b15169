#pragma once
// The three sections of a school's register (seed 000). The section decides whether parents
// may opt out and whether data is "shared" or only "potentially shared".
#include <array>
#include <optional>
#include <string_view>

namespace steward {

enum class Section { Pupils = 1, Management = 2, Other = 3 };

inline constexpr std::array<Section, 3> kSections = {Section::Pupils, Section::Management, Section::Other};

std::optional<Section> parse_section(std::string_view slug);  // pupils | management | other
std::string_view section_slug(Section);
std::string_view section_title(Section);       // "Services for Pupils or Parents"
std::string_view section_data_label(Section);  // "Data shared" or "Potential data shared"
bool section_allows_opt_out(Section);

}  // namespace steward
