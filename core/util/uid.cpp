#include "core/util/uid.h"

#include <cstdint>
#include <mutex>
#include <random>

namespace il {

std::string new_uid() {
    static std::mutex mutex;
    static std::mt19937_64 engine{[] {
        std::random_device rd;
        std::seed_seq seq{rd(), rd(), rd(), rd(), rd(), rd(), rd(), rd()};
        return std::mt19937_64(seq);
    }()};
    std::uint64_t hi, lo;
    {
        std::lock_guard lock(mutex);
        hi = engine();
        lo = engine();
    }
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

}  // namespace il
