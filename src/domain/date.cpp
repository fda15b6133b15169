#include "domain/date.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace steward {
namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

std::optional<int> to_int(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool Date::valid(int year, int month, int day) {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

std::optional<Date> Date::parse_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  auto y = to_int(t.substr(0, 4)), m = to_int(t.substr(5, 2)), d = to_int(t.substr(8, 2));
  if (!y || !m || !d || !valid(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::optional<Date> Date::from_parts(std::string_view day, std::string_view month, std::string_view year) {
  auto y = to_int(year), m = to_int(month), d = to_int(day);
  if (!y || !m || !d || !valid(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::long_form() const {
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

std::string Date::month_year() const { return std::string(kMonths[month - 1]) + " " + std::to_string(year); }

}  // namespace steward
