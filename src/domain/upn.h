#pragma once
// The DfE Unique Pupil Number (UPN guide 1.2): 13 characters, a check letter first.
#include <cstdint>
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
// A number that stands for a UPN of the valid shape (a capital letter, eleven digits, then a digit
// or a capital letter): equal numbers, equal UPNs. nullopt for any other text. Sets of a whole
// roll's UPNs hash this rather than the text.
std::optional<std::uint64_t> upn_key(std::string_view upn);

}  // namespace steward
