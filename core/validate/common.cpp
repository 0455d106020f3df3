#include "core/validate/common.h"

#include "core/model/calendar.h"

namespace il::validate {
namespace {
bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
}  // namespace

bool is_valid_date_text(std::string_view s) {
    if (s.size() != 7 && s.size() != 10) return false;
    if (!digits(s.substr(0, 4)) || s[4] != '-' || !digits(s.substr(5, 2))) return false;
    int y = std::stoi(std::string(s.substr(0, 4)));
    int m = std::stoi(std::string(s.substr(5, 2)));
    if (y < 1900 || y > 2200 || m < 1 || m > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(s.substr(8, 2))) return false;
    int d = std::stoi(std::string(s.substr(8, 2)));
    return is_real_day(y, m, d);
}

bool is_valid_day_text(std::string_view s) { return s.size() == 10 && is_valid_date_text(s); }

bool date_after(std::string_view a, std::string_view b) {
    std::size_t n = std::min(a.size(), b.size());
    return a.substr(0, n) > b.substr(0, n);
}

bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
            static_cast<unsigned char>(s[i + 2]) == 0x80) { i += 2; continue; }
        return false;
    }
    return true;
}

void check_required(std::vector<FieldIssue>& out, const char* field, const std::string& value, const char* label) {
    if (is_blank(value)) out.push_back({field, std::string(label) + "不能为空"});
}

void check_non_negative(std::vector<FieldIssue>& out, const char* field, Money value, const char* label) {
    if (value.is_negative()) out.push_back({field, std::string(label) + "不能为负数（" + format_wan(value) + "万元）"});
}

void check_date(std::vector<FieldIssue>& out, const char* field, const std::optional<std::string>& value,
                const char* label, bool day_only) {
    if (!value) return;
    bool ok = day_only ? is_valid_day_text(*value) : is_valid_date_text(*value);
    if (!ok)
        out.push_back({field, std::string(label) + "“" + *value + "”不是有效日期，应为 " +
                                  (day_only ? "YYYY-MM-DD" : "YYYY-MM 或 YYYY-MM-DD")});
}

void check_region_zone(std::vector<FieldIssue>& out, const References* refs, std::int64_t region_id,
                       const std::optional<std::int64_t>& zone_id) {
    if (region_id <= 0) {
        out.push_back({"region_id", "县市区不能为空"});
    } else if (refs && !refs->has_region(region_id)) {
        out.push_back({"region_id", "未知的县市区（编号 " + std::to_string(region_id) + "）"});
    }
    if (!zone_id) return;
    if (refs && !refs->has_zone(*zone_id)) {
        out.push_back({"zone_id", "未知的开发区（编号 " + std::to_string(*zone_id) + "）"});
        return;
    }
    if (refs && region_id > 0 && refs->has_region(region_id)) {
        std::int64_t zr = refs->zone_region.at(*zone_id);
        if (zr != region_id) {
            auto name = [](const std::map<std::int64_t, std::string>& m, std::int64_t id) {
                auto it = m.find(id);
                return it == m.end() ? std::to_string(id) : it->second;
            };
            out.push_back({"zone_id", "开发区“" + name(refs->zone_names, *zone_id) + "”属于" +
                                          name(refs->region_names, zr) + "，不在" +
                                          name(refs->region_names, region_id) + "内"});
        }
    }
}

void check_industry_category(std::vector<FieldIssue>& out, const References* refs,
                             const std::optional<std::int64_t>& industry_id,
                             const std::optional<std::int64_t>& category_id) {
    if (!refs) return;
    if (industry_id && !refs->industries.count(*industry_id))
        out.push_back({"industry_id", "未知的国民经济行业（编号 " + std::to_string(*industry_id) + "）"});
    if (category_id && !refs->categories.count(*category_id))
        out.push_back({"category_id", "未知的产业类别（编号 " + std::to_string(*category_id) + "）"});
}

std::vector<FieldIssue> validate_monthly_figures(int year, int month, Money completed_month, Money completed_ytd,
                                                 Money total_investment) {
    std::vector<FieldIssue> out;
    if (year < 1900 || year > 2200) out.push_back({"year", "年份 " + std::to_string(year) + " 无效"});
    if (month < 1 || month > 12) out.push_back({"month", "月份 " + std::to_string(month) + " 应在 1-12 之间"});
    if (completed_month.is_negative())
        out.push_back({"completed_month", "本月完成投资不能为负数（" + format_wan(completed_month) +
                                              "万元；1-N月累计不能少于上月累计）"});
    check_non_negative(out, "completed_ytd", completed_ytd, "1-N月累计完成投资");
    if (total_investment.fen > 0 && completed_ytd > total_investment)
        out.push_back({"completed_ytd", "1-N月累计完成投资（" + format_wan(completed_ytd) + "万元）超过总投资（" +
                                            format_wan(total_investment) + "万元）"});
    return out;
}

}  // namespace il::validate
