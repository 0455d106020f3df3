#include <doctest/doctest.h>

#include <algorithm>

#include "core/validate/completeness.h"
#include "core/validate/project_rules.h"

using namespace il;
using namespace il::validate;

namespace {
bool has(const std::vector<FieldIssue>& v, const std::string& field) {
    return std::any_of(v.begin(), v.end(), [&](const FieldIssue& i) { return i.field == field; });
}
References refs() {
    References r;
    r.regions = {1, 2};
    r.region_names = {{1, "广阳区"}, {2, "固安县"}};
    r.zone_region = {{10, 1}, {20, 2}};
    r.zone_names = {{10, "龙河高新区"}, {20, "固安工业园区"}};
    r.industries = {5};
    r.categories = {7};
    return r;
}
Project good() {
    Project p;
    p.name = "华为云计算";
    p.region_id = 1;
    p.zone_id = 10;
    p.industry_id = 5;
    p.category_id = 7;
    p.total_investment = Money::from_wan(100000);
    p.stage = "续建";
    return p;
}
}  // namespace

TEST_CASE("a complete project is valid") {
    auto r = refs();
    CHECK(validate_project(good(), &r).empty());
    auto p = good();
    p.code = "2017-131003-47-01-012345";
    p.actual_start = "2017-03";
    p.actual_completion = "2018-12-31";
    p.stage = "竣工";
    CHECK(validate_project(p, &r).empty());
}

TEST_CASE("project rules each name the field") {
    auto r = refs();
    auto p = good();
    SUBCASE("empty name") { p.name = "  　"; CHECK(has(validate_project(p, &r), "name")); }
    SUBCASE("negative total") { p.total_investment = Money::from_fen(-1); CHECK(has(validate_project(p, &r), "total_investment")); }
    SUBCASE("negative plan") { p.annual_plans[2017] = Money::from_wan(-5); CHECK(has(validate_project(p, &r), "annual_plans")); }
    SUBCASE("plan above total") { p.annual_plans[2017] = Money::from_wan(100001); CHECK(has(validate_project(p, &r), "annual_plans")); }
    SUBCASE("start after completion") {
        p.actual_start = "2018-05-02";
        p.actual_completion = "2018-05-01";
        auto v = validate_project(p, &r);
        REQUIRE(has(v, "actual_start"));
        CHECK(v[0].reason.find("晚于") != std::string::npos);
    }
    SUBCASE("same month at different precision is not 'after'") {
        p.actual_start = "2018-05-20";
        p.actual_completion = "2018-05";
        CHECK(validate_project(p, &r).empty());
    }
    // Missing information is a warning (completeness.h), not a rejection
    SUBCASE("竣工 without completion") {
        p.stage = "竣工";
        CHECK_FALSE(has(validate_project(p, &r), "actual_completion"));
        CHECK(has(missing_information(p), "actual_completion"));
    }
    SUBCASE("投产 without completion") {
        p.stage = "投产";
        CHECK_FALSE(has(validate_project(p, &r), "actual_completion"));
        CHECK(has(missing_information(p), "actual_completion"));
        p.actual_completion = "2017-05";
        CHECK_FALSE(has(missing_information(p), "actual_completion"));
    }
    SUBCASE("no project code") {
        p.code.reset();
        CHECK(validate_project(p, &r).empty());
        CHECK(has(missing_information(p), "code"));
        CHECK(warnings_text(missing_information(p)) == "缺项目代码");
    }
    SUBCASE("unknown stage") { p.stage = "完工"; CHECK(has(validate_project(p, &r), "stage")); }
    SUBCASE("unknown nature") { p.nature = "新增"; CHECK(has(validate_project(p, &r), "nature")); }
    SUBCASE("unknown level") { p.level = "国家重点"; CHECK(has(validate_project(p, &r), "level")); }
    SUBCASE("unknown region") { p.region_id = 3; p.zone_id.reset(); CHECK(has(validate_project(p, &r), "region_id")); }
    SUBCASE("no region") { p.region_id = 0; p.zone_id.reset(); CHECK(has(validate_project(p, &r), "region_id")); }
    SUBCASE("unknown zone") { p.zone_id = 30; CHECK(has(validate_project(p, &r), "zone_id")); }
    SUBCASE("zone outside region") {
        p.zone_id = 20;
        auto v = validate_project(p, &r);
        REQUIRE(has(v, "zone_id"));
        CHECK(v[0].reason.find("固安工业园区") != std::string::npos);
        CHECK(v[0].reason.find("广阳区") != std::string::npos);
    }
    SUBCASE("unknown industry and category") {
        p.industry_id = 6;
        p.category_id = 8;
        auto v = validate_project(p, &r);
        CHECK(has(v, "industry_id"));
        CHECK(has(v, "category_id"));
    }
    SUBCASE("malformed code") { p.code = "2017-131003-47-01-12345"; CHECK(has(validate_project(p, &r), "code")); }
    SUBCASE("malformed dates") {
        p.planned_start = "2017/03";
        p.planned_completion = "2017-02-30";
        p.actual_start = "2017-13";
        p.actual_completion = "17-01-01";
        auto v = validate_project(p, &r);
        CHECK(has(v, "planned_start"));
        CHECK(has(v, "planned_completion"));
        CHECK(has(v, "actual_start"));
        CHECK(has(v, "actual_completion"));
    }
    SUBCASE("approvals") {
        p.approvals.push_back({"环评", "已办", "廊环审〔2017〕12号", std::string("2017-02")});
        p.approvals.push_back({"环评", "在办", "", std::nullopt});
        p.approvals.push_back({"消防", "已办", "", std::nullopt});
        auto v = validate_project(p, &r);
        CHECK(std::count_if(v.begin(), v.end(), [](auto& i) { return i.field == "approvals"; }) == 3);
    }
}

TEST_CASE("reference checks are skipped without references") {
    auto p = good();
    p.region_id = 99;
    p.zone_id = 98;
    CHECK(validate_project(p).empty());
}

TEST_CASE("progress rules") {
    ProgressEntry e{1, 2017, 6, Money::from_wan(100), Money::from_wan(600), "", ""};
    CHECK(validate_progress(e, Money::from_wan(1000)).empty());
    CHECK(has(validate_progress(e, Money::from_wan(500)), "completed_ytd"));   // ytd above total
    CHECK(validate_progress(e, Money{}).empty());                             // no total: no upper bound
    e.completed_month = Money::from_wan(-1);
    CHECK(has(validate_progress(e, Money::from_wan(1000)), "completed_month"));
    e.completed_month = Money{};
    e.month = 13;
    CHECK(has(validate_progress(e, Money::from_wan(1000)), "month"));
}

TEST_CASE("problem rules") {
    Problem p;
    p.description = "征地拆迁未完成";
    CHECK(validate_problem(p).empty());
    p.status = "督办";
    CHECK(has(validate_problem(p), "supervised_date"));
    p.supervised_date = "2017-05-01";
    p.status = "销号";
    CHECK(has(validate_problem(p), "closed_date"));
    p.closed_date = "2017-04-01";
    p.assigned_date = "2017-04-10";
    CHECK(has(validate_problem(p), "closed_date"));
    p.description = "";
    CHECK(has(validate_problem(p), "description"));
}
