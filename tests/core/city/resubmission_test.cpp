// A re-submission of the same office and period: the per-record diff before accepting (new,
// changed fields, removed), the replacement on accept, rejection, 退回 and the audit log;
// conflicts between offices and their resolution.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/city/conflicts.h"
#include "core/city/intake.h"
#include "core/city/status_board.h"
#include "core/db/period_lock.h"
#include "core/import/read/workbook.h"
#include "tests/core/city/city_fixture.h"

namespace fs = std::filesystem;
using namespace il;

namespace {
struct Offices {
    test::CityDir dir{"resubmit"};
    report::TemplateCatalog catalog = test::shipped_templates();
    std::unique_ptr<db::Database> city;
    Offices() {
        auto demo = test::open_ledger(dir.path / "demo.db");
        demo::DemoOptions opt;
        opt.projects = 60;
        opt.renovations = 15;
        opt.deals = 20;
        demo::generate(*demo, opt);
        test::split_office(*demo, "文安县", dir.path);
        test::split_office(*demo, "廊坊经济技术开发区", dir.path);
        city = test::new_city(dir.path / "city.db");
    }
    fs::path submit(const std::string& office, const std::string& tag) {
        auto county = test::open_ledger(dir.path / (office + ".db"), office);
        city::SubmitRequest req;
        req.period = {2017, 6};
        req.out = dir.path / (office + "-" + tag + ".ilpkg");
        req.report_date = "2017-07-05";
        city::submit_package(*county, catalog, req);
        return req.out;
    }
    std::unique_ptr<db::Database> county(const std::string& office) {
        return test::open_ledger(dir.path / (office + ".db"), office);
    }
    std::int64_t count(const std::string& sql) { return city->sql().execAndGet(sql).getInt64(); }
};

const city::RecordChange* find_change(const city::IntakePreview& p, const std::string& uid) {
    for (const auto& c : p.changes)
        if (c.uid == uid) return &c;
    return nullptr;
}
}  // namespace

TEST_CASE("re-submission: the diff shows new, changed fields and removed records, and accepting replaces them") {
    Offices f;
    {
        city::Intake first(*f.city, f.submit("文安县", "v1"));
        CHECK_FALSE(first.preview().resubmission);
        first.accept();
    }
    std::string changed_uid, removed_uid, added_uid = "00000000-0000-4000-8000-000000000001";
    std::int64_t new_total = 0;
    {
        auto c = f.county("文安县");
        db::PeriodLocks(*c).unlock(2017, 6, "市局要求更正总投资");
        changed_uid = c->sql().execAndGet("SELECT uid FROM projects ORDER BY id LIMIT 1").getString();
        c->sql().exec("UPDATE projects SET total_investment = total_investment + 123456 WHERE uid = '" + changed_uid + "'");
        new_total = c->sql().execAndGet("SELECT total_investment FROM projects WHERE uid = '" + changed_uid + "'").getInt64();
        removed_uid = c->sql().execAndGet("SELECT uid FROM deals ORDER BY id LIMIT 1").getString();
        c->sql().exec("DELETE FROM deals WHERE uid = '" + removed_uid + "'");
        c->sql().exec("INSERT INTO projects(uid, name, region_id, total_investment, created_at, updated_at) SELECT '" +
                      added_uid + "', '补报的新项目', region_id, 500000000, created_at, updated_at FROM projects LIMIT 1");
    }
    city::Intake second(*f.city, f.submit("文安县", "v2"));
    const auto& p = second.preview();
    CHECK(p.resubmission);
    CHECK(p.count(city::ChangeKind::Added) == 1);
    CHECK(p.count(city::ChangeKind::Removed) == 1);
    CHECK(p.count(city::ChangeKind::Changed) == 1);
    auto* changed = find_change(p, changed_uid);
    REQUIRE(changed);
    CHECK(changed->change == city::ChangeKind::Changed);
    REQUIRE(changed->fields.size() == 1);
    CHECK(changed->fields[0].field == "总投资");
    CHECK(changed->fields[0].old_value != changed->fields[0].new_value);
    REQUIRE(find_change(p, removed_uid));
    CHECK(find_change(p, removed_uid)->change == city::ChangeKind::Removed);
    REQUIRE(find_change(p, added_uid));
    CHECK(find_change(p, added_uid)->label == "补报的新项目");
    // The text and JSON views name the same changes.
    CHECK(city::preview_text(p).find("变更  亿元以上项目") != std::string::npos);
    CHECK(city::preview_json(p).find(removed_uid) != std::string::npos);
    // Previewing writes nothing.
    CHECK(f.count("SELECT count(*) FROM deals WHERE uid = '" + removed_uid + "'") == 1);

    auto r = second.accept();
    CHECK(r.added == 1);
    CHECK(r.changed == 1);
    CHECK(r.removed == 1);
    CHECK(f.count("SELECT count(*) FROM deals WHERE uid = '" + removed_uid + "'") == 0);
    CHECK(f.count("SELECT total_investment FROM projects WHERE uid = '" + changed_uid + "'") == new_total);
    CHECK(f.count("SELECT count(*) FROM projects WHERE uid = '" + added_uid + "'") == 1);
    CHECK(f.count("SELECT count(*) FROM submissions WHERE status = 'superseded'") == 1);
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'accept'") == 2);

    // A third package, rejected: recorded with its reason, nothing merged.
    {
        auto c = f.county("文安县");
        db::PeriodLocks(*c).unlock(2017, 6, "再次更正");
        c->sql().exec("DELETE FROM projects WHERE uid = '" + added_uid + "'");
    }
    city::Intake third(*f.city, f.submit("文安县", "v3"));
    CHECK(third.preview().count(city::ChangeKind::Removed) == 1);
    CHECK_THROWS_AS(third.reject("  "), ValidationError);
    third.reject("数据与电话核实不符");
    CHECK(f.count("SELECT count(*) FROM projects WHERE uid = '" + added_uid + "'") == 1);
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'reject' AND reason LIKE '%数据与电话核实不符%'") == 1);

    // 退回 the accepted one: the board says so, with the reason; other offices are not in yet (late).
    city::return_submission(*f.city, "文安县", {2017, 6}, "形象进度填写不完整");
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'return'") == 1);
    auto board = city::status_board(*f.city, {2017, 6}, "2017-07-20");
    auto it = std::find_if(board.rows.begin(), board.rows.end(), [](const auto& r) { return r.office == "文安县"; });
    REQUIRE(it != board.rows.end());
    CHECK(it->status == city::BoardStatus::Returned);
    CHECK(it->reason == "形象进度填写不完整");
    CHECK(board.count(city::BoardStatus::NotSubmitted) == 10);
    CHECK(board.late() == 11);  // the returned one is not in by the due date either
    fs::path xlsx = f.dir.path / "board.xlsx";
    city::export_status_board(*f.city, board, xlsx);
    auto wb = import::read_xlsx(xlsx);
    REQUIRE(wb.sheets.size() == 1);
    bool seen = false;
    for (const auto& row : wb.sheets[0].rows)
        for (const auto& c : row.cells)
            if (c.text == "形象进度填写不完整") seen = true;
    CHECK(seen);
    CHECK_THROWS_AS(city::return_submission(*f.city, "霸州市", {2017, 6}, "x"), NotFoundError);
}

