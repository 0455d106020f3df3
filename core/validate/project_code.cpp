#include "core/validate/project_code.h"

namespace il::validate {
namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
int two(std::string_view s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool province_prefix(int p) {
    return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46) ||
           (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 || p == 81 || p == 82;
}
}  // namespace

std::string normalize_project_code(std::string_view in) {
    std::string out;
    for (std::size_t i = 0; i < in.size();) {
        unsigned char c = static_cast<unsigned char>(in[i]);
        if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBC) {
            unsigned char d = static_cast<unsigned char>(in[i + 2]);
            if (d >= 0x90 && d <= 0x99) { out.push_back(static_cast<char>('0' + (d - 0x90))); i += 3; continue; }
            if (d == 0x8D) { out.push_back('-'); i += 3; continue; }   // －
            if (d == 0xB8) { out.push_back('X'); i += 3; continue; }   // Ｘ
        }
        if (c == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBD &&
            static_cast<unsigned char>(in[i + 2]) == 0x98) { out.push_back('X'); i += 3; continue; }  // ｘ
        if (c == 0xE3 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
            static_cast<unsigned char>(in[i + 2]) == 0x80) { i += 3; continue; }  // ideographic space
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
        out.push_back(c == 'x' ? 'X' : static_cast<char>(c));
        ++i;
    }
    return out;
}

std::optional<std::string> project_code_problem(std::string_view s) {
    const std::string shape = "项目代码应为24位，形如 2017-131003-47-01-012345";
    if (s.size() != 24) return shape + "（现为" + std::to_string(s.size()) + "个字符）";
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool dash_pos = i == 4 || i == 11 || i == 14 || i == 17;
        if (dash_pos) {
            if (s[i] != '-') return shape + "（第" + std::to_string(i + 1) + "位应为“-”）";
        } else if (!is_digit(s[i]) && !(i == 23 && s[i] == 'X')) {
            return shape + "（第" + std::to_string(i + 1) + "位应为数字）";
        }
    }
    int year = std::stoi(std::string(s.substr(0, 4)));
    if (year < 2014 || year > 2099) return "项目代码的赋码年份 " + std::string(s.substr(0, 4)) + " 不在 2014-2099 之间";
    if (!province_prefix(two(s, 5)) || s.substr(5, 6) == "000000")
        return "项目代码的行政区划代码 " + std::string(s.substr(5, 6)) + " 不是有效的行政区划代码";
    int industry = two(s, 12);
    if (industry < 1 || industry > 97)
        return "项目代码的行业代码 " + std::string(s.substr(12, 2)) + " 应在 01-97 之间";
    int type = two(s, 15);
    if (type < 1 || type > 3)
        return "项目代码的项目类型 " + std::string(s.substr(15, 2)) + " 应为 01（审批）、02（核准）或 03（备案）";
    std::string_view serial = s.substr(18, 6);
    if (serial == "000000") return "项目代码的流水号不能为 000000";
    if (year <= 2016 && serial.back() == 'X')
        return "2017年以前的项目代码（4-6-2-2-6 格式）末位应为数字";
    return std::nullopt;
}

}  // namespace il::validate
