#include "core/validate/target_rules.h"

namespace il::validate {

std::vector<FieldIssue> validate_target(const AnnualTarget& t, const References* refs) {
    std::vector<FieldIssue> out;
    if (t.year < 1900 || t.year > 2200) out.push_back({"year", "年份 " + std::to_string(t.year) + " 无效"});
    if ((t.region_id > 0) == (t.zone_id > 0))
        out.push_back({"region_id", "年度目标须且只能属于一个县市区或一个开发区"});
    if (refs && t.region_id > 0 && !refs->has_region(t.region_id))
        out.push_back({"region_id", "未知的县市区（编号 " + std::to_string(t.region_id) + "）"});
    if (refs && t.zone_id > 0 && !refs->has_zone(t.zone_id))
        out.push_back({"zone_id", "未知的开发区（编号 " + std::to_string(t.zone_id) + "）"});
    if (t.projects_count < 0) out.push_back({"projects_count", "亿元以上项目个数不能为负数"});
    if (t.renovation_count < 0) out.push_back({"renovation_count", "技改项目个数不能为负数"});
    check_non_negative(out, "investment_fen", Money{t.investment_fen}, "完成投资目标");
    check_non_negative(out, "signed_amount_fen", Money{t.signed_amount_fen}, "签约额目标");
    check_non_negative(out, "funds_in_place_fen", Money{t.funds_in_place_fen}, "到位资金目标");
    if (t.foreign_capital_usd_cents < 0) out.push_back({"foreign_capital_usd_cents", "利用外资目标不能为负数"});
    return out;
}

}  // namespace il::validate
