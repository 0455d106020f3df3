#include "core/demo/demo_random.h"

#include <cmath>
#include <numbers>

namespace il::demo {

DemoRandom::DemoRandom(std::uint64_t seed) : engine_(seed) {}

std::uint64_t DemoRandom::next() { return engine_(); }

double DemoRandom::uniform() {
    // 53 random bits -> [0, 1)
    return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
}

double DemoRandom::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

std::int64_t DemoRandom::between(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1;
    if (range == 0) return static_cast<std::int64_t>(next());
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;  // reject the biased tail
    std::uint64_t v;
    do v = next(); while (v >= limit);
    return lo + static_cast<std::int64_t>(v % range);
}

bool DemoRandom::chance(double p) { return uniform() < p; }

double DemoRandom::normal() {
    double u1 = uniform();
    while (u1 <= 1e-300) u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

std::size_t DemoRandom::weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w > 0 ? w : 0;
    if (weights.empty()) return 0;
    if (total <= 0) return static_cast<std::size_t>(between(0, static_cast<std::int64_t>(weights.size()) - 1));
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double w = weights[i] > 0 ? weights[i] : 0;
        if (x < w) return i;
        x -= w;
    }
    return weights.size() - 1;
}

std::string DemoRandom::uid() {
    std::uint64_t hi = next(), lo = next();
    hi = (hi & 0xFFFFFFFFFFFF0FFFull) | 0x0000000000004000ull;  // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // variant 10
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    auto put = [&](std::uint64_t v, int from_nibble, int count) {
        for (int i = 0; i < count; ++i) out.push_back(hex[(v >> (4 * (15 - from_nibble - i))) & 0xF]);
    };
    put(hi, 0, 8); out.push_back('-');
    put(hi, 8, 4); out.push_back('-');
    put(hi, 12, 4); out.push_back('-');
    put(lo, 0, 4); out.push_back('-');
    put(lo, 4, 12);
    return out;
}

}  // namespace il::demo
