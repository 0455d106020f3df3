#include "core/validate/renovation_rules.h"

namespace il::validate {

std::vector<FieldIssue> validate_renovation(const Renovation& r, const References* refs) {
    std::vector<FieldIssue> out;
    check_required(out, "enterprise", r.enterprise, "企业名称");
    check_required(out, "name", r.name, "项目名称");
    if (r.filing_number && is_blank(*r.filing_number)) out.push_back({"filing_number", "备案号不能为空白（不填请留空）"});
    check_region_zone(out, refs, r.region_id, r.zone_id);
    check_industry_category(out, refs, r.industry_id, std::nullopt);
    check_one_of(out, "kind", r.kind, kRenovationKinds, "技改类型");
    check_one_of(out, "stage", r.stage, kRenovationStages, "项目阶段");
    check_non_negative(out, "total_investment", r.total_investment, "总投资");
    check_non_negative(out, "equipment_investment", r.equipment_investment, "设备投资");
    check_non_negative(out, "expected_output", r.expected_output, "预计新增产值");
    check_non_negative(out, "expected_tax", r.expected_tax, "预计新增利税");
    if (r.equipment_investment > r.total_investment && !r.equipment_investment.is_negative())
        out.push_back({"equipment_investment", "设备投资（" + format_wan(r.equipment_investment) + "万元）超过总投资（" +
                                                   format_wan(r.total_investment) + "万元）"});
    for (const auto& [year, plan] : r.annual_plans) {
        if (year < 1900 || year > 2200)
            out.push_back({"annual_plans", "年度计划的年份 " + std::to_string(year) + " 无效"});
        if (plan.is_negative())
            out.push_back({"annual_plans", std::to_string(year) + "年计划投资不能为负数（" + format_wan(plan) + "万元）"});
    }
    check_date(out, "planned_start", r.planned_start, "计划开工时间");
    check_date(out, "planned_completion", r.planned_completion, "计划竣工时间");
    check_date(out, "actual_start", r.actual_start, "实际开工时间");
    check_date(out, "actual_completion", r.actual_completion, "实际竣工时间");
    auto valid = [](const std::optional<std::string>& d) { return d && is_valid_date_text(*d); };
    if (valid(r.actual_start) && valid(r.actual_completion) && date_after(*r.actual_start, *r.actual_completion))
        out.push_back({"actual_start", "实际开工时间（" + *r.actual_start + "）晚于实际竣工时间（" +
                                           *r.actual_completion + "）"});
    if (valid(r.planned_start) && valid(r.planned_completion) && date_after(*r.planned_start, *r.planned_completion))
        out.push_back({"planned_start", "计划开工时间（" + *r.planned_start + "）晚于计划竣工时间（" +
                                            *r.planned_completion + "）"});
    // 竣工/投产 without 实际竣工时间 is missing information, a warning (completeness.h)
    return out;
}

std::vector<FieldIssue> validate_renovation_progress(const RenovationProgress& e, Money total_investment) {
    return validate_monthly_figures(e.year, e.month, e.completed_month, e.completed_ytd, total_investment);
}

}  // namespace il::validate
