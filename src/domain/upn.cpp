#include "domain/upn.h"

namespace steward {
namespace {

// The UPN alphabet: I, O and S are left out because they are easily mistaken for 1, 0 and 5.
constexpr std::string_view kLetters = "ABCDEFGHJKLMNPQRTUVWXYZ";
constexpr size_t kLength = 13;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upn_letter(char c) { return kLetters.find(c) != std::string_view::npos; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// Characters as a person counts them, so "é" is one character, not two bytes.
size_t character_count(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string at(size_t index) { return "position " + std::to_string(index + 1); }

// The letters left out of UPNs are nearly always a digit typed wrongly; say which.
std::string lookalike_hint(char c) {
  switch (c) {
    case 'I': return " (did you mean the digit 1?)";
    case 'O': return " (did you mean the digit 0?)";
    case 'S': return " (did you mean the digit 5?)";
    default: return "";
  }
}

std::string describe(char c) {
  if (is_digit(c)) return "the digit " + std::string(1, c);
  if (c >= 'A' && c <= 'Z') return "the letter " + std::string(1, c);
  if (c == ' ') return "a space";
  return "the character '" + std::string(1, c) + "'";
}

std::optional<std::string> length_problem(std::string_view upn) {
  if (upn.empty()) return "the UPN is empty: a UPN has 13 characters";
  size_t n = character_count(upn);
  if (n == kLength) return std::nullopt;
  std::string spaces = upn.find(' ') != std::string_view::npos ? " (including spaces, which UPNs never have)" : "";
  return "a UPN has 13 characters; this one has " + std::to_string(n) + spaces;
}

// A letter such as "é" takes more than one byte; name the position a person would count to.
std::optional<std::string> non_ascii_problem(std::string_view upn) {
  size_t position = 0;
  for (size_t i = 0; i < upn.size(); ++i) {
    auto byte = static_cast<unsigned char>(upn[i]);
    if ((byte & 0xC0) != 0x80) ++position;
    if (byte < 0x80) continue;
    size_t end = i + 1;
    while (end < upn.size() && (static_cast<unsigned char>(upn[end]) & 0xC0) == 0x80) ++end;
    return "the character '" + std::string(upn.substr(i, end - i)) + "' at position " + std::to_string(position) +
           " is not allowed in a UPN";
  }
  return std::nullopt;
}

std::optional<std::string> capitals_problem(std::string_view upn) {
  for (char c : upn)
    if (is_lower(c)) {
      std::string upper(upn);
      for (auto& u : upper)
        if (is_lower(u)) u = static_cast<char>(u - 'a' + 'A');
      return "UPNs are written in capitals: " + upper;
    }
  return std::nullopt;
}

std::optional<std::string> first_character_problem(char c) {
  if (is_upn_letter(c)) return std::nullopt;
  if (c == 'I' || c == 'O' || c == 'S')
    return "the letter " + std::string(1, c) + " at position 1 is never used in UPNs";
  return "position 1 should be the check letter, not " + describe(c);
}

std::optional<std::string> middle_character_problem(char c, size_t index) {
  if (is_digit(c)) return std::nullopt;
  return at(index) + " should be a digit, not " + describe(c) + lookalike_hint(c);
}

// The last character is a digit, or a letter for a temporary UPN.
std::optional<std::string> last_character_problem(char c) {
  if (is_digit(c) || is_upn_letter(c)) return std::nullopt;
  if (c == 'I' || c == 'O' || c == 'S')
    return "the letter " + std::string(1, c) + " at position 13 is never used in UPNs" + lookalike_hint(c);
  return "position 13 should be a digit or a letter, not " + describe(c);
}

std::optional<std::string> character_problem(std::string_view upn) {
  if (auto p = first_character_problem(upn[0])) return p;
  for (size_t i = 1; i + 1 < kLength; ++i)
    if (auto p = middle_character_problem(upn[i], i)) return p;
  return last_character_problem(upn[kLength - 1]);
}

}  // namespace

char upn_check_letter(std::string_view last_twelve) {
  if (last_twelve.size() != kLength - 1) return '\0';
  int sum = 0;
  for (size_t i = 0; i < last_twelve.size(); ++i) {
    char c = last_twelve[i];
    bool last = i + 1 == last_twelve.size();
    int value = 0;
    if (is_digit(c))
      value = c - '0';
    else if (last && is_upn_letter(c))
      value = static_cast<int>(kLetters.find(c));  // a temporary UPN's final letter
    else
      return '\0';
    sum += static_cast<int>(i + 2) * value;  // weights start at 2: position 1 is the check letter
  }
  return kLetters[static_cast<size_t>(sum % 23)];
}

std::optional<std::string> upn_problem(std::string_view upn) {
  if (auto p = length_problem(upn)) return p;
  if (auto p = non_ascii_problem(upn)) return p;
  if (auto p = capitals_problem(upn)) return p;
  if (auto p = character_problem(upn)) return p;
  char expected = upn_check_letter(upn.substr(1));
  if (upn[0] != expected)
    return "the check letter should be " + std::string(1, expected) + ", not " + std::string(1, upn[0]) +
           ": one of the characters is probably mistyped";
  return std::nullopt;
}

std::optional<std::uint64_t> upn_key(std::string_view upn) {
  if (upn.size() != kLength || upn[0] < 'A' || upn[0] > 'Z') return std::nullopt;
  std::uint64_t key = static_cast<std::uint64_t>(upn[0] - 'A');
  for (size_t i = 1; i < kLength - 1; ++i) {
    if (!is_digit(upn[i])) return std::nullopt;
    key = key * 10 + static_cast<std::uint64_t>(upn[i] - '0');
  }
  char last = upn[kLength - 1];
  if (is_digit(last)) return key * 36 + static_cast<std::uint64_t>(last - '0');
  if (last >= 'A' && last <= 'Z') return key * 36 + 10 + static_cast<std::uint64_t>(last - 'A');
  return std::nullopt;
}

}  // namespace steward
