#include "core/import/text_norm.h"

#include <cctype>

namespace il::import {

bool starts_with(std::string_view s, std::string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

std::string trim(std::string_view s) {
    auto is_space_at_front = [&](std::string_view t) -> std::size_t {
        if (t.empty()) return 0;
        unsigned char c = static_cast<unsigned char>(t[0]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
        if (starts_with(t, "\xE3\x80\x80")) return 3;  // U+3000
        if (starts_with(t, "\xC2\xA0")) return 2;      // U+00A0
        return 0;
    };
    auto is_space_at_back = [&](std::string_view t) -> std::size_t {
        if (t.empty()) return 0;
        unsigned char c = static_cast<unsigned char>(t.back());
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') return 1;
        if (ends_with(t, "\xE3\x80\x80")) return 3;
        if (ends_with(t, "\xC2\xA0")) return 2;
        return 0;
    };
    while (std::size_t n = is_space_at_front(s)) s.remove_prefix(n);
    while (std::size_t n = is_space_at_back(s)) s.remove_suffix(n);
    return std::string(s);
}

std::string normalize_label(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size();) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f') { ++i; continue; }
        if (c < 0x80) { out.push_back(static_cast<char>(c)); ++i; continue; }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > in.size()) len = in.size() - i;
        std::string_view ch = in.substr(i, len);
        i += len;
        if (ch == "\xE3\x80\x80" || ch == "\xC2\xA0") continue;  // ideographic / no-break space
        // Full-width forms U+FF01..U+FF5E -> ASCII 0x21..0x7E (EF BC 81..BF, EF BD 80..9E)
        if (len == 3 && static_cast<unsigned char>(ch[0]) == 0xEF) {
            unsigned char b1 = static_cast<unsigned char>(ch[1]), b2 = static_cast<unsigned char>(ch[2]);
            int cp = ((0xEF & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                char a = static_cast<char>(cp - 0xFF01 + 0x21);
                out.push_back(a == '~' ? '-' : a);
                continue;
            }
        }
        if (ch == "【" || ch == "〔" || ch == "〈" || ch == "《") { out.push_back('('); continue; }
        if (ch == "】" || ch == "〕" || ch == "〉" || ch == "》") { out.push_back(')'); continue; }
        if (ch == "—" || ch == "–" || ch == "－" || ch == "～" || ch == "〜") { out.push_back('-'); continue; }
        if (ch == "“" || ch == "”" || ch == "‘" || ch == "’") continue;
        out.append(ch);
    }
    // "1至6月" -> "1-6月": only between digits
    std::string res;
    res.reserve(out.size());
    const std::string_view zhi = "至";
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, zhi.size(), zhi) == 0 && i > 0 && std::isdigit(static_cast<unsigned char>(out[i - 1])) &&
            i + zhi.size() < out.size() && std::isdigit(static_cast<unsigned char>(out[i + zhi.size()]))) {
            res.push_back('-');
            i += zhi.size() - 1;
            continue;
        }
        res.push_back(out[i]);
    }
    return res;
}

}  // namespace il::import
