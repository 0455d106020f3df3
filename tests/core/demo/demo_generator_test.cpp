#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <set>

#include "core/db/database.h"
#include "core/demo/demo_generator.h"
#include "core/validate/project_code.h"
#include "tests/core/demo/demo_dump.h"

using namespace il;

namespace {

std::int64_t count(db::Database& db, const std::string& sql) {
    SQLite::Statement q(db.sql(), sql);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

struct Collecting : ProgressSink {
    std::vector<double> fractions;
    int cancel_after = -1;
    void step(std::string_view, double f) override { fractions.push_back(f); }
    bool cancelled() override { return cancel_after >= 0 && static_cast<int>(fractions.size()) > cancel_after; }
};

}  // namespace

TEST_CASE("demo: same seed gives the same data, another seed other data") {
    demo::DemoOptions o;
    o.projects = 150;
    o.renovations = 60;
    o.deals = 40;
    o.seed = 7;
    auto a = db::Database::open_memory();
    auto b = db::Database::open_memory();
    auto c = db::Database::open_memory();
    demo::generate(*a, o);
    demo::generate(*b, o);
    o.seed = 8;
    demo::generate(*c, o);
    CHECK(test::content_hash(*a) == test::content_hash(*b));
    CHECK(test::content_hash(*a) != test::content_hash(*c));
    // uids too are drawn from the seed
    CHECK(count(*a, "SELECT COUNT(*) FROM projects") == 150 + 45);  // and 30% more completed the year before
    SQLite::Statement qa(a->sql(), "SELECT uid FROM projects ORDER BY id LIMIT 1");
    SQLite::Statement qc(c->sql(), "SELECT uid FROM projects ORDER BY id LIMIT 1");
    qa.executeStep();
    qc.executeStep();
    CHECK(qa.getColumn(0).getString() != qc.getColumn(0).getString());
}

TEST_CASE("demo: the default city looks like Langfang's figures") {
    auto db = db::Database::open_memory();
    const auto t0 = std::chrono::steady_clock::now();
    const auto s = demo::generate(*db, demo::DemoOptions{});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("default demo city generated in " << seconds << " s");
    CHECK(seconds < 120.0);  // a hang guard only: speed is measured by benchmarks

    CHECK(s.projects == 1100);
    CHECK(s.history_projects == 330);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects") == 1430);
    // The demo year's ledger: every project not completed before it.
    const char* in_year = "(actual_completion IS NULL OR actual_completion >= '2017-01-01')";
    const auto ledger = count(*db, std::string("SELECT COUNT(*) FROM projects WHERE ") + in_year);
    CHECK(ledger > 1050);
    CHECK(ledger <= 1100);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE actual_completion < '2017-01-01'") > 330);
    CHECK(count(*db, "SELECT COUNT(*) FROM renovations") == 500);
    CHECK(count(*db, "SELECT COUNT(*) FROM deals") == 300);
    CHECK(s.progress_rows == count(*db, "SELECT COUNT(*) FROM progress"));
    CHECK(s.progress_rows > 1100 * 8);

    // The named projects come first.
    for (const char* name : {"润泽信息港", "华为云计算", "华夏AMOLED", "京东方二期", "郎创航天"})
        CHECK(count(*db, std::string("SELECT COUNT(*) FROM projects WHERE name = '") + name + "'") == 1);
    CHECK(count(*db, "SELECT COUNT(DISTINCT name) FROM projects") == 1430);

    // Strategic-emerging ~31% of the count.
    const double strategic = static_cast<double>(count(*db, "SELECT COUNT(*) FROM projects p JOIN categories c "
                                                            "ON c.id = p.category_id WHERE c.strategic_emerging = 1")) / 1430.0;
    CHECK(strategic > 0.26);
    CHECK(strategic < 0.36);
    CHECK(s.strategic_projects == static_cast<int>(std::lround(strategic * 1430)));

    // Sizes: 1亿..100亿, whole 万元.
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE total_investment < 10000000000 OR total_investment > 1000000000000") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE total_investment % 1000000 <> 0") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE total_investment >= 100000000000") > 20);  // some >= 10亿

