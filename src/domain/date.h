#pragma once
// A calendar date without a time zone, as schools write them.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace steward {

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;

  // "2016-12-01"; nullopt for anything that is not a real date in ISO 8601 form.
  static std::optional<Date> parse_iso(std::string_view text);
  // From the three boxes of a form; nullopt when they do not make a real date.
  static std::optional<Date> from_parts(std::string_view day, std::string_view month, std::string_view year);
  static bool valid(int year, int month, int day);

  std::string iso() const;         // 2016-12-01
  std::string long_form() const;   // 1 December 2016
  std::string month_year() const;  // December 2016, as the published register shows it
};

}  // namespace steward