TEST_CASE("conflicts: the same project from two offices is held for the city to resolve, never duplicated") {
    Offices f;
    std::string code, moved_uid, local_name;
    {
        auto a = f.county("文安县");
        SQLite::Statement q(a->sql(), "SELECT uid, name FROM projects ORDER BY id LIMIT 2");
        q.executeStep();
        code = "91131026MA0TEST01";
        a->sql().exec("UPDATE projects SET code = '" + code + "' WHERE uid = '" + q.getColumn(0).getString() + "'");
        q.executeStep();
        local_name = q.getColumn(1).getString();
        // The project moved to the development zone: re-entered there under its code.
        auto b = f.county("廊坊经济技术开发区");
        moved_uid = b->sql().execAndGet("SELECT uid FROM projects ORDER BY id LIMIT 1").getString();
        b->sql().exec("UPDATE projects SET code = '" + code + "' WHERE uid = '" + moved_uid + "'");
    }
    // The city entered one of 文安县's projects itself (same name and region).
    f.city->sql().exec("INSERT INTO projects(uid, name, region_id, created_at, updated_at) VALUES("
                       "'11111111-1111-4111-8111-111111111111', '" + local_name +
                       "', (SELECT id FROM regions WHERE name = '文安县'), 'x', 'x')");
    {
        city::Intake a(*f.city, f.submit("文安县", "v1"));
        REQUIRE(a.preview().conflicts.size() == 1);
        CHECK(a.preview().conflicts[0].matched_by == "名称+县市区");
        CHECK(a.preview().conflicts[0].existing_office.empty());
        a.accept();
    }
    city::Intake b(*f.city, f.submit("廊坊经济技术开发区", "v1"));
    REQUIRE(b.preview().conflicts.size() == 1);
    CHECK(b.preview().conflicts[0].matched_by == "项目代码 " + code);
    CHECK(b.preview().conflicts[0].existing_office == "文安县");
    CHECK(city::preview_text(b.preview()).find("冲突") != std::string::npos);
    auto r = b.accept();
    CHECK(r.conflicts == 1);
    // Not duplicated, not dropped: one record under the code, the other held as a conflict.
    CHECK(f.count("SELECT count(*) FROM projects WHERE code = '" + code + "'") == 1);
    CHECK(f.count("SELECT count(*) FROM projects WHERE uid = '" + moved_uid + "'") == 0);
    auto open = city::list_conflicts(*f.city);
    REQUIRE(open.size() == 2);
    auto status = city::status_board(*f.city, {2017, 6}, "2017-07-01");
    for (const auto& row : status.rows)
        if (row.office == "文安县") CHECK(row.open_conflicts == 2);

    // The city takes the development zone's record for the moved project …
    auto moved = std::find_if(open.begin(), open.end(), [&](const auto& c) { return c.incoming_uid == moved_uid; });
    REQUIRE(moved != open.end());
    city::resolve_conflict(*f.city, moved->id, city::Resolution::TakeIncoming, "项目已迁入开发区");
    CHECK(f.count("SELECT count(*) FROM projects WHERE code = '" + code + "'") == 1);
    CHECK(f.count("SELECT count(*) FROM projects WHERE uid = '" + moved_uid + "' AND origin_office = '廊坊经济技术开发区'") == 1);
    CHECK(f.count("SELECT count(*) FROM progress WHERE project_id = (SELECT id FROM projects WHERE uid = '" + moved_uid +
                  "')") > 0);
    // … and keeps its own entry for the other.
    auto local = std::find_if(open.begin(), open.end(), [&](const auto& c) { return c.incoming_uid != moved_uid; });
    city::resolve_conflict(*f.city, local->id, city::Resolution::KeepExisting);
    CHECK(f.count("SELECT count(*) FROM projects WHERE name = '" + local_name + "'") == 1);
    CHECK(city::list_conflicts(*f.city).empty());
    CHECK(city::list_conflicts(*f.city, false).size() == 2);
    CHECK(f.count("SELECT count(*) FROM audit_log WHERE action = 'resolve'") == 2);
    CHECK_THROWS_AS(city::resolve_conflict(*f.city, moved->id, city::Resolution::KeepExisting), NotFoundError);
}
