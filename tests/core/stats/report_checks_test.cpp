#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>

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

// The checks read the period's entries from an index in one pass (migration 0003), comparing each
// entry with the previous entry of its project and year: a wrong row anywhere in that range is
// still caught — in the year before, in January (previous = 0), after a gap of months, and in a
// project outside the region asked for only when that region is not the scope.
TEST_CASE("report checks: wrong rows are caught wherever they are in the period's range") {
    auto db = demo_city();
    const Period june{2017, 6};
    auto project_with = [&](const std::string& where) {
        return one(*db, "SELECT g.project_id FROM progress g WHERE " + where + " ORDER BY g.project_id LIMIT 1");
    };
    auto rules_of = [](const std::vector<CheckFinding>& f) {
        std::string r;
        for (const auto& x : f) r += std::string(x.rule) + "@" + std::to_string(x.month.year) + "-" + std::to_string(x.month.month) + " ";
        return r;
    };

    // January of the year before: completed_month must equal ytd (no previous entry).
    const auto a = project_with("g.year = 2016 AND g.month = 1 AND g.completed_ytd > 0");
    db->sql().exec("UPDATE progress SET completed_month = completed_month + 1 WHERE project_id = " + std::to_string(a) +
                   " AND year = 2016 AND month = 1");
    auto f = run_report_checks(*db, june);
    REQUIRE_MESSAGE(f.size() == 1, rules_of(f));
    CHECK(f[0].project_id == a);
    CHECK(f[0].month == Period{2016, 1});
    CHECK(f[0].rule == std::string(kRuleMonthEqualsYtdDelta));
    // Outside a scope that does not hold the project, inside one that does.
    const auto region_a = one(*db, "SELECT region_id FROM projects WHERE id = " + std::to_string(a));
    CHECK(run_report_checks(*db, june, CheckScope{region_a, std::nullopt}).size() == 1);
    const auto other_region = one(*db, "SELECT id FROM regions WHERE id <> " + std::to_string(region_a) + " ORDER BY id LIMIT 1");
    CHECK(run_report_checks(*db, june, CheckScope{other_region, std::nullopt}).empty());
    db->sql().exec("UPDATE progress SET completed_month = completed_month - 1 WHERE project_id = " + std::to_string(a) +
                   " AND year = 2016 AND month = 1");
    CHECK(run_report_checks(*db, june).empty());

    // A gap: without the April entry, May's month figure is compared with March's ytd.
    const auto b = project_with("g.year = 2017 AND g.month = 4 AND g.completed_month > 0");
    db->sql().exec("DELETE FROM progress WHERE project_id = " + std::to_string(b) + " AND year = 2017 AND month = 4");
    f = run_report_checks(*db, june);
    REQUIRE_MESSAGE(f.size() == 1, rules_of(f));
    CHECK(f[0].project_id == b);
    CHECK(f[0].month == Period{2017, 5});
    CHECK(f[0].rule == std::string(kRuleMonthEqualsYtdDelta));
    // Made consistent across the gap: clean again.
    db->sql().exec("UPDATE progress SET completed_month = completed_ytd - (SELECT completed_ytd FROM progress WHERE project_id = " +
                   std::to_string(b) + " AND year = 2017 AND month = 3) WHERE project_id = " + std::to_string(b) +
                   " AND year = 2017 AND month = 5");
    CHECK(run_report_checks(*db, june).empty());

    // A month after the report month is not part of it; the report month itself is.
    const auto c = project_with("g.year = 2017 AND g.month = 7 AND g.completed_ytd > 0");
    db->sql().exec("UPDATE progress SET completed_ytd = completed_ytd + 7 WHERE project_id = " + std::to_string(c) +
                   " AND year = 2017 AND month IN (6, 7)");
    f = run_report_checks(*db, june);
    REQUIRE_MESSAGE(f.size() == 1, rules_of(f));
    CHECK(f[0].month == june);
    CHECK(f[0].project_id == c);
    CHECK(run_report_checks(*db, {2017, 5}).empty());
}

