#include "core/stats/ratio.h"

#include <cstdio>
#include <stdexcept>

namespace il::stats {
namespace {

__extension__ typedef __int128 i128;  // GCC and Clang; products of two int64 values

// round(n * scale / d) half away from zero, exactly.
std::int64_t scaled_round(std::int64_t num, std::int64_t den, std::int64_t scale) {
    if (den == 0) return 0;
    i128 n = static_cast<i128>(num) * scale;
    i128 d = den;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    const bool negative = n < 0;
    if (negative) n = -n;
    const i128 q = (2 * n + d) / (2 * d);
    return static_cast<std::int64_t>(negative ? -q : q);
}

}  // namespace

std::int64_t Ratio::basis_points() const { return scaled_round(num, den, 10000); }

double Ratio::value() const {
    if (den == 0) return 0.0;
    // Via basis points of a basis point so that the cell shows what percent_text(4) shows.
    return static_cast<double>(scaled_round(num, den, 100'000'000)) / 1e8;
}

std::string Ratio::percent_text(int decimals) const {
    if (den == 0) return "—";
    if (decimals < 0) decimals = 0;
    if (decimals > 4) decimals = 4;
    std::int64_t scale = 100;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const std::int64_t v = scaled_round(num, den, scale);
    const std::int64_t a = v < 0 ? -v : v;
    std::int64_t unit = 1;
    for (int i = 0; i < decimals; ++i) unit *= 10;
    std::string out = (v < 0 ? "-" : "") + std::to_string(a / unit);
    if (decimals > 0) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%0*lld", decimals, static_cast<long long>(a % unit));
        out += ".";
        out += buf;
    }
    return out + "%";
}

std::strong_ordering Ratio::compare(const Ratio& o) const {
    if (den == 0 || o.den == 0) throw std::logic_error("comparing an undefined ratio");
    i128 a = static_cast<i128>(num) * o.den;
    i128 b = static_cast<i128>(o.num) * den;
    if ((den < 0) != (o.den < 0)) std::swap(a, b);  // multiplying by a negative product flips the order
    return a < b ? std::strong_ordering::less : a > b ? std::strong_ordering::greater : std::strong_ordering::equal;
}

}  // namespace il::stats
