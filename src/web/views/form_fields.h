#pragma once
// GOV.UK Frontend form patterns, with the error message beside its field.
#include <string>
#include <utility>
#include <vector>

#include "domain/error.h"
#include "web/html.h"

namespace steward::web {

struct Field {
  std::string name;
  std::string label;
  std::string value;
  std::string error;
  std::string hint;
};

using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

// The message for `field` among `errors`, empty when that field is fine.
std::string error_for(const std::vector<FieldError>& errors, std::string_view field);

html::Node error_summary(const std::vector<FieldError>&);
html::Node text_input(const Field&, const char* type = "text", const char* width = "");
html::Node textarea(const Field&, int rows = 4);
html::Node radios(const Field&, const Options&);
html::Node select(const Field&, const Options&);
html::Node checkboxes(const Field&, const Options&, const std::vector<std::string>& checked);
html::Node date_input(const Field&, const std::string& day, const std::string& month, const std::string& year);
html::Node csrf_field(const std::string& token);
html::Node button(const char* label, const char* classes = "govuk-button");
html::Node heading(const std::string& text, const std::string& caption = "");

}  // namespace steward::web
