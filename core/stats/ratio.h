#pragma once
// Exact percentages: a ratio of two integers (amounts in 分, counts), compared and rounded
// without floating point. 完成年度计划 %, 同比 %, shares and 序时进度 are all Ratios; a ratio
// over zero (no plan, nothing last year) is "undefined" and shown as a blank or "—", never 0%.
#include <compare>
#include <cstdint>
#include <string>

namespace il::stats {

struct Ratio {
    std::int64_t num = 0;
    std::int64_t den = 0;  // 0: undefined

    static Ratio of(std::int64_t n, std::int64_t d) { return Ratio{n, d}; }
    // (current - previous) / previous: 同比 growth; undefined when previous is 0.
    static Ratio growth(std::int64_t current, std::int64_t previous) { return Ratio{current - previous, previous}; }

    bool defined() const { return den != 0; }
    // In basis points (1/10000), rounded half away from zero: 0.56789 -> 5679. 0 when undefined.
    std::int64_t basis_points() const;
    // For a spreadsheet cell that is formatted as a percentage (0.5679 shows as 56.79%).
    double value() const;
    // "56.79%" with `decimals` (0..4) digits, "—" when undefined.
    std::string percent_text(int decimals = 2) const;

    // Exact comparison of defined ratios (a negative denominator is normalised). Comparing an
    // undefined ratio throws std::logic_error: callers decide where undefined ones go.
    std::strong_ordering compare(const Ratio& other) const;
    bool operator==(const Ratio& o) const { return compare(o) == 0; }
};

}  // namespace il::stats
