#pragma once
// The DfE Unique Pupil Number (UPN guide 1.2): 13 characters, a check letter first.
#include <optional>
#include <string>
#include <string_view>

namespace steward {

// Why `upn` is not a valid UPN, in words a person can act on; nullopt when it is valid.
// Temporary UPNs (ending in a letter) are valid.
std::optional<std::string> upn_problem(std::string_view upn);
inline bool valid_upn(std::string_view upn) { return !upn_problem(upn).has_value(); }
// The check letter the first character must be, for the last twelve characters of a UPN.
char upn_check_letter(std::string_view last_twelve);

}  // namespace steward
