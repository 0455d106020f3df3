#include "core/model/field_text.h"

#include "core/util/error.h"

namespace il {

void throw_field_error(const std::string& field, const std::string& reason) {
    throw ValidationError("字段 " + field + "：" + reason);
}

Money parse_wan_field(const std::string& field, const std::string& text) {
    auto m = parse_amount(text, AmountUnit::Wan);
    if (!m) throw_field_error(field, "金额“" + text + "”无法识别（单位万元，最多六位小数，例如 1234.56）");
    return *m;
}

bool parse_flag_field(const std::string& field, const std::string& v) {
    if (v == "1" || v == "是" || v == "true" || v == "yes" || v == "y") return true;
    if (v == "0" || v == "否" || v == "false" || v == "no" || v == "n" || v.empty()) return false;
    throw_field_error(field, "“" + v + "”应为 是/否（或 1/0）");
}

int parse_year_field(const std::string& field, const std::string& s) {
    if (s.size() != 4 || s.find_first_not_of("0123456789") != std::string::npos)
        throw_field_error(field, "年份“" + s + "”应为四位数字");
    return std::stoi(s);
}

}  // namespace il
