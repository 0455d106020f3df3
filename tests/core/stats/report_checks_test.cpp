#include <doctest/doctest.h>

#include "core/db/database.h"
#include "core/demo/demo_generator.h"
#include "core/stats/report_checks.h"

using namespace il;
using namespace il::stats;

namespace {

std::int64_t one(db::Database& db, const std::string& sql) {
    SQLite::Statement q(db.sql(), sql);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
}

std::unique_ptr<db::Database> demo_city() {
    auto db = db::Database::open_memory();
    demo::DemoOptions o;
    o.projects = 400;
    o.renovations = 10;
    o.deals = 10;
    demo::generate(*db, o);
    return db;
}

}  // namespace

TEST_CASE("report checks: the demo city is clean for every month") {
    auto db = demo_city();
    for (int month = 1; month <= 12; ++month) {
        const auto findings = run_report_checks(*db, {2017, month});
        CHECK_MESSAGE(findings.empty(), "2017-" << month << ": " << (findings.empty() ? "" : findings[0].message));
    }
    CHECK(run_report_checks(*db, {2016, 12}).empty());
}

TEST_CASE("report checks: each injected violation is found, naming project, month and rule") {
    auto db = demo_city();
    const Period june{2017, 6};

    // 1. This month is not ytd minus last month's ytd.
    const auto a = one(*db, "SELECT project_id FROM progress WHERE year = 2017 AND month = 5 ORDER BY project_id LIMIT 1");
    db->sql().exec("UPDATE progress SET completed_month = completed_month + 10000 WHERE project_id = " + std::to_string(a) +
                   " AND year = 2017 AND month = 5");
    auto f = run_report_checks(*db, june);
    REQUIRE(f.size() == 1);
    CHECK(f[0].project_id == a);
    CHECK(f[0].month == Period{2017, 5});
    CHECK(f[0].rule == std::string(kRuleMonthEqualsYtdDelta));
    {
        SQLite::Statement q(db->sql(), "SELECT name FROM projects WHERE id = ?");
        q.bind(1, a);
        q.executeStep();
        CHECK(f[0].project_name == q.getColumn(0).getString());
    }
    CHECK(f[0].message.find("2017年5月") != std::string::npos);
    db->sql().exec("UPDATE progress SET completed_month = completed_month - 10000 WHERE project_id = " + std::to_string(a) +
                   " AND year = 2017 AND month = 5");
    CHECK(run_report_checks(*db, june).empty());

    // 2. Ytd falls (with a consistent negative month, so only this rule fires).
    const auto b = one(*db, "SELECT g.project_id FROM progress g JOIN progress h ON h.project_id = g.project_id AND h.year = 2017 "
                            "AND h.month = 5 WHERE g.year = 2017 AND g.month = 6 AND h.completed_ytd > 100 ORDER BY g.project_id LIMIT 1");
    db->sql().exec("UPDATE progress SET completed_ytd = (SELECT completed_ytd - 100 FROM progress WHERE project_id = " +
                   std::to_string(b) + " AND year = 2017 AND month = 5), completed_month = -100 WHERE project_id = " +
                   std::to_string(b) + " AND year = 2017 AND month = 6");
    f = run_report_checks(*db, june);
    REQUIRE(f.size() == 1);
    CHECK(f[0].project_id == b);
    CHECK(f[0].month == Period{2017, 6});
    CHECK(f[0].rule == std::string(kRuleYtdNotFalling));
    // Not part of a 1-5月 report.
    CHECK(run_report_checks(*db, {2017, 5}).empty());
    db->sql().exec("DELETE FROM progress WHERE project_id = " + std::to_string(b) + " AND year = 2017 AND month >= 6");

    // 3. Ytd above the total investment.
    // (a new start: no figures of the year before that would exceed the lowered total too)
    const auto c = one(*db, "SELECT g.project_id FROM progress g JOIN projects p ON p.id = g.project_id WHERE p.stage = '新开工' "
                            "AND g.year = 2017 AND g.month = 6 AND g.completed_month > 0 ORDER BY g.project_id DESC LIMIT 1");
    const auto old_total = one(*db, "SELECT total_investment FROM projects WHERE id = " + std::to_string(c));
    db->sql().exec("UPDATE projects SET total_investment = (SELECT completed_ytd - 1 FROM progress WHERE project_id = " +
                   std::to_string(c) + " AND year = 2017 AND month = 6) WHERE id = " + std::to_string(c));
    f = run_report_checks(*db, june);
    REQUIRE(f.size() == 1);
    CHECK(f[0].project_id == c);
    CHECK(f[0].month == Period{2017, 6});
    CHECK(f[0].rule == std::string(kRuleYtdWithinTotal));
    CHECK(f[0].message.find("9999万元") != std::string::npos);  // one 分 over: shown to the 分, not rounded away
    db->sql().exec("UPDATE projects SET total_investment = " + std::to_string(old_total) + " WHERE id = " + std::to_string(c));

    // 4a. Under way without a start date.
    const auto d = one(*db, "SELECT id FROM projects WHERE stage = '续建' ORDER BY id LIMIT 1");
    const auto d_start = [&] {
        SQLite::Statement q(db->sql(), "SELECT actual_start FROM projects WHERE id = ?");
        q.bind(1, d);
        q.executeStep();
        return q.getColumn(0).getString();
    }();
    db->sql().exec("UPDATE projects SET actual_start = NULL WHERE id = " + std::to_string(d));
    f = run_report_checks(*db, june);
    REQUIRE(f.size() == 1);
    CHECK(f[0].project_id == d);
    CHECK(f[0].rule == std::string(kRuleUnderWayStarted));
    CHECK(f[0].month == june);
    db->sql().exec("UPDATE projects SET actual_start = '" + d_start + "' WHERE id = " + std::to_string(d));

    // 4b. Investment reported before the actual start.
    const auto e = one(*db, "SELECT id FROM projects WHERE stage = '新开工' AND actual_start LIKE '2017-03-%' ORDER BY id LIMIT 1");
    db->sql().exec("UPDATE projects SET actual_start = '2017-05-20' WHERE id = " + std::to_string(e));
    f = run_report_checks(*db, june);
    REQUIRE(f.size() == 1);
    CHECK(f[0].project_id == e);
    CHECK(f[0].rule == std::string(kRuleUnderWayStarted));
    CHECK(f[0].month == Period{2017, 3});
    CHECK(f[0].message.find("2017-05-20") != std::string::npos);
}
