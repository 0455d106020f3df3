#include <doctest/doctest.h>

#include "core/db/ledger_check.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "ledger_fixture.h"

using namespace il;
using namespace il::db;

namespace {
bool has(const CheckSummary& s, const std::string& table, const std::string& field) {
    for (const auto& f : s.findings)
        if (f.table == table && f.field == field) return true;
    return false;
}
}  // namespace

TEST_CASE("check: a ledger written through the repositories is clean") {
    auto db = Database::open_memory();
    auto s = test::fill_small_ledger(*db);
    ProjectRepository repo(*db);
    Project p = test::sample_project(s);
    repo.insert(p);
    repo.set_progress({p.id, 2017, 1, Money::from_wan(100), {}, "", ""}, false);
    repo.set_progress({p.id, 2017, 2, Money::from_wan(100), {}, "", ""}, false);
    auto sum = check_ledger(*db);
    CHECK(sum.clean());
    CHECK(sum.projects == 1);
    CHECK(sum.progress_rows == 2);
}

TEST_CASE("check: finds what was written behind the repositories' back") {
    auto db = Database::open_memory();
    auto s = test::fill_small_ledger(*db);
    ProjectRepository repo(*db);
    Project p = test::sample_project(s);
    p.total_investment = Money::from_wan(1000);
    p.annual_plans.clear();
    repo.insert(p);
    repo.set_progress({p.id, 2017, 1, {}, Money::from_wan(300), "", ""}, true);
    auto& sql = db->sql();
    // a decreasing year-to-date, a wrong month figure, a ytd above the total
    sql.exec("INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, updated_at) "
             "VALUES(" + std::to_string(p.id) + ", 2017, 2, 0, 200000000, 'u2', '')");
    sql.exec("INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, updated_at) "
             "VALUES(" + std::to_string(p.id) + ", 2017, 3, 5, 1200000000, 'u3', '')");
    // a project whose zone lies in another region, and stage 投产 without completion date
    sql.exec("UPDATE projects SET zone_id = " + std::to_string(s.longhe) + ", stage = '投产' WHERE id = " +
             std::to_string(p.id));
    // a renovation with equipment above total
    sql.exec("INSERT INTO renovations(uid, enterprise, name, region_id, total_investment, equipment_investment, "
             "created_at, updated_at) VALUES('r1', '企业', '改造', " + std::to_string(s.gu_an) + ", 10, 20, '', '')");
    // a dangling reference (foreign keys off for this one write)
    sql.exec("PRAGMA foreign_keys = OFF");
    sql.exec("INSERT INTO problems(uid, project_id, description, created_at, updated_at) VALUES('pb', 999, 'x', '', '')");
    sql.exec("PRAGMA foreign_keys = ON");

    auto sum = check_ledger(*db);
    CHECK_FALSE(sum.clean());
    CHECK(has(sum, "progress", "completed_ytd"));    // decreasing, and above total
    CHECK(has(sum, "progress", "completed_month"));  // month 3 figure wrong
    CHECK(has(sum, "projects", "zone_id"));
    // 竣工 without its date is missing information: a warning, not a finding
    CHECK_FALSE(has(sum, "projects", "actual_completion"));
    bool warned = false;
    for (const auto& w : sum.warnings) warned = warned || (w.table == "projects" && w.field == "actual_completion");
    CHECK(warned);
    CHECK(has(sum, "renovations", "equipment_investment"));
    CHECK(has(sum, "problems", ""));                 // foreign_key_check
    for (const auto& f : sum.findings) CHECK_FALSE(f.reason.empty());
}
