#include <doctest/doctest.h>

#include "core/demo/demo_generator.h"
#include "core/report/report_generator.h"
#include "tests/support/test_ledger.h"

using il::db::Database;

// The report's pre-checks are core/stats' rules limited to the report's scope: a demo city, whose
// progress is consistent month by month, passes them for any month, and a violation injected in
// one region is reported for that region's scope only.
TEST_CASE("report pre-checks follow core/stats rules and the report scope") {
    auto db = il::test::open_test_ledger();
    il::demo::DemoOptions options;
    options.projects = 160;
    options.renovations = 10;
    options.deals = 10;
    il::demo::generate(*db, options);

    for (int month : {3, 6, 9, 12}) CHECK(il::report::run_report_checks(*db, {2017, month}, "").empty());

    // A year-to-date that falls in May for one project under way in 2017.
    std::int64_t project_id = il::db::scalar_int(
        *db, "SELECT g.project_id FROM progress g WHERE g.year = 2017 AND g.month = 5 AND g.completed_ytd > 0 "
             "ORDER BY g.project_id LIMIT 1");
    std::string region = il::db::scalar_text(
        *db, "SELECT r.name FROM projects p JOIN regions r ON r.id = p.region_id WHERE p.id = " + std::to_string(project_id));
    std::string other =
        il::db::scalar_text(*db, "SELECT name FROM regions WHERE name <> '" + region + "' ORDER BY id LIMIT 1");
    db->exec("UPDATE progress SET completed_ytd = completed_ytd - 1000000 WHERE project_id = " +
                   std::to_string(project_id) + " AND year = 2017 AND month = 5");

    auto all = il::report::run_report_checks(*db, {2017, 6}, "");
    REQUIRE_FALSE(all.empty());
    CHECK(all[0].text.rfind(region, 0) == 0);  // starts with the project's region
    CHECK(il::report::run_report_checks(*db, {2017, 6}, region).size() == all.size());
    CHECK(il::report::run_report_checks(*db, {2017, 6}, other).empty());
}
