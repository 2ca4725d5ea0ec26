// Calendar dates (YYYY-MM-DD) for review dates, waiver expiry and --as-of.
#ifndef VENDORLINT_UTIL_DATE_H_
#define VENDORLINT_UTIL_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace vendorlint {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // Strict ISO 8601 calendar date: exactly `YYYY-MM-DD`, a real day
  // (2024-02-29 yes, 2023-02-29 no), years 1900..9999.
  static bool Parse(std::string_view s, Date* out);
  // Today in UTC.
  static Date Today();

  // Days since 1970-01-01 (proleptic Gregorian).
  int64_t DaysSinceEpoch() const;
  // The inverse of DaysSinceEpoch.
  static Date FromDaysSinceEpoch(int64_t days);
  std::string ToString() const;

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace vendorlint

#endif  // VENDORLINT_UTIL_DATE_H_
