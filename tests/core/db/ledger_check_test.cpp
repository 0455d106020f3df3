#include <doctest/doctest.h>

#include "core/db/ledger_check.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

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
    auto db = il::test::open_test_ledger();
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
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    ProjectRepository repo(*db);
    Project p = test::sample_project(s);
    p.total_investment = Money::from_wan(1000);
    p.annual_plans.clear();
    repo.insert(p);
    repo.set_progress({p.id, 2017, 1, {}, Money::from_wan(300), "", ""}, true);
    auto& sql = *db;
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
    // a dangling reference (foreign keys off for this one write; a server cannot be made to take one)
    const bool file = db->engine() == il::db::storage::Engine::sqlite;
    if (file) {
        sql.exec("PRAGMA foreign_keys = OFF");
        sql.exec("INSERT INTO problems(uid, project_id, description, created_at, updated_at) VALUES('pb', 999, 'x', '', '')");
        sql.exec("PRAGMA foreign_keys = ON");
    }

    auto sum = check_ledger(*db);
    CHECK_FALSE(sum.clean());
    CHECK(has(sum, "progress", "completed_ytd"));    // decreasing, and above total
    CHECK(has(sum, "progress", "completed_month"));  // month 3 figure wrong
    CHECK(has(sum, "projects", "zone_id"));
    // 竣工 without its date is missing information: a warning, not a finding
    CHECK_FALSE(has(sum, "projects", "actual_completion"));
    bool warned = false;
    for (const auto& w : sum.missing) warned = warned || (w.table == "projects" && w.field == "actual_completion");
    CHECK(warned);
    CHECK(has(sum, "renovations", "equipment_investment"));
    if (file) CHECK(has(sum, "problems", ""));       // foreign_key_check
    for (const auto& f : sum.findings) CHECK_FALSE(f.reason.empty());
}

TEST_CASE("check: warnings before a submission, the ledger still clean") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    ProjectRepository repo(*db);
    // A 2017 plan of 0 with completion in 2017; another project planned as it should be.
    Project unplanned = test::sample_project(s, "无计划项目");
    unplanned.annual_plans[2017] = Money{};
    repo.insert(unplanned);
    repo.set_progress({unplanned.id, 2017, 3, {}, Money::from_wan(500), "", ""}, true);
    Project planned = test::sample_project(s, "有计划项目");
    repo.insert(planned);
    repo.set_progress({planned.id, 2017, 3, {}, Money::from_wan(500), "", ""}, true);
    // A region that is itself a zone (廊坊经济技术开发区 in the Langfang dictionary), a project in
    // it without the zone, and one with it.
    DictionaryRepository dict(*db);
    Region zr{0, "", "", "廊坊经济技术开发区"};
    zr.kind = "开发区单列";
    std::int64_t zone_region = dict.add_region(zr);
    Zone z;
    z.region_id = zone_region;
    z.name = "廊坊经济技术开发区";
    std::int64_t zone = dict.add_zone(z);
    Project no_zone = test::sample_project(s, "开发区内无开发区项目");
    no_zone.region_id = zone_region;
    no_zone.zone_id.reset();
    repo.insert(no_zone);
    Project with_zone = test::sample_project(s, "开发区内项目");
    with_zone.region_id = zone_region;
    with_zone.zone_id = zone;
    repo.insert(with_zone);
    // A project without a zone in an ordinary county is fine.
    Project county = test::sample_project(s, "县城项目");
    county.zone_id.reset();
    repo.insert(county);

    auto sum = check_ledger(*db);
    CHECK(sum.clean());
    REQUIRE(sum.warnings() == 2);
    CHECK(sum.errors() == 0);
    const CheckFinding* plan = nullptr;
    const CheckFinding* zone_finding = nullptr;
    for (const auto& f : sum.findings) {
        CHECK(f.warning);
        if (f.field == "planned_investment") plan = &f;
        if (f.field == "zone_id") zone_finding = &f;
    }
    REQUIRE(plan);
    CHECK(plan->record_id == unplanned.id);
    CHECK(plan->reason.find("2017年计划投资为 0") != std::string::npos);
    CHECK(plan->reason.find("500.00") != std::string::npos);
    REQUIRE(zone_finding);
    CHECK(zone_finding->record_id == no_zone.id);
    CHECK(zone_finding->reason.find("廊坊经济技术开发区") != std::string::npos);
}
