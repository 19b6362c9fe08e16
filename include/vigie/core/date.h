// ISO 8601 calendar dates (YYYY-MM-DD). Thread-safe: values and pure functions.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "vigie/core/status.h"

namespace vigie {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Days since 1970-01-01 (negative before).
  int64_t DaysSinceEpoch() const;
  static Date FromDaysSinceEpoch(int64_t days);
  std::string ToIso() const;
  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY-MM-DD" strictly (real calendar dates only); otherwise
// kInvalidArgument naming `field`.
Result<Date> ParseIsoDate(std::string_view text, std::string_view field = "date");

// b - a in days.
inline int64_t DaysBetween(const Date& a, const Date& b) {
  return b.DaysSinceEpoch() - a.DaysSinceEpoch();
}

}  // namespace vigie
