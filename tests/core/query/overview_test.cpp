#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/query/file_backup.h"
#include "core/query/overview.h"
#include "query_fixture.h"

using namespace il;
using namespace il::query;

TEST_CASE("overview: by region, by stage, monthly curve, latest period, lagging projects") {
    auto db = db::Database::open_memory();
    test::fill_small_ledger(*db);
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

TEST_CASE("backup and restore through the SQLite backup API") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "il_backup_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::path main = dir / "ledger.db", copy = dir / "copy.db";
    {
        auto db = db::Database::open(main);
        test::fill_small_ledger(*db);
        backup_database(*db, copy);
        db->sql().exec("DELETE FROM projects WHERE id = 3");
    }
    auto safety = restore_database(copy, main);
    CHECK(fs::exists(safety));
    {
        auto db = db::Database::open(main);
        SQLite::Statement q(db->sql(), "SELECT COUNT(*) FROM projects");
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getInt() == 3);
    }
    fs::path junk = dir / "junk.db";
    { std::ofstream(junk) << "not a database"; }
    CHECK_THROWS_AS(restore_database(junk, main), DatabaseError);
    CHECK_THROWS_AS(restore_database(dir / "missing.db", main), FileError);
    CHECK(default_backup_name(main).string().starts_with("ledger-"));
}