// The checks' statements use indexes (no full scan of the monthly table or of the projects'
// rows): what keeps them cheap at 100,000 projects.
TEST_CASE("report checks: query plans seek instead of scanning the tables") {
    auto db = demo_city();
    auto plan = [&](const std::string& sql) {
        SQLite::Statement q(db->sql(), "EXPLAIN QUERY PLAN " + sql);
        std::string out;
        while (q.executeStep()) out += q.getColumn(3).getString() + "\n";
        return out;
    };
    const std::string pass = plan("SELECT project_id, month, completed_month, completed_ytd FROM progress "
                                  "WHERE year = 2017 AND month <= 6 ORDER BY month, project_id");
    CHECK_MESSAGE(pass.find("COVERING INDEX progress_period") != std::string::npos, pass);
    CHECK_MESSAGE(pass.find("TEMP B-TREE") == std::string::npos, pass);
    // A region's projects are sought, not scanned.
    const std::string totals = plan("SELECT p.id, p.total_investment, CASE WHEN length(p.actual_start) >= 7 "
                                    "THEN substr(p.actual_start, 1, 7) END FROM projects p "
                                    "WHERE p.region_id = 1");
    CHECK_MESSAGE(totals.find("SEARCH p USING INDEX projects_region") != std::string::npos, totals);
    const std::string under_way = plan("SELECT p.id, p.name, p.stage FROM projects p WHERE p.stage IN ('新开工', '续建') "
                                       "AND (p.actual_start IS NULL OR length(p.actual_start) < 7)");
    CHECK_MESSAGE(under_way.find("SEARCH p USING INDEX projects_stage_start") != std::string::npos, under_way);
    // The facts of the projects (total, start month) for the start-date rule, which the pass over
    // progress_period decides: a narrow covering index, and no statement of the checks scans the
    // monthly table.
    const std::string facts = plan("SELECT p.id, p.total_investment, CASE WHEN length(p.actual_start) >= 7 "
                                   "THEN substr(p.actual_start, 1, 7) END FROM projects p");
    CHECK_MESSAGE(facts.find("COVERING INDEX projects_checks") != std::string::npos, facts);
    for (const auto& sql : {pass, totals, under_way, facts}) CHECK_MESSAGE(sql.find("SCAN progress") == std::string::npos, sql);
}

namespace {

// The start-date rule as it was written before migration 0007 (a join of the late-starting
// projects with their months, the month as printf text against substr of the start date): the
// oracle the pass over progress_period must agree with, finding by finding.
std::string start_rule_by_sql(db::Database& db, Period period) {
    char lo[16];
    std::snprintf(lo, sizeof lo, "%04d-01", period.year - 1);
    SQLite::Statement e(db.sql(),
                        "SELECT p.id, g.year, MIN(g.month), p.actual_start FROM projects p CROSS JOIN progress g "
                        "ON g.project_id = p.id AND g.year IN (?1, ?2) "
                        "WHERE p.actual_start > ?4 AND length(p.actual_start) >= 7 AND g.month <= ?3 AND "
                        "g.completed_ytd > 0 AND printf('%04d-%02d', g.year, g.month) < substr(p.actual_start, 1, 7) "
                        "GROUP BY p.id, g.year ORDER BY p.id, g.year");
    e.bind(1, period.year);
    e.bind(2, period.year - 1);
    e.bind(3, period.month);
    e.bind(4, std::string(lo));
    std::string out;
    while (e.executeStep())
        out += std::to_string(e.getColumn(0).getInt64()) + "@" + std::to_string(e.getColumn(1).getInt()) + "-" +
               std::to_string(e.getColumn(2).getInt()) + " " + e.getColumn(3).getString() + "\n";
    return out;
}

std::string start_rule_found(db::Database& db, Period period) {
    std::string out;
    for (const auto& f : run_report_checks(db, period)) {
        if (f.rule != std::string(kRuleUnderWayStarted) || f.message.find("已填报完成投资") == std::string::npos) continue;
        SQLite::Statement q(db.sql(), "SELECT actual_start FROM projects WHERE id = ?");
        q.bind(1, f.project_id);
        REQUIRE(q.executeStep());
        out += std::to_string(f.project_id) + "@" + std::to_string(f.month.year) + "-" + std::to_string(f.month.month) + " " +
               q.getColumn(0).getString() + "\n";
    }
    return out;
}

}  // namespace

