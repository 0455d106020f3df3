#include "core/query/pinyin.h"

#include <memory>
#include <mutex>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace il::query {
namespace {

class InitialsCache {
public:
    // Caller holds mutex_.
    char initial_of(UChar32 cp) {
        auto it = cache_.find(cp);
        if (it != cache_.end()) return it->second;
        char c = compute(cp);
        cache_.emplace(cp, c);
        return c;
    }
    std::mutex mutex_;

private:
    char compute(UChar32 cp) {
        if (!translit_ && !failed_) {
            UErrorCode status = U_ZERO_ERROR;
            translit_.reset(icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
            if (U_FAILURE(status)) { translit_.reset(); failed_ = true; }
        }
        if (!translit_) return 0;
        icu::UnicodeString s(cp);
        translit_->transliterate(s);
        for (int32_t i = 0; i < s.length(); ++i) {
            char16_t ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') return static_cast<char>(ch - 'A' + 'a');
            if (ch >= 'a' && ch <= 'z') return static_cast<char>(ch);
        }
        return 0;
    }
    std::unique_ptr<icu::Transliterator> translit_;
    bool failed_ = false;
    std::unordered_map<UChar32, char> cache_;
};

InitialsCache& cache() {
    static InitialsCache c;
    return c;
}

bool is_han(UChar32 cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2EBEF) ||
           (cp >= 0xF900 && cp <= 0xFAFF);
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
    auto& c = cache();
    std::unique_lock lock(c.mutex_, std::defer_lock);
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    int32_t i = 0;
    while (i < length) {
        UChar32 cp = 0;
        U8_NEXT(s, i, length, cp);
        if (cp < 0) continue;
        if (cp < 0x80) {
            char ch = static_cast<char>(cp);
            if (ch >= 'A' && ch <= 'Z') out.push_back(static_cast<char>(ch - 'A' + 'a'));
            else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out.push_back(ch);
        } else if (cp >= 0xFF10 && cp <= 0xFF5A) {  // full-width digits and letters
            UChar32 a = cp - 0xFEE0;
            if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) out.push_back(static_cast<char>(a));
        } else if (is_han(cp)) {
            if (!lock.owns_lock()) lock.lock();
            if (char ch = c.initial_of(cp)) out.push_back(ch);
        }
    }
    return out;
}

}  // namespace il::query
