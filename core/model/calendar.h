#pragma once
// The Gregorian calendar rules the ledger needs (leap years, month lengths) and ISO date text,
// in one place for validation, import and the reports.
#include <string>

namespace il {

constexpr bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// 28..31; 0 for a month outside 1..12.
constexpr int days_in_month(int year, int month) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// Whether y-m-d is a real day (any year; callers bound the years they accept).
constexpr bool is_real_day(int year, int month, int day) { return day >= 1 && day <= days_in_month(year, month); }

std::string iso_month(int year, int month);         // "2017-06"
std::string iso_date(int year, int month, int day);  // "2017-06-30"

}  // namespace il
