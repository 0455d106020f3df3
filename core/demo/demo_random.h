#pragma once
// The demo generator's random source: std::mt19937_64 (whose output the standard fixes) with
// distributions written here, because std::uniform_int_distribution and friends differ between
// standard libraries. Same seed, same numbers, on every compiler.
#include <cstdint>
#include <random>
#include <span>
#include <string>

namespace il::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed);

    std::uint64_t next();                      // raw 64 bits
    double uniform();                          // [0, 1)
    double uniform(double lo, double hi);      // [lo, hi)
    std::int64_t between(std::int64_t lo, std::int64_t hi);  // inclusive, unbiased
    bool chance(double p);                     // true with probability p
    double normal();                           // standard normal (Box-Muller, no caching)
    // An index into `weights` chosen with probability proportional to its weight.
    std::size_t weighted(std::span<const double> weights);
    template <class T, std::size_t N>
    const T& pick(const T (&items)[N]) { return items[static_cast<std::size_t>(between(0, N - 1))]; }
    template <class C>
    const auto& pick(const C& items) { return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))]; }
    // A version-4 UUID text drawn from this generator (deterministic for the seed).
    std::string uid();

private:
    std::mt19937_64 engine_;
};

}  // namespace il::demo
