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

