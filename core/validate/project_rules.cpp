#include "core/validate/project_rules.h"

#include "core/validate/project_code.h"

namespace il::validate {

std::vector<FieldIssue> validate_project(const Project& p, const References* refs) {
    std::vector<FieldIssue> out;
    check_required(out, "name", p.name, "项目名称");
    if (p.code && !p.code->empty()) {
        if (auto why = project_code_problem(*p.code)) out.push_back({"code", *why});
    }
    check_region_zone(out, refs, p.region_id, p.zone_id);
    check_industry_category(out, refs, p.industry_id, p.category_id);
    check_one_of(out, "nature", p.nature, kNatures, "建设性质");
    check_one_of(out, "level", p.level, kLevels, "项目级别");
    check_one_of(out, "stage", p.stage, kStages, "项目阶段");
    check_non_negative(out, "total_investment", p.total_investment, "总投资");
    for (const auto& [year, plan] : p.annual_plans) {
        if (year < 1900 || year > 2200)
            out.push_back({"annual_plans", "年度计划的年份 " + std::to_string(year) + " 无效"});
        if (plan.is_negative())
            out.push_back({"annual_plans", std::to_string(year) + "年计划投资不能为负数（" + format_wan(plan) + "万元）"});
        else if (p.total_investment.fen > 0 && plan > p.total_investment)
            out.push_back({"annual_plans", std::to_string(year) + "年计划投资（" + format_wan(plan) +
                                               "万元）超过总投资（" + format_wan(p.total_investment) + "万元）"});
    }
    check_date(out, "planned_start", p.planned_start, "计划开工时间");
    check_date(out, "planned_completion", p.planned_completion, "计划竣工时间");
    check_date(out, "actual_start", p.actual_start, "实际开工时间");
    check_date(out, "actual_completion", p.actual_completion, "实际竣工时间");
    auto valid = [](const std::optional<std::string>& d) { return d && is_valid_date_text(*d); };
    if (valid(p.actual_start) && valid(p.actual_completion) && date_after(*p.actual_start, *p.actual_completion))
        out.push_back({"actual_start", "实际开工时间（" + *p.actual_start + "）晚于实际竣工时间（" +
                                           *p.actual_completion + "）"});
    if (valid(p.planned_start) && valid(p.planned_completion) && date_after(*p.planned_start, *p.planned_completion))
        out.push_back({"planned_start", "计划开工时间（" + *p.planned_start + "）晚于计划竣工时间（" +
                                            *p.planned_completion + "）"});
    // 竣工/投产 without 实际竣工时间 is missing information, a warning (completeness.h)
    std::set<std::string> kinds;
    for (const auto& a : p.approvals) {
        check_one_of(out, "approvals", a.kind, kApprovalKinds, "前期手续类别");
        check_one_of(out, "approvals", a.status, kApprovalStatuses, a.kind + "办理状态");
        check_date(out, "approvals", a.doc_date, (a.kind + "批复日期").c_str(), true);
        if (!kinds.insert(a.kind).second) out.push_back({"approvals", "前期手续“" + a.kind + "”重复"});
    }
    return out;
}

std::vector<FieldIssue> validate_progress(const ProgressEntry& e, Money total_investment) {
    return validate_monthly_figures(e.year, e.month, e.completed_month, e.completed_ytd, total_investment);
}

std::vector<FieldIssue> validate_problem(const Problem& p) {
    std::vector<FieldIssue> out;
    check_required(out, "description", p.description, "问题描述");
    check_one_of(out, "status", p.status, kProblemStatuses, "问题状态");
    check_date(out, "assigned_date", p.assigned_date, "交办日期", true);
    check_date(out, "supervised_date", p.supervised_date, "督办日期", true);
    check_date(out, "closed_date", p.closed_date, "销号日期", true);
    if (p.status == "督办" && !p.supervised_date) out.push_back({"supervised_date", "状态为督办时必须填写督办日期"});
    if (p.status == "销号" && !p.closed_date) out.push_back({"closed_date", "状态为销号时必须填写销号日期"});
    if (p.assigned_date && p.closed_date && is_valid_day_text(*p.assigned_date) && is_valid_day_text(*p.closed_date) &&
        *p.assigned_date > *p.closed_date)
        out.push_back({"closed_date", "销号日期（" + *p.closed_date + "）早于交办日期（" + *p.assigned_date + "）"});
    return out;
}

}  // namespace il::validate
