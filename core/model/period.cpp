#include "core/model/period.h"

#include <cstdio>
#include <regex>

namespace il {

std::string Period::key() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    return buf;
}

std::string Period::label() const { return month == 1 ? "1月" : "1-" + std::to_string(month) + "月"; }

std::optional<Period> parse_period(std::string_view text) {
    static const std::regex dashed(R"(^\s*(\d{4})\s*[-/.]\s*(\d{1,2})\s*$)");
    static const std::regex compact(R"(^\s*(\d{4})(\d{2})\s*$)");
    static const std::regex chinese(R"(^\s*(\d{4})\s*年\s*(?:1\s*[-－—~～至]\s*)?(\d{1,2})\s*月\s*$)");
    std::string s(text);
    std::smatch m;
    if (std::regex_match(s, m, dashed) || std::regex_match(s, m, compact) || std::regex_match(s, m, chinese)) {
        int y = std::stoi(m[1].str()), mo = std::stoi(m[2].str());
        if (y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12) return Period{y, mo};
    }
    return std::nullopt;
}

}  // namespace il
