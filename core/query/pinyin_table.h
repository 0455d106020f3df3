#pragma once
// The table behind pinyin_initials(): for each Han block, one letter per code point (the first
// letter of its most customary Mandarin reading, '-' for none). Generated at build time from
// Unicode's Unihan database by scripts/gen-pinyin-initials.py (core/CMakeLists.txt).
#include <cstddef>

namespace il::query::detail {

struct PinyinBlock {
    char32_t first;
    char32_t last;
    const char* letters;  // last - first + 1 letters
};

extern const PinyinBlock pinyin_blocks[];
extern const std::size_t pinyin_block_count;
extern const std::size_t pinyin_reading_count;  // code points of the blocks that have a reading

// The letter for one code point ('a'-'z'), or 0 when it is not a Han character with a reading.
char pinyin_initial(char32_t cp);

}  // namespace il::query::detail
