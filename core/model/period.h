#pragma once
// A reporting period: cumulative from January to `month` of `year` (1-N月).
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace il {

struct Period {
    int year = 0;
    int month = 0;  // 1..12: the period is 1-month月

    auto operator<=>(const Period&) const = default;
    int last_year() const { return year - 1; }  // 上年: the year the 同比 figures compare with
    Period same_period_last_year() const { return {last_year(), month}; }
    Period previous_month() const { return month == 1 ? Period{year - 1, 12} : Period{year, month - 1}; }
    // 序时进度: the share of the year elapsed, month/12 — as a fraction for report cells and charts,
    // and as basis points (1/10000, truncated) for exact comparisons with completion rates.
    double time_progress() const { return static_cast<double>(month) / 12.0; }
    int time_progress_bp() const { return month * 10000 / 12; }
    std::string key() const;    // "2017-06"
    std::string label() const;  // "1-6月" (a single month: "1月")
};

// Parses "2017-06", "2017-6", "201706", "2017年6月", "2017年1-6月". nullopt if not a period.
std::optional<Period> parse_period(std::string_view text);

}  // namespace il
