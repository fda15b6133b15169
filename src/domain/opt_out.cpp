#include "domain/opt_out.h"

namespace steward {

std::optional<OptOutMethod> parse_opt_out_method(std::string_view s) {
  for (auto m : {OptOutMethod::Letter, OptOutMethod::Email, OptOutMethod::Form})
    if (opt_out_method_slug(m) == s) return m;
  return std::nullopt;
}

std::string_view opt_out_method_slug(OptOutMethod m) {
  switch (m) {
    case OptOutMethod::Letter: return "letter";
    case OptOutMethod::Email: return "email";
    case OptOutMethod::Form: return "form";
  }
  return "letter";
}

}  // namespace steward