// Investment reported before the start is found in the pass over the period's entries (the first
// invested month of each project and year against its start month, compared as text): the same
// findings, with the same message, as the join it replaced, for starts in the year before, in
// the report's year, after the period, in the first invested month itself, too short to have a
// month, and malformed; months after the report month do not count.
TEST_CASE("report checks: investment before the start is caught as before, wherever the start lies") {
    auto db = demo_city();
    const Period june{2017, 6};
    auto project_with = [&](const std::string& where, int nth) {
        return one(*db, "SELECT p.id FROM projects p WHERE " + where + " ORDER BY p.id LIMIT 1 OFFSET " + std::to_string(nth));
    };
    auto invested_in = [](int year, int month) {
        return "EXISTS (SELECT 1 FROM progress g WHERE g.project_id = p.id AND g.year = " + std::to_string(year) +
               " AND g.month = " + std::to_string(month) + " AND g.completed_ytd > 0)";
    };
    auto set_start = [&](std::int64_t id, const std::string& start) {
        db->sql().exec("UPDATE projects SET actual_start = " + (start.empty() ? std::string("NULL") : "'" + start + "'") +
                       " WHERE id = " + std::to_string(id));
    };
    REQUIRE(start_rule_by_sql(*db, june).empty());

    // Invested since January of both years: starts moved later.
    const std::string both = invested_in(2016, 1) + " AND " + invested_in(2017, 1) + " AND p.stage = '续建'";
    const auto a = project_with(both, 0), b = project_with(both, 1), c = project_with(both, 2), d = project_with(both, 3);
    const auto e = project_with(both, 4), f = project_with(both, 5);
    set_start(a, "2016-05-20");   // the year before: 2016-01 is before it
    set_start(b, "2018-02-01");   // after the period: January of both years
    set_start(c, "2016-01-31");   // the first invested month itself: no finding
    set_start(d, "2017");         // no month: not this rule (续建 with a start date of 4 characters)
    set_start(e, "2017/02/01");   // malformed: compared as text, '2017-01' < '2017/02'
    set_start(f, "2017-07-01");   // after the report month: 2016-01 and 2017-01
    const std::string expected = start_rule_by_sql(*db, june);
    CHECK(expected.find(std::to_string(a) + "@2016-1 2016-05-20") != std::string::npos);
    CHECK(expected.find(std::to_string(b) + "@2017-1 2018-02-01") != std::string::npos);
    CHECK(expected.find(std::to_string(c) + "@") == std::string::npos);
    CHECK(start_rule_found(*db, june) == expected);
    for (int month = 1; month <= 12; ++month) {
        CAPTURE(month);
        CHECK(start_rule_found(*db, {2017, month}) == start_rule_by_sql(*db, {2017, month}));
    }
    CHECK(start_rule_found(*db, {2018, 3}) == start_rule_by_sql(*db, {2018, 3}));

    // The message names the project, the first month invested before the start and the start date.
    for (const auto& x : run_report_checks(*db, june))
        if (x.project_id == a) {
            CHECK(x.month == Period{2016, 1});
            CHECK(x.message.find("项目 " + std::to_string(a) + "“" + x.project_name + "” 2016年1月：已填报完成投资，但实际开工日期 2016-05-20 在此之后") !=
                  std::string::npos);
        }

    // A start in the report's year after months with investment; the first entry of the year with
    // nothing invested does not count, the first with investment does.
    const auto g = project_with("p.stage = '新开工' AND p.actual_start LIKE '2017-0%' AND " + invested_in(2017, 6), 0);
    db->sql().exec("UPDATE progress SET completed_ytd = 0, completed_month = 0 WHERE project_id = " + std::to_string(g) +
                   " AND year = 2017 AND month < 6");
    db->sql().exec("UPDATE progress SET completed_month = completed_ytd WHERE project_id = " + std::to_string(g) +
                   " AND year = 2017 AND month = 6");
    set_start(g, "2017-06-15");
    CHECK(start_rule_found(*db, june).find(std::to_string(g) + "@") == std::string::npos);
    set_start(g, "2017-07-01");
    CHECK(start_rule_found(*db, june).find(std::to_string(g) + "@2017-6 2017-07-01") != std::string::npos);
    CHECK(start_rule_found(*db, june) == start_rule_by_sql(*db, june));
    CHECK(start_rule_found(*db, {2017, 5}).find(std::to_string(g) + "@") == std::string::npos);
}

