#include "core/validate/field_issue.h"

namespace il {
namespace {
std::string describe(const std::string& record, const std::vector<FieldIssue>& issues) {
    std::string s = record.empty() ? std::string("记录无效") : record + " 无效";
    for (const auto& i : issues) s += "\n  " + i.field + "：" + i.reason;
    return s;
}
}  // namespace

RecordInvalid::RecordInvalid(std::string record, std::vector<FieldIssue> issues)
    : ValidationError(describe(record, issues)), record_(std::move(record)), issues_(std::move(issues)) {}

}  // namespace il
