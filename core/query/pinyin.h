#pragma once
// Pinyin initials for searching Chinese names by typing Latin letters: "华夏AMOLED" -> "hxamoled",
// so "hxa" finds it. Han characters give the first letter of their (most common) pinyin reading,
// ASCII letters and digits are kept lower-cased, everything else is dropped. The readings are a
// table generated from Unicode's Unihan kMandarin data (core/query/pinyin_table.h), the same on
// every platform; lookups are plain array reads (thread-safe, no locks).
#include <string>
#include <string_view>

namespace il::query {

std::string pinyin_initials(std::string_view utf8);

// ASCII-only lower-casing (Chinese text is unaffected): what the search box compares.
std::string ascii_lower(std::string_view text);

}  // namespace il::query
