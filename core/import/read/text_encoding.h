#pragma once
// Turns the bytes of a text file into UTF-8: a UTF-8 or UTF-16 byte-order mark decides; otherwise
// valid UTF-8 stays UTF-8 and anything else is read as GB18030 (a superset of GBK and GB2312,
// what Chinese Windows and Excel write). Throws ReadError naming the line of an undecodable byte.
#include <string>
#include <string_view>

namespace il::import::detail {

enum class TextEncoding { Utf8, Utf8Bom, Utf16Le, Utf16Be, Gb18030 };

struct DecodedText {
    std::string utf8;
    TextEncoding encoding = TextEncoding::Utf8;
};

DecodedText decode_text(std::string_view bytes, const std::string& file_label);

// Converts with glibc iconv; throws ReadError (naming the 1-based line) on an invalid sequence.
std::string convert_to_utf8(std::string_view bytes, const char* from_charset, const std::string& file_label);

}  // namespace il::import::detail
