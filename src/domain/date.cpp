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

// Exactly YYYY-MM-DD in ASCII digits: read per character, since a whole roll's dates pass here.
std::optional<Date> Date::parse_iso(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[8];
  int k = 0;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
    v[k++] = t[i] - '0';
  }
  int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5], d = v[6] * 10 + v[7];
  if (!valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::optional<Date> Date::from_parts(std::string_view day, std::string_view month, std::string_view year) {
  auto y = to_int(year), m = to_int(month), d = to_int(day);
  if (!y || !m || !d || !valid(*y, *m, *d)) return std::nullopt;
  return Date{*y, *m, *d};
}

std::string Date::iso() const {
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  // Without printf: a whole roll's dates are written through here.
  std::string out = "0000-00-00";
  for (int i = 3, y = year; i >= 0; --i, y /= 10) out[i] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::string Date::long_form() const {
  return std::to_string(day) + " " + kMonths[month - 1] + " " + std::to_string(year);
}

std::string Date::month_year() const { return std::string(kMonths[month - 1]) + " " + std::to_string(year); }

}  // namespace steward