    // Stage mix.
    auto share = [&](const char* stage) {
        return static_cast<double>(count(*db, std::string("SELECT COUNT(*) FROM projects WHERE stage = '") + stage + "' AND " + in_year)) /
               static_cast<double>(ledger);
    };
    CHECK(share("新开工") > 0.29);
    CHECK(share("新开工") < 0.41);
    CHECK(share("续建") > 0.34);
    CHECK(share("续建") < 0.46);
    CHECK(share("前期") + share("谋划") > 0.05);
    CHECK(share("停缓建") > 0.0);
    CHECK(share("竣工") + share("投产") > 0.03);

    // Every level, region and both years of plans and progress.
    CHECK(count(*db, "SELECT COUNT(DISTINCT level) FROM projects") == 3);
    CHECK(count(*db, "SELECT COUNT(DISTINCT region_id) FROM projects") == count(*db, "SELECT COUNT(*) FROM regions"));
    CHECK(count(*db, "SELECT COUNT(DISTINCT year) FROM project_plans") == 2);
    CHECK(count(*db, "SELECT COUNT(*) FROM progress WHERE year = 2016") > 3000);
    CHECK(count(*db, "SELECT COUNT(*) FROM progress WHERE year = 2017") > 5000);
    CHECK(count(*db, "SELECT COUNT(*) FROM approvals") == 6 * 1430);

    // Progress is consistent: ytd rises by the month's figure, never above the total investment.
    CHECK(count(*db, "SELECT COUNT(*) FROM (SELECT completed_month, completed_ytd, "
                     "LAG(completed_ytd, 1, 0) OVER (PARTITION BY project_id, year ORDER BY month) prev FROM progress) "
                     "WHERE completed_month <> completed_ytd - prev OR completed_month < 0") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM progress g JOIN projects p ON p.id = g.project_id "
                     "WHERE g.completed_ytd > p.total_investment") == 0);
    // Under-way projects have started by the end of the demo year; completed ones have a date.
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE stage IN ('新开工','续建') AND (actual_start IS NULL "
                     "OR actual_start > '2017-12-31')") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE stage IN ('竣工','投产') AND actual_completion IS NULL") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE stage = '新开工' AND actual_start NOT LIKE '2017-%'") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE actual_completion < actual_start") == 0);

    // National project codes: most projects have one, every one well-formed and unique.
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE code IS NOT NULL") > 800);
    {
        SQLite::Statement q(db->sql(), "SELECT code FROM projects WHERE code IS NOT NULL");
        int bad = 0;
        while (q.executeStep())
            if (!validate::is_valid_project_code(q.getColumn(0).getString())) ++bad;
        CHECK(bad == 0);
    }

    // Problems with a lifecycle.
    CHECK(count(*db, "SELECT COUNT(DISTINCT status) FROM problems") == 3);
    CHECK(count(*db, "SELECT COUNT(*) FROM problems WHERE status = '销号' AND closed_date IS NULL") == 0);

    // Deals: about a third from Beijing and Tianjin, foreign ones in USD with rates.
    const double jingjin = static_cast<double>(count(*db, "SELECT COUNT(*) FROM deals WHERE origin IN ('北京','天津')")) / 300.0;
    CHECK(jingjin > 0.25);
    CHECK(jingjin < 0.42);
    CHECK(count(*db, "SELECT COUNT(*) FROM deals WHERE is_foreign = 1 AND contract_currency <> 'USD'") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM deal_funds WHERE currency = 'USD'") > 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM deal_funds WHERE currency = 'USD' AND "
                     "(rate_micro < 6000000 OR rate_micro > 7500000)") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM deal_funds WHERE currency = 'CNY' AND amount_cny <> amount") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE is_jingjin = 1") > 150);

    // Targets for every region and zone, both years.
    CHECK(count(*db, "SELECT COUNT(*) FROM targets") ==
          2 * (count(*db, "SELECT COUNT(*) FROM regions") + count(*db, "SELECT COUNT(*) FROM zones")));
    CHECK(count(*db, "SELECT COUNT(*) FROM targets WHERE year = 2017 AND region_id IS NOT NULL AND investment <= 0") == 0);

    // Renovations: equipment within the total, unique filing numbers.
    CHECK(count(*db, "SELECT COUNT(*) FROM renovations WHERE equipment_investment > total_investment") == 0);
    CHECK(count(*db, "SELECT COUNT(DISTINCT filing_number) FROM renovations") == 500);
    CHECK(count(*db, "SELECT COUNT(*) FROM renovation_progress") > 0);

    // Places: no name twice in 建设地点 (廊坊经济技术开发区廊坊经济技术开发区), and in a region that is
    // itself a zone every project, renovation and deal is in one of its zones (so 开发区指标 and
    // 汇总排名 count the same projects there).
    CHECK(count(*db, "SELECT COUNT(*) FROM projects p JOIN regions r ON r.id = p.region_id LEFT JOIN zones z ON z.id = p.zone_id "
                     "WHERE instr(p.site, r.name || r.name) > 0 OR instr(p.site, z.name || z.name) > 0") == 0);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects p JOIN zones z ON z.id = p.zone_id WHERE instr(p.site, z.name) = 0") == 0);
    const char* zone_region = " x JOIN regions r ON r.id = x.region_id WHERE x.zone_id IS NULL AND EXISTS "
                              "(SELECT 1 FROM zones z WHERE z.region_id = r.id AND z.name = r.name)";
    CHECK(count(*db, "SELECT COUNT(*) FROM regions r WHERE EXISTS (SELECT 1 FROM zones z WHERE z.region_id = r.id AND z.name = r.name)") == 1);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects x JOIN regions r ON r.id = x.region_id WHERE r.kind = '开发区单列'") > 50);
    for (const char* table : {"projects", "renovations", "deals"}) {
        CAPTURE(table);
        CHECK(count(*db, std::string("SELECT COUNT(*) FROM ") + table + zone_region) == 0);
    }
}

