#include "core/query/pinyin.h"

#include <cstdint>

#include "core/query/pinyin_table.h"

namespace il::query {
namespace detail {

char pinyin_initial(char32_t cp) {
    for (std::size_t i = 0; i < pinyin_block_count; ++i) {
        const PinyinBlock& b = pinyin_blocks[i];
        if (cp >= b.first && cp <= b.last) {
            char c = b.letters[cp - b.first];
            return c == '-' ? 0 : c;
        }
    }
    return 0;
}

}  // namespace detail
namespace {

// Decodes one UTF-8 sequence at s[i] and advances i; malformed bytes yield 0xFFFFFFFF (skipped).
char32_t next_code_point(const unsigned char* s, std::size_t n, std::size_t& i) {
    constexpr char32_t bad = 0xFFFFFFFF;
    unsigned char c = s[i++];
    if (c < 0x80) return c;
    int extra = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
    if (extra < 0) return bad;
    char32_t cp = c & (0x3F >> extra);
    for (int k = 0; k < extra; ++k) {
        if (i >= n || (s[i] & 0xC0) != 0x80) return bad;
        cp = (cp << 6) | (s[i++] & 0x3F);
    }
    // overlong forms, surrogates and values beyond Unicode are not characters
    static constexpr char32_t min_of[] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_of[extra] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return bad;
    return cp;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string pinyin_initials(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() / 2 + 1);
    const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t i = 0;
    while (i < utf8.size()) {
        char32_t cp = next_code_point(s, utf8.size(), i);
        if (cp < 0x80) {
            char ch = static_cast<char>(cp);
            if (ch >= 'A' && ch <= 'Z') out.push_back(static_cast<char>(ch - 'A' + 'a'));
            else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out.push_back(ch);
        } else if (cp >= 0xFF10 && cp <= 0xFF5A) {  // full-width digits and letters
            char32_t a = cp - 0xFEE0;
            if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) out.push_back(static_cast<char>(a));
        } else if (char ch = detail::pinyin_initial(cp)) {
            out.push_back(ch);
        }
    }
    return out;
}

}  // namespace il::query
