#pragma once
// Wall-clock time as the app records it: ISO 8601 in UTC, which sorts as text.
#include <string>

#include "domain/date.h"

namespace steward {

std::string now_iso();                      // 2026-11-23T16:07:19Z
std::string iso_in_seconds(long long offset);  // now plus offset (negative for the past)
Date today();

}  // namespace steward