TEST_CASE("demo: progress is reported and cancelling leaves nothing behind") {
    auto db = db::Database::open_memory();
    demo::DemoOptions o;
    o.projects = 200;
    Collecting sink;
    demo::generate(*db, o, sink);
    REQUIRE(sink.fractions.size() > 3);
    CHECK(std::is_sorted(sink.fractions.begin(), sink.fractions.end()));
    CHECK(sink.fractions.back() == doctest::Approx(1.0));

    auto db2 = db::Database::open_memory();
    Collecting cancel;
    cancel.cancel_after = 3;
    CHECK_THROWS_AS(demo::generate(*db2, o, cancel), Cancelled);
    CHECK(count(*db2, "SELECT COUNT(*) FROM projects") == 0);
    CHECK(count(*db2, "SELECT COUNT(*) FROM progress") == 0);
}

TEST_CASE("demo: bad options are refused") {
    auto db = db::Database::open_memory();
    demo::DemoOptions o;
    o.projects = -1;
    CHECK_THROWS_AS(demo::generate(*db, o), ValidationError);
    o.projects = 10;
    o.year = 1990;
    CHECK_THROWS_AS(demo::generate(*db, o), ValidationError);
}

TEST_CASE("demo: small counts still work, real names first") {
    auto db = db::Database::open_memory();
    demo::DemoOptions o;
    o.projects = 3;
    o.renovations = 0;
    o.deals = 0;
    const auto s = demo::generate(*db, o);
    CHECK(s.projects == 3);
    CHECK(count(*db, "SELECT COUNT(*) FROM projects WHERE name IN ('润泽信息港','华为云计算','华夏AMOLED')") == 3);
}
