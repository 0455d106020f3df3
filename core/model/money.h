#pragma once
// Exact money. CNY amounts are integers in 分 (0.01 元); USD amounts in cents. Users enter and
// read 万元 with two decimals (亿元 for large totals, 万美元 for foreign currency): conversion
// happens only at the edges, through decimal text, never through double arithmetic on sums.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace il {

// The unit a figure is written in (a header's "（万元）" or a cell's "1.5亿元").
enum class AmountUnit { Yuan, Wan, Yi };

inline constexpr std::int64_t kFenPerYuan = 100;
inline constexpr std::int64_t kFenPerWan = 1'000'000;        // 1 万元 = 10,000 元 = 1,000,000 分
inline constexpr std::int64_t kFenPerYi = 10'000'000'000;    // 1 亿元

struct Money {
    std::int64_t fen = 0;

    static constexpr Money from_fen(std::int64_t f) { return Money{f}; }
    static constexpr Money from_wan(std::int64_t wan) { return Money{wan * kFenPerWan}; }

    constexpr Money operator+(Money o) const { return Money{fen + o.fen}; }
    constexpr Money operator-(Money o) const { return Money{fen - o.fen}; }
    constexpr Money& operator+=(Money o) { fen += o.fen; return *this; }
    constexpr Money& operator-=(Money o) { fen -= o.fen; return *this; }
    constexpr auto operator<=>(const Money&) const = default;
    constexpr bool is_negative() const { return fen < 0; }

    // Rounded half away from zero to 0.01 万元 (100 元): what a report cell shows.
    constexpr std::int64_t wan_cents() const {
        constexpr std::int64_t step = kFenPerWan / 100;
        std::int64_t q = fen / step, r = fen % step;  // no overflow even at the int64 limits
        if (r >= step / 2) ++q;
        else if (r <= -step / 2) --q;
        return q;
    }
    // The value in 万元 for a spreadsheet cell, rounded to two decimals first so that sums in
    // Excel agree with the totals computed here.
    double wan_for_cell() const { return static_cast<double>(wan_cents()) / 100.0; }
};

// Parses a decimal amount exactly ("1,234.56", "-3", "1.5", "１２３" full-width digits are
// accepted, "1.5亿元" with a unit suffix overrides `unit`). Returns nullopt when the text is not
// a number; never guesses. Digits below 1 分 are rejected, not rounded.
std::optional<Money> parse_amount(std::string_view text, AmountUnit unit = AmountUnit::Wan);

// Exact text of an amount in 万元 for the audit log and `show`: at least two decimals, more
// when the value has them ("1234.50", "0.000001").
std::string exact_wan_text(Money m);
// "1,234.56" (万元, two decimals, thousands separators optional).
std::string format_wan(Money m, bool thousands = true);
// "12.35" (亿元, two decimals).
std::string format_yi(Money m, bool thousands = true);
// "万元" or "亿元" picked for readability: 亿元 from 1亿 upwards, with the unit appended.
std::string format_auto(Money m);

// USD in cents; the same decimal rules, shown in 万美元.
struct UsdMoney {
    std::int64_t cents = 0;
    constexpr auto operator<=>(const UsdMoney&) const = default;
    constexpr UsdMoney operator+(UsdMoney o) const { return UsdMoney{cents + o.cents}; }
};
std::optional<UsdMoney> parse_usd_wan(std::string_view text);  // "12.5" 万美元
std::string format_usd_wan(UsdMoney m, bool thousands = true);

// CNY equivalent of a USD amount at `rate_micro` (CNY per USD x 1,000,000), rounded to 分.
Money usd_to_cny(UsdMoney usd, std::int64_t rate_micro);

}  // namespace il
