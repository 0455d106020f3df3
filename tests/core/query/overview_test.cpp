#include <doctest/doctest.h>


#include "core/query/overview.h"
#include "query_fixture.h"

using namespace il;
using namespace il::query;

TEST_CASE("overview: by region, by stage, monthly curve, latest period, lagging projects") {
    auto db = db::Database::open_memory();
    query_test::fill_small_ledger(*db);
    auto regions = figures_by_region(*db, Period{2017, 2});
    REQUIRE(regions.size() == 2);
    CHECK(regions[0].region == "广阳区");
    CHECK(regions[0].projects == 2);
    CHECK(regions[0].plan == Money::from_fen(72000000000));
    CHECK(regions[0].ytd == Money::from_fen(30000000000));
    CHECK(regions[1].ytd == Money::from_fen(15000000000));

    auto stages = projects_by_stage(*db);
    REQUIRE(stages.size() == 3);
    CHECK(stages[0].stage == "前期");

    auto months = monthly_completed(*db, 2017);
    CHECK(months[0] == Money::from_fen(10000000000));
    CHECK(months[1] == Money::from_fen(35000000000));
    CHECK(months[2] == Money{});
    CHECK(latest_period(*db) == Period{2017, 2});

    // 序时进度 at 1-6月 is 50%: 华夏 12.5% (red at 30 points), 润泽 50% (fine), 新奥 0% (red).
    auto lag = lagging_projects(*db, Period{2017, 6}, 10, 30, 10);
    REQUIRE(lag.size() == 2);
    CHECK(lag[0].name == "新奥泛能网");
    CHECK(lag[0].red);
    CHECK(lag[1].name == "华夏AMOLED");
    CHECK(lag[1].completion_bp == 1250);
}


#include "core/query/name_lists.h"

TEST_CASE("name lists and the project a finding mentions") {
    auto db = db::Database::open_memory();
    query_test::fill_small_ledger(*db);
    auto regions = region_names(*db);
    REQUIRE(regions.size() == 2);
    CHECK(regions[0].second == "广阳区");
    CHECK(zone_regions(*db) == std::vector<std::pair<std::int64_t, std::int64_t>>{{1, 2}});
    CHECK(project_mentioned(*db, "润泽信息港：2017年3月累计小于2月") == 2);
    CHECK(project_mentioned(*db, "项目 2017-131000-39-01-000001 的累计超过总投资") == 1);
    CHECK_FALSE(project_mentioned(*db, "无关的文字").has_value());
}
