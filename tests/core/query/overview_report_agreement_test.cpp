// The 首页 and the reports must never disagree: for every month of the demo year, the figures the
// 首页 shows (load_overview -> compute_period_figures) equal the rows and 合计 of the
// 02-region-ranking report's query, region by region, to the 分 and to the project.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/demo/demo_generator.h"
#include "core/query/overview.h"
#include "core/report/report_generator.h"
#include "core/report/sql_query.h"
#include "core/report/template_catalog.h"
#include "core/stats/sql_functions.h"
#include "tests/support/test_ledger.h"

using namespace il;

namespace {
std::int64_t as_int(const report::SqlValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    return 0;
}
}  // namespace

TEST_CASE("overview: the 首页 figures equal the 02-region-ranking report for every month of the demo year") {
    auto db = il::test::open_test_ledger();
    demo::DemoOptions opt;
    opt.projects = 240;
    opt.renovations = 5;
    opt.deals = 5;
    demo::generate(*db, opt);
    const auto def = report::TemplateCatalog({std::filesystem::path(IL_TEMPLATES_DIR)}).load("02-region-ranking");
    REQUIRE(def.sheets.size() == 1);
    const std::string& sql = def.sheets[0].sql;

    for (int month = 1; month <= 12; ++month) {
        CAPTURE(month);
        const Period period{opt.year, month};
        const auto overview = query::load_overview(*db, period, 1);
        const auto& f = overview.figures;
        const auto rows = report::run_read_only_query(*db, sql, report::report_params(*db, period, ""), "regions.sql");
        const int name = rows.column_index("region"), projects = rows.column_index("projects"),
                  new_start = rows.column_index("new_start"), continuing = rows.column_index("continuing"),
                  completed = rows.column_index("completed"), investment = rows.column_index("total_investment"),
                  plan = rows.column_index("plan"), ytd = rows.column_index("ytd"), last = rows.column_index("ytd_last_year");
        REQUIRE(rows.rows.size() == f.regions.size());
        std::int64_t sum_projects = 0, sum_new = 0, sum_cont = 0, sum_done = 0, sum_inv = 0, sum_plan = 0, sum_ytd = 0, sum_last = 0;
        for (std::size_t i = 0; i < rows.rows.size(); ++i) {
            const auto& row = rows.rows[i];
            const auto& g = f.regions[i];
            CAPTURE(g.name);
            CHECK(std::get<std::string>(row[static_cast<std::size_t>(name)]) == g.name);
            CHECK(as_int(row[static_cast<std::size_t>(projects)]) == g.counts.total);
            CHECK(as_int(row[static_cast<std::size_t>(new_start)]) == g.counts.new_start);
            CHECK(as_int(row[static_cast<std::size_t>(continuing)]) == g.counts.continuing);
            CHECK(as_int(row[static_cast<std::size_t>(completed)]) == g.counts.completed + g.counts.operating);
            CHECK(as_int(row[static_cast<std::size_t>(investment)]) == g.total_investment.fen);
            CHECK(as_int(row[static_cast<std::size_t>(plan)]) == g.annual_plan.fen);
            CHECK(as_int(row[static_cast<std::size_t>(ytd)]) == g.completed.fen);
            CHECK(as_int(row[static_cast<std::size_t>(last)]) == g.completed_last_year.fen);
            sum_projects += as_int(row[static_cast<std::size_t>(projects)]);
            sum_new += as_int(row[static_cast<std::size_t>(new_start)]);
            sum_cont += as_int(row[static_cast<std::size_t>(continuing)]);
            sum_done += as_int(row[static_cast<std::size_t>(completed)]);
            sum_inv += as_int(row[static_cast<std::size_t>(investment)]);
            sum_plan += as_int(row[static_cast<std::size_t>(plan)]);
            sum_ytd += as_int(row[static_cast<std::size_t>(ytd)]);
            sum_last += as_int(row[static_cast<std::size_t>(last)]);
        }
        // the report's 合计 row is the sum of its region rows; the 首页's tiles show f.total
        CHECK(sum_projects == f.total.counts.total);
        CHECK(sum_new == f.total.counts.new_start);
        CHECK(sum_cont == f.total.counts.continuing);
        CHECK(sum_done == f.total.counts.completed + f.total.counts.operating);
        CHECK(sum_inv == f.total.total_investment.fen);
        CHECK(sum_plan == f.total.annual_plan.fen);
        CHECK(sum_ytd == f.total.completed.fen);
        CHECK(sum_last == f.total.completed_last_year.fen);
        // the 首页 leaves the projects' details out: the figures are those with them
        const auto full = stats::compute_period_figures(*db, period);
        CHECK(full.total.completed == f.total.completed);
        CHECK(full.total.completed_last_year == f.total.completed_last_year);
        CHECK(full.total.counts.total == f.total.counts.total);
        CHECK(full.total.red == f.total.red);
        CHECK(full.total.yellow == f.total.yellow);
        CHECK(full.total.completed_since_start >= full.total.completed);
        // not a vacuous agreement: the demo year has figures in every month
        CHECK(f.total.counts.total > 100);
        CHECK(f.total.completed.fen > 0);
        CHECK(f.total.completed_last_year.fen > 0);
    }
}

