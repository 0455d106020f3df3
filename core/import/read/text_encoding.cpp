#include "core/import/read/text_encoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>

#include "core/import/read/reader_support.h"

namespace il::import::detail {

std::string convert_to_utf8(std::string_view bytes, const char* from, const std::string& label) {
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == reinterpret_cast<iconv_t>(-1)) fail(label, std::string("系统不支持字符集 ") + from);
    std::string out;
    out.resize(bytes.size() * 2 + 16);
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    std::size_t done = 0;
    while (in_left > 0) {
        char* o = out.data() + done;
        std::size_t out_left = out.size() - done;
        std::size_t rc = iconv(cd, &in, &in_left, &o, &out_left);
        done = out.size() - out_left;
        if (rc != static_cast<std::size_t>(-1)) break;
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        iconv_close(cd);
        std::size_t offset = bytes.size() - in_left;
        // Count lines in the original (a newline byte never occurs inside a GB18030 character).
        long line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
        if (errno == EINVAL)
            fail(label, "文件末尾的字符不完整（第 " + std::to_string(line) + " 行），文件可能被截断");
        fail(label, "第 " + std::to_string(line) + " 行含有无法识别的字符（文件既不是 UTF-8 也不是 GBK/GB18030 编码）");
    }
    iconv_close(cd);
    out.resize(done);
    return out;
}

DecodedText decode_text(std::string_view bytes, const std::string& label) {
    DecodedText r;
    auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
    if (starts("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        r.encoding = TextEncoding::Utf8Bom;
        if (!is_valid_utf8(bytes)) {
            // A BOM but not UTF-8 after all: find the first bad line for the message.
            std::size_t line_start = 0;
            long line = 1;
            for (std::size_t i = 0; i <= bytes.size(); ++i) {
                if (i == bytes.size() || bytes[i] == '\n') {
                    if (!is_valid_utf8(bytes.substr(line_start, i - line_start)))
                        fail(label, "文件标明是 UTF-8，但第 " + std::to_string(line) + " 行含有无效的 UTF-8 字符");
                    line_start = i + 1;
                    ++line;
                }
            }
        }
        r.utf8.assign(bytes);
        return r;
    }
    if (starts("\xFF\xFE")) {
        r.encoding = TextEncoding::Utf16Le;
        r.utf8 = convert_to_utf8(bytes.substr(2), "UTF-16LE", label);
        return r;
    }
    if (starts("\xFE\xFF")) {
        r.encoding = TextEncoding::Utf16Be;
        r.utf8 = convert_to_utf8(bytes.substr(2), "UTF-16BE", label);
        return r;
    }
    if (is_valid_utf8(bytes)) {
        r.utf8.assign(bytes);
        return r;
    }
    r.encoding = TextEncoding::Gb18030;
    r.utf8 = convert_to_utf8(bytes, "GB18030", label);
    return r;
}

}  // namespace il::import::detail