// A region's or a zone's checks read its projects' entries by primary key instead of the
// whole area's pass: the findings are exactly the whole area's findings of its projects.
TEST_CASE("report checks: a scope finds exactly the whole area's findings of its projects") {
    auto db = demo_city();
    const Period june{2017, 6};
    auto ids = [&](const std::string& sql) {
        std::vector<std::int64_t> v;
        SQLite::Statement q(db->sql(), sql);
        while (q.executeStep()) v.push_back(q.getColumn(0).getInt64());
        return v;
    };
    // Wrong rows spread over the regions: a month figure off, a falling ytd, a total below the
    // ytd, a start after invested months, a start missing.
    const auto p = ids("SELECT DISTINCT project_id FROM progress WHERE year = 2017 AND month = 3 AND completed_ytd > 0 "
                       "ORDER BY project_id % 7, project_id LIMIT 10");
    REQUIRE(p.size() == 10);
    auto id = [&](int i) { return std::to_string(p[static_cast<std::size_t>(i)]); };
    db->sql().exec("UPDATE progress SET completed_month = completed_month + 3 WHERE project_id = " + id(0) + " AND year = 2017 AND month = 3");
    db->sql().exec("UPDATE progress SET completed_ytd = completed_ytd - 5 WHERE project_id = " + id(1) + " AND year = 2017 AND month = 3");
    db->sql().exec("UPDATE projects SET total_investment = 1 WHERE id = " + id(2));
    db->sql().exec("UPDATE projects SET actual_start = '2019-01-01' WHERE id = " + id(3));
    db->sql().exec("UPDATE projects SET actual_start = NULL, stage = '续建' WHERE id = " + id(4));
    db->sql().exec("UPDATE progress SET completed_month = completed_month - 1 WHERE project_id = " + id(5) + " AND year = 2016 AND month = 1");
    db->sql().exec("UPDATE projects SET actual_start = '2017-02' WHERE id = " + id(6));
    const auto all = run_report_checks(*db, june);
    REQUIRE(all.size() >= 7);
    auto text = [](const std::vector<CheckFinding>& f) {
        std::string s;
        for (const auto& x : f)
            s += std::to_string(x.project_id) + " " + x.month.key() + " " + x.rule + " " + x.project_name + " " + x.message + "\n";
        return s;
    };
    auto of_scope = [&](const std::string& where) {
        const auto in = ids("SELECT id FROM projects WHERE " + where);
        std::vector<CheckFinding> v;
        for (const auto& f : all)
            if (std::find(in.begin(), in.end(), f.project_id) != in.end()) v.push_back(f);
        return v;
    };
    std::size_t seen = 0;
    for (const auto region : ids("SELECT id FROM regions ORDER BY id")) {
        CAPTURE(region);
        const auto expected = of_scope("region_id = " + std::to_string(region));
        seen += expected.size();
        CHECK(text(run_report_checks(*db, june, CheckScope{region, std::nullopt})) == text(expected));
    }
    CHECK(seen == all.size());
    for (const auto zone : ids("SELECT id FROM zones ORDER BY id")) {
        CAPTURE(zone);
        CHECK(text(run_report_checks(*db, june, CheckScope{std::nullopt, zone})) == text(of_scope("zone_id = " + std::to_string(zone))));
        const auto region = one(*db, "SELECT region_id FROM zones WHERE id = " + std::to_string(zone));
        CHECK(text(run_report_checks(*db, june, CheckScope{region, zone})) ==
              text(of_scope("zone_id = " + std::to_string(zone) + " AND region_id = " + std::to_string(region))));
    }
    // The scope's statement seeks the monthly table by primary key.
    SQLite::Statement q(db->sql(), "EXPLAIN QUERY PLAN SELECT year, month, completed_month, completed_ytd FROM progress "
                                   "WHERE project_id = ?1 AND year BETWEEN ?2 AND ?3 AND month <= ?4 ORDER BY year, month");
    std::string plan;
    while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
    CHECK_MESSAGE(plan.find("SEARCH progress USING PRIMARY KEY") != std::string::npos, plan);
    CHECK_MESSAGE(plan.find("SCAN progress") == std::string::npos, plan);
    CHECK_MESSAGE(plan.find("TEMP B-TREE") == std::string::npos, plan);
}
