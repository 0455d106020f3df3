#include <doctest/doctest.h>


#include "core/query/overview.h"
#include "core/stats/warning_list.h"
#include "core/util/error.h"
#include "query_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::query;

TEST_CASE("overview: monthly curve and latest period") {
    auto db = il::test::open_test_ledger();
    query_test::fill_small_ledger(*db);
    auto months = monthly_completed(*db, 2017);
    CHECK(months[0] == Money::from_fen(10000000000));
    CHECK(months[1] == Money::from_fen(35000000000));
    CHECK(months[2] == Money{});
    CHECK(latest_period(*db) == Period{2017, 2});
}

namespace {
// The small ledger with start dates: 华夏 and 润泽 under way, 新奥 due to start in 2017-02.
void with_starts(db::Database& db) {
    query_test::fill_small_ledger(db);
    query_test::exec(db, "UPDATE projects SET actual_start = '2016-03-01' WHERE id = 1;"
                         "UPDATE projects SET actual_start = '2017-02-01' WHERE id = 2;"
                         "UPDATE projects SET planned_start = '2017-02-01' WHERE id = 3;");
}
}  // namespace

TEST_CASE("overview: regions, stages and red/yellow projects come from core/stats") {
    auto db = il::test::open_test_ledger();
    with_starts(*db);
    // 1-6月: 序时进度 50%. 华夏 12.5% of plan (37.5 points behind: red over 30), 润泽 50% (green),
    // 新奥 planned to start 2017-02 and not started, 4 months late (red from 3).
    auto o = load_overview(*db, Period{2017, 6});
    REQUIRE(o.figures.regions.size() == 2);
    CHECK(o.figures.regions[0].name == "广阳区");
    CHECK(o.figures.regions[0].annual_plan == Money::from_fen(72000000000));
    CHECK(o.figures.regions[0].completed == Money::from_fen(30000000000));
    CHECK(o.figures.regions[1].completed == Money::from_fen(15000000000));
    CHECK(o.figures.total.counts.total == 3);
    CHECK(o.figures.total.counts.planning == 1);
    CHECK(o.figures.total.counts.new_start == 1);
    CHECK(o.figures.total.counts.continuing == 1);
    CHECK(o.figures.projects.empty());
    CHECK(o.this_year[1] == Money::from_fen(35000000000));
    CHECK(o.last_year[11] == Money::from_fen(7000000000));

    REQUIRE(o.warned.size() == 2);
    CHECK(o.figures.total.red == 2);
    // Both red: regions in dictionary order (广阳区 before 固安县).
    CHECK(o.warned[0].name == "新奥泛能网");
    CHECK(o.warned[0].light == stats::Light::Red);
    CHECK(o.warned[0].region == "广阳区");
    CHECK(o.warned[0].reason == "计划2017年2月开工，逾期4个月未开工");
    CHECK(o.warned[1].name == "华夏AMOLED");
    CHECK(o.warned[1].light == stats::Light::Red);
    CHECK(o.warned[1].completion.basis_points() == 1250);
    CHECK(o.warned[1].reason == "完成年度计划12.5%，落后序时进度37.5个百分点");

    // The thresholds are the settings the reports use: red before yellow whatever the region.
    db->set_setting("warn_not_started_red_months", "6");
    o = load_overview(*db, Period{2017, 6});
    REQUIRE(o.warned.size() == 2);
    CHECK(o.warned[0].name == "华夏AMOLED");
    CHECK(o.warned[0].light == stats::Light::Red);
    CHECK(o.warned[1].name == "新奥泛能网");
    CHECK(o.warned[1].light == stats::Light::Yellow);
    CHECK(o.figures.total.yellow == 1);
    db->set_setting("warn_yellow_points", "40");
    db->set_setting("warn_red_points", "50");
    o = load_overview(*db, Period{2017, 6});
    REQUIRE(o.warned.size() == 1);
    CHECK(o.warned[0].name == "新奥泛能网");
    db->set_setting("warn_red_points", "abc");
    CHECK_THROWS_AS(load_overview(*db, Period{2017, 6}), ValidationError);
}

TEST_CASE("warned projects: furthest behind first within a region, then by name") {
    stats::PeriodFigures f;
    f.regions.resize(2);
    f.regions[0].id = 7;
    f.regions[0].name = "甲区";
    f.regions[1].id = 3;
    f.regions[1].name = "乙县";
    auto add = [&](std::int64_t id, const char* name, std::int64_t region, stats::Light light, stats::Ratio behind) {
        stats::ProjectFigures p;
        p.id = id;
        p.name = name;
        p.region_id = region;
        p.in_scope = true;
        p.light.light = light;
        p.light.behind = behind;
        f.projects.push_back(p);
    };
    add(1, "b", 3, stats::Light::Yellow, stats::Ratio::of(15, 100));
    add(2, "a", 3, stats::Light::Yellow, stats::Ratio::of(15, 100));
    add(3, "c", 3, stats::Light::Yellow, stats::Ratio::of(25, 100));
    add(4, "d", 7, stats::Light::Yellow, {});
    add(5, "e", 7, stats::Light::Green, {});
    add(6, "f", 3, stats::Light::Red, stats::Ratio::of(40, 100));
    add(7, "g", 7, stats::Light::Yellow, stats::Ratio::of(11, 100));
    f.projects[1].in_scope = true;
    auto w = stats::warned_projects(f);
    std::vector<std::string> names;
    for (const auto& x : w) names.push_back(x.name);
    CHECK(names == std::vector<std::string>{"f", "g", "d", "c", "a", "b"});
    CHECK(w[1].region == "甲区");
}

#include "core/query/name_lists.h"

TEST_CASE("name lists and the project a finding mentions") {
    auto db = il::test::open_test_ledger();
    query_test::fill_small_ledger(*db);
    auto regions = region_names(*db);
    REQUIRE(regions.size() == 2);
    CHECK(regions[0].second == "广阳区");
    CHECK(zone_regions(*db) == std::vector<std::pair<std::int64_t, std::int64_t>>{{1, 2}});
    CHECK(project_mentioned(*db, "润泽信息港：2017年3月累计小于2月") == 2);
    CHECK(project_mentioned(*db, "项目 2017-131000-39-01-000001 的累计超过总投资") == 1);
    CHECK_FALSE(project_mentioned(*db, "无关的文字").has_value());
}
