#include "core/model/money.h"

#include <cstdlib>
#include <limits>
#include <vector>

namespace il {
namespace {

// Full-width digits and punctuation (common in Chinese input) to ASCII; drops spaces and
// thousands separators. Returns false for bytes that cannot belong to a number.
std::string normalise_number_text(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        // U+FF10..U+FF19 full-width digits: EF BC 90..99; U+FF0E '．' EF BC 8E; U+FF0C '，' EF BC 8C
        // U+FF0D '－' EF BC 8D
        if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(in[i + 2]);
            if (d >= 0x90 && d <= 0x99) out.push_back(static_cast<char>('0' + (d - 0x90)));
            else if (d == 0x8E) out.push_back('.');
            else if (d == 0x8D) out.push_back('-');
            else if (d == 0x8C) { /* thousands separator */ }
            else out.append(in.substr(i, 3));
            i += 3;
            continue;
        }
        if (c == ',' || c == ' ' || c == '\t') { ++i; continue; }
        // U+3000 ideographic space E3 80 80
        if (c == 0xE3 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
            static_cast<unsigned char>(in[i + 2]) == 0x80) { i += 3; continue; }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Parses "[-]digits[.digits]" into an integer scaled by 10^scale_digits exactly.
std::optional<std::int64_t> parse_scaled(std::string_view s, int scale_digits) {
    if (s.empty()) return std::nullopt;
    bool negative = false;
    if (s.front() == '-' || s.front() == '+') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    std::int64_t value = 0;
    int frac_digits = -1;
    bool any_digit = false;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max() / 10;
    for (char c : s) {
        if (c == '.') {
            if (frac_digits >= 0) return std::nullopt;
            frac_digits = 0;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        any_digit = true;
        if (frac_digits >= 0) {
            if (frac_digits == scale_digits) {
                if (c != '0') return std::nullopt;  // finer than the minor unit
                continue;
            }
            ++frac_digits;
        }
        if (value > kMax) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (!any_digit) return std::nullopt;
    for (int k = frac_digits < 0 ? 0 : frac_digits; k < scale_digits; ++k) {
        if (value > kMax) return std::nullopt;
        value *= 10;
    }
    return negative ? -value : value;
}

std::string group_thousands(std::string digits) {
    std::string out;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        out.push_back(digits[static_cast<std::size_t>(i)]);
        int rest = n - 1 - i;
        if (rest > 0 && rest % 3 == 0) out.push_back(',');
    }
    return out;
}

// Formats value / 10^decimals with exactly `decimals` digits after the point.
std::string format_fixed(std::int64_t value, int decimals, bool thousands) {
    bool negative = value < 0;
    // avoid overflow on INT64_MIN by working in unsigned
    std::uint64_t mag = negative ? static_cast<std::uint64_t>(-(value + 1)) + 1 : static_cast<std::uint64_t>(value);
    std::uint64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    std::string whole = std::to_string(mag / scale);
    std::string frac = std::to_string(mag % scale);
    while (static_cast<int>(frac.size()) < decimals) frac.insert(frac.begin(), '0');
    std::string out = negative ? "-" : "";
    out += thousands ? group_thousands(whole) : whole;
    if (decimals > 0) out += "." + frac;
    return out;
}

// Half away from zero; exact at the int64 limits (divisor > 1, even).
std::int64_t round_div(std::int64_t value, std::int64_t divisor) {
    std::int64_t q = value / divisor, r = value % divisor;
    if (r >= divisor / 2) ++q;
    else if (r <= -divisor / 2) --q;
    return q;
}

}  // namespace

std::optional<Money> parse_amount(std::string_view text, AmountUnit unit) {
    std::string s = normalise_number_text(text);
    // A unit written in the cell wins over the column's unit.
    struct Suffix { std::string_view text; AmountUnit unit; };
    static const Suffix suffixes[] = {
        {"亿元", AmountUnit::Yi}, {"万元", AmountUnit::Wan}, {"亿", AmountUnit::Yi},
        {"万", AmountUnit::Wan},  {"元", AmountUnit::Yuan},
    };
    for (const auto& suf : suffixes) {
        if (ends_with(s, suf.text)) {
            s.resize(s.size() - suf.text.size());
            unit = suf.unit;
            break;
        }
    }
    int scale = 0;
    switch (unit) {
        case AmountUnit::Yuan: scale = 2; break;   // 分
        case AmountUnit::Wan: scale = 6; break;    // 1 万元 = 10^6 分
        case AmountUnit::Yi: scale = 10; break;    // 1 亿元 = 10^10 分
    }
    auto v = parse_scaled(s, scale);
    if (!v) return std::nullopt;
    return Money{*v};
}

std::string format_wan(Money m, bool thousands) { return format_fixed(m.wan_cents(), 2, thousands); }

std::string format_yi(Money m, bool thousands) {
    return format_fixed(round_div(m.fen, kFenPerYi / 100), 2, thousands);
}

std::string format_auto(Money m) {
    std::int64_t mag = m.fen < 0 ? -m.fen : m.fen;
    if (mag >= kFenPerYi) return format_yi(m) + "亿元";
    return format_wan(m) + "万元";
}

std::optional<UsdMoney> parse_usd_wan(std::string_view text) {
    std::string s = normalise_number_text(text);
    if (ends_with(s, "万美元")) s.resize(s.size() - std::string_view("万美元").size());
    auto v = parse_scaled(s, 6);  // 1 万美元 = 10^6 cents
    if (!v) return std::nullopt;
    return UsdMoney{*v};
}

std::string format_usd_wan(UsdMoney m, bool thousands) {
    return format_fixed(round_div(m.cents, 10'000), 2, thousands);
}

Money usd_to_cny(UsdMoney usd, std::int64_t rate_micro) {
    // cents * rate / 1e6 -> 分; use 128-bit to keep it exact before rounding.
    __extension__ typedef __int128 wide;
    wide product = static_cast<wide>(usd.cents) * rate_micro;
    wide half = 500'000;
    wide q = product >= 0 ? (product + half) / 1'000'000 : -((-product + half) / 1'000'000);
    return Money{static_cast<std::int64_t>(q)};
}

std::string exact_wan_text(Money m) {
    bool negative = m.fen < 0;
    std::uint64_t mag = negative ? static_cast<std::uint64_t>(-(m.fen + 1)) + 1 : static_cast<std::uint64_t>(m.fen);
    std::string whole = std::to_string(mag / static_cast<std::uint64_t>(kFenPerWan));
    std::string frac = std::to_string(mag % static_cast<std::uint64_t>(kFenPerWan));
    while (frac.size() < 6) frac.insert(frac.begin(), '0');
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    return (negative ? "-" : "") + whole + "." + frac;
}

}  // namespace il
