#include "core/validate/completeness.h"

#include "core/validate/common.h"

namespace il::validate {
namespace {
bool empty_opt(const std::optional<std::string>& s) { return !s || is_blank(*s); }
}  // namespace

std::vector<FieldIssue> missing_information(const Project& p) {
    std::vector<FieldIssue> out;
    if ((p.stage == "竣工" || p.stage == "投产") && empty_opt(p.actual_completion))
        out.push_back({"actual_completion", "项目阶段为" + p.stage + "，缺实际竣工时间"});
    if (empty_opt(p.code)) out.push_back({"code", "缺项目代码"});
    return out;
}

std::vector<FieldIssue> missing_information(const Renovation& r) {
    std::vector<FieldIssue> out;
    if ((r.stage == "竣工" || r.stage == "投产") && empty_opt(r.actual_completion))
        out.push_back({"actual_completion", "项目阶段为" + r.stage + "，缺实际竣工时间"});
    if (empty_opt(r.filing_number)) out.push_back({"filing_number", "缺备案号"});
    return out;
}

std::vector<FieldIssue> missing_information(const Deal& d) {
    std::vector<FieldIssue> out;
    if (d.stage != "终止" && is_blank(d.contact_person) && is_blank(d.contact_phone))
        out.push_back({"contact_person", "缺联系人"});
    return out;
}

std::string warnings_text(const std::vector<FieldIssue>& issues) {
    std::string s;
    for (const auto& i : issues) s += (s.empty() ? "" : "\n") + i.reason;
    return s;
}

}  // namespace il::validate
