#include "domain/section.h"

namespace steward {

std::optional<Section> parse_section(std::string_view slug) {
  for (Section s : kSections)
    if (section_slug(s) == slug) return s;
  return std::nullopt;
}

std::string_view section_slug(Section s) {
  switch (s) {
    case Section::Pupils: return "pupils";
    case Section::Management: return "management";
    case Section::Other: return "other";
  }
  return "other";
}

std::string_view section_title(Section s) {
  switch (s) {
    case Section::Pupils: return "Services for Pupils or Parents";
    case Section::Management: return "Services for School Management";
    case Section::Other: return "Other Online Services";
  }
  return "";
}

std::string_view section_data_label(Section s) {
  return s == Section::Pupils ? "Data shared" : "Potential data shared";
}

bool section_allows_opt_out(Section s) { return s == Section::Pupils; }

}  // namespace steward
