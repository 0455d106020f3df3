#include "core/validate/dictionary_rules.h"

#include <array>

namespace il::validate {
namespace {
constexpr std::array<const char*, 3> kRegionKinds = {"县市区", "开发区单列", "市本级"};
constexpr std::array<const char*, 4> kZoneLevels = {"国家级", "省级", "市级", "其他"};
constexpr std::array<const char*, 5> kCategoryGroups = {"战略性新兴产业", "现代服务业", "传统产业", "现代农业", "其他"};
}  // namespace

std::vector<FieldIssue> validate_region(const Region& r) {
    std::vector<FieldIssue> out;
    check_required(out, "name", r.name, "县市区名称");
    check_one_of(out, "kind", r.kind, kRegionKinds, "类型");
    return out;
}

std::vector<FieldIssue> validate_zone(const Zone& z, const References* refs) {
    std::vector<FieldIssue> out;
    check_required(out, "name", z.name, "开发区名称");
    check_one_of(out, "level", z.level, kZoneLevels, "开发区级别");
    if (z.region_id <= 0) out.push_back({"region_id", "开发区所在县市区不能为空"});
    else if (refs && !refs->has_region(z.region_id))
        out.push_back({"region_id", "未知的县市区（编号 " + std::to_string(z.region_id) + "）"});
    return out;
}

std::vector<FieldIssue> validate_industry(const Industry& i) {
    std::vector<FieldIssue> out;
    check_required(out, "code", i.code, "行业代码");
    check_required(out, "name", i.name, "行业名称");
    return out;
}

std::vector<FieldIssue> validate_category(const Category& c) {
    std::vector<FieldIssue> out;
    check_required(out, "name", c.name, "产业类别名称");
    check_one_of(out, "group_name", c.group_name, kCategoryGroups, "产业大类");
    if (c.strategic_emerging && c.group_name != "战略性新兴产业")
        out.push_back({"strategic_emerging", "只有“战略性新兴产业”大类下的类别才能标为战略性新兴产业"});
    return out;
}

}  // namespace il::validate
