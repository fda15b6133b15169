#include "domain/error.h"

namespace steward {

Error Error::invalid(std::vector<FieldError> fields) {
  std::string message;
  for (const auto& f : fields) {
    if (!message.empty()) message += "; ";
    message += f.field + ": " + f.message;
  }
  return {422, message, std::move(fields)};
}

std::string Error::field_message(std::string_view field) const {
  for (const auto& f : fields_)
    if (f.field == field) return f.message;
  return {};
}

}  // namespace steward