// il_ytd, il_latest_month and il_since_start answer a statement over many projects from one pass
// over the index (after 1,000 lookups): on a demo ledger of 1,500 projects every answer, before
// and after that point, equals the plain SQL of the rule (latest month <= N, each earlier year's
// last year-to-date), for every month, this year and last.
TEST_CASE("sql functions: the per-project answers equal the plain SQL of the rules, looked up or loaded") {
    auto db = il::test::open_test_ledger();
    demo::DemoOptions opt;
    opt.projects = 1200;
    opt.renovations = 5;
    opt.deals = 5;
    demo::generate(*db, opt);
    if (!db->server()) stats::register_sql_functions(*db, stats::WarnThresholds{});  // a server has its own
    il::db::Query n(*db, "SELECT COUNT(*) FROM projects");
    REQUIRE(n.executeStep());
    REQUIRE(n.getColumn(0).getInt() > 1000);  // enough for the loaded answers to be used
    const char* sql = R"sql(
        WITH plain AS (
          SELECT p.id,
                 (SELECT MAX(g.month) FROM progress g WHERE g.project_id = p.id AND g.year = :y AND g.month <= :m) AS latest,
                 COALESCE((SELECT c.completed_ytd FROM progress c WHERE c.project_id = p.id AND c.year = :y
                           AND c.month = (SELECT MAX(g.month) FROM progress g WHERE g.project_id = p.id AND g.year = :y AND g.month <= :m)), 0) AS ytd,
                 COALESCE((SELECT SUM(e.completed_ytd) FROM progress e WHERE e.project_id = p.id AND e.year < :y
                           AND e.month = (SELECT MAX(e2.month) FROM progress e2 WHERE e2.project_id = p.id AND e2.year = e.year)), 0) AS earlier
          FROM projects p)
        SELECT COUNT(*),
               SUM(il_latest_month(id, :y, :m) IS DISTINCT FROM latest),
               SUM(il_ytd(id, :y, :m) <> ytd),
               SUM(il_since_start(id, :y, :m) <> earlier + ytd),
               SUM(ytd), SUM(latest IS NOT NULL)
        FROM plain)sql";
    for (int year : {opt.year - 1, opt.year})
        for (int month = 1; month <= 12; ++month) {
            CAPTURE(year);
            CAPTURE(month);
            il::db::Query q(*db, sql);
            q.bind(":y", year);
            q.bind(":m", month);
            REQUIRE(q.executeStep());
            CHECK(q.getColumn(1).getInt() == 0);
            CHECK(q.getColumn(2).getInt() == 0);
            CHECK(q.getColumn(3).getInt() == 0);
            CHECK(q.getColumn(4).getInt64() > 0);   // not vacuous: figures there
            CHECK(q.getColumn(5).getInt() > 500);   // many projects with a row (past the 1,000 lookups, all loaded)
        }
}
