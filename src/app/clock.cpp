#include "app/clock.h"

#include <chrono>
#include <ctime>

namespace steward {

std::string iso_in_seconds(long long offset) {
  std::time_t t = std::time(nullptr) + offset;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string now_iso() { return iso_in_seconds(0); }

Date today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace steward
