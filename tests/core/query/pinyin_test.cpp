#include <doctest/doctest.h>

#include <string>

#include "core/query/pinyin.h"
#include "core/query/pinyin_table.h"

using namespace il::query;

// The table replaces ICU's Han-Latin transliterator (same results for all of U+4E00..U+9FA5 but
// one character, checked when it was introduced); these pin the behaviour the search box needs.
TEST_CASE("pinyin table: place and company names of the ledgers") {
    CHECK(pinyin_initials("廊坊") == "lf");
    CHECK(pinyin_initials("固安县") == "gax");
    CHECK(pinyin_initials("永清") == "yq");
    CHECK(pinyin_initials("香河") == "xh");
    CHECK(pinyin_initials("大厂回族自治县") == "dchzzzx");
    CHECK(pinyin_initials("霸州市") == "bzs");
    CHECK(pinyin_initials("三河") == "sh");
    CHECK(pinyin_initials("文安") == "wa");
    CHECK(pinyin_initials("经济技术开发区") == "jjjskfq");
    CHECK(pinyin_initials("新能源汽车零部件项目") == "xnyqclbjxm");
}

TEST_CASE("pinyin table: readings starting with a vowel or a syllabic nasal") {
    // first letters of ài, ě, ōu, ń: the tone marks are dropped, not the letter
    CHECK(pinyin_initials("爱") == "a");
    CHECK(pinyin_initials("饿") == "e");
    CHECK(pinyin_initials("欧") == "o");
    CHECK(pinyin_initials("嗯") == "n");
    CHECK(pinyin_initials("绿") == "l");  // lǜ
}

TEST_CASE("pinyin table: characters outside the basic block") {
    CHECK(pinyin_initials("\xe3\x90\x80") == "q");      // U+3400 㐀 (extension A), qiū
    CHECK(pinyin_initials("\xf0\xa0\x80\x80") == "h");  // U+20000 𠀀 (extension B), hē
    CHECK(pinyin_initials("\xef\xa4\x80") == "q");      // U+F900, the compatibility form of 豈 (qǐ)
}

TEST_CASE("pinyin table: every block covers its range and only holds letters or '-'") {
    using namespace il::query::detail;
    REQUIRE(pinyin_block_count >= 2);
    std::size_t letters = 0;
    for (std::size_t i = 0; i < pinyin_block_count; ++i) {
        const PinyinBlock& b = pinyin_blocks[i];
        CHECK(b.first <= b.last);
        if (i > 0) CHECK(pinyin_blocks[i - 1].last < b.first);
        const std::string text(b.letters);
        CHECK(text.size() == b.last - b.first + 1);
        std::size_t others = 0;
        for (char c : text) {
            if (c == '-') continue;
            if (c >= 'a' && c <= 'z') ++letters;
            else ++others;
        }
        CHECK(others == 0);
    }
    // Unihan gives about 42,000 Han characters a Mandarin reading.
    CHECK(letters == pinyin_reading_count);
    CHECK(pinyin_reading_count > 40000);
    CHECK(pinyin_initial(U'中') == 'z');
    CHECK(pinyin_initial(U'A') == 0);
    CHECK(pinyin_initial(U'\u3002') == 0);  // 。 is punctuation, not Han
}

TEST_CASE("pinyin initials: malformed UTF-8 is skipped, the rest still read") {
    CHECK(pinyin_initials("\xff华\x80夏\xe5") == "hx");           // stray bytes, truncated sequence
    CHECK(pinyin_initials("\xc0\xaf" "A") == "a");                // overlong '/'
    CHECK(pinyin_initials("\xed\xa0\x80项目") == "xm");            // a UTF-16 surrogate, encoded
    CHECK(pinyin_initials("ＡＢ１２，。") == "ab12");              // full-width letters and digits
}
