#include "core/validate/deal_rules.h"

namespace il::validate {

std::vector<FieldIssue> validate_deal(const Deal& d, const References* refs) {
    std::vector<FieldIssue> out;
    check_required(out, "name", d.name, "项目名称");
    check_one_of(out, "origin", d.origin, kOrigins, "来源地");
    if (d.origin == "境外" && is_blank(d.country)) out.push_back({"country", "来源地为境外时必须填写国家或地区"});
    check_one_of(out, "stage", d.stage, kDealStages, "洽谈阶段");
    check_one_of(out, "contract_type", d.contract_type, kContractTypes, "签约类型");
    if (d.contract_amount < 0) {
        out.push_back({"contract_amount", "签约额不能为负数"});
    }
    check_region_zone(out, refs, d.region_id, d.zone_id);
    check_industry_category(out, refs, d.industry_id, d.category_id);
    if (refs && refs->projects_loaded && d.project_id && !refs->projects.count(*d.project_id))
        out.push_back({"project_id", "关联的项目（编号 " + std::to_string(*d.project_id) + "）不存在"});
    check_date(out, "lead_date", d.lead_date, "线索日期");
    check_date(out, "negotiation_date", d.negotiation_date, "洽谈日期");
    check_date(out, "signed_date", d.signed_date, "签约日期");
    check_date(out, "registered_date", d.registered_date, "注册日期");
    check_date(out, "started_date", d.started_date, "开工日期");
    check_date(out, "operating_date", d.operating_date, "投产日期");
    check_date(out, "terminated_date", d.terminated_date, "终止日期");
    auto valid = [](const std::optional<std::string>& x) { return x && is_valid_date_text(*x); };
    if (valid(d.signed_date) && valid(d.started_date) && date_after(*d.signed_date, *d.started_date))
        out.push_back({"started_date", "开工日期（" + *d.started_date + "）早于签约日期（" + *d.signed_date + "）"});
    if (valid(d.started_date) && valid(d.operating_date) && date_after(*d.started_date, *d.operating_date))
        out.push_back({"operating_date", "投产日期（" + *d.operating_date + "）早于开工日期（" + *d.started_date + "）"});
    for (std::size_t i = 0; i < d.funds.size(); ++i)
        for (auto issue : validate_funds(d.funds[i])) {
            issue.field = "funds[" + std::to_string(i + 1) + "]." + issue.field;
            out.push_back(std::move(issue));
        }
    for (std::size_t i = 0; i < d.followups.size(); ++i)
        for (auto issue : validate_followup(d.followups[i])) {
            issue.field = "followups[" + std::to_string(i + 1) + "]." + issue.field;
            out.push_back(std::move(issue));
        }
    return out;
}

std::vector<FieldIssue> validate_funds(const FundsInPlace& f) {
    std::vector<FieldIssue> out;
    if (!is_valid_day_text(f.date)) out.push_back({"date", "到位日期“" + f.date + "”不是有效日期，应为 YYYY-MM-DD"});
    if (f.amount < 0) out.push_back({"amount", "到位资金不能为负数"});
    if (f.currency == Currency::CNY) {
        if (f.rate_micro != 1'000'000) out.push_back({"rate_micro", "人民币到位资金的汇率应为 1"});
        if (f.amount_cny.fen != f.amount) out.push_back({"amount_cny", "人民币到位资金的折合人民币金额应等于金额"});
    } else {
        if (f.rate_micro <= 0) out.push_back({"rate_micro", "美元到位资金必须填写汇率（大于 0）"});
        else if (f.amount_cny != usd_to_cny(UsdMoney{f.amount}, f.rate_micro))
            out.push_back({"amount_cny", "折合人民币金额与金额×汇率不符"});
    }
    return out;
}

std::vector<FieldIssue> validate_followup(const FollowUp& f) {
    std::vector<FieldIssue> out;
    if (!is_valid_day_text(f.date)) out.push_back({"date", "跟进日期“" + f.date + "”不是有效日期，应为 YYYY-MM-DD"});
    check_required(out, "note", f.note, "跟进内容");
    return out;
}

}  // namespace il::validate
