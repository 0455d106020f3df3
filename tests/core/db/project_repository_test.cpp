#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "core/db/audit.h"
#include "core/db/period_lock.h"
#include "core/db/problem_repository.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "core/db/write_transaction.h"
#include "ledger_fixture.h"
#include "tests/support/process.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

namespace {
std::int64_t audit_count(Database& d) { return il::db::scalar_int(d, "SELECT count(*) FROM audit_log"); }
}  // namespace

TEST_CASE("project insert, get, update with audit and version") {
    auto d = il::test::open_test_ledger("张三");
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    p.code = "2017-131022-30-03-000017";
    p.approvals.push_back({"环评", "已办", "廊环审〔2017〕12号", std::string("2017-02-10")});
    auto id = repo.insert(p);
    CHECK(id > 0);
    CHECK(p.id == id);
    CHECK(p.version == 1);
    CHECK(p.uid.size() == 36);
    CHECK(repo.count() == 1);

    auto got = repo.get(id);
    REQUIRE(got);
    CHECK(got->name == p.name);
    CHECK(got->zone_id == s.gu_an_park);
    CHECK(got->total_investment == Money::from_wan(250000));
    CHECK(got->annual_plans.at(2017) == Money::from_wan(60000));
    REQUIRE(got->approvals.size() == 1);
    CHECK(got->approvals[0].doc_number == "廊环审〔2017〕12号");
    CHECK(repo.find_by_code("2017-131022-30-03-000017")->id == id);
    CHECK(repo.find_by_name(p.name, s.gu_an)->id == id);
    CHECK_FALSE(repo.find_by_name(p.name, s.guangyang));

    auto trail = audit_trail(*d, "projects", id);
    REQUIRE_FALSE(trail.empty());
    CHECK(trail[0].action == "insert");
    CHECK(trail[0].who == "张三");

    Project edit = *got;
    edit.stage = "竣工";
    edit.actual_completion = "2017-11";
    edit.annual_plans[2018] = Money::from_wan(1000);
    edit.annual_plans.erase(2017);
    repo.update(edit, "月度调度");
    CHECK(edit.version == 2);
    auto after = repo.get(id);
    CHECK(after->stage == "竣工");
    CHECK(after->version == 2);
    CHECK(after->annual_plans.count(2017) == 0);
    CHECK(after->annual_plans.at(2018) == Money::from_wan(1000));
    auto trail2 = audit_trail(*d, "projects", id);
    std::vector<std::string> changed;
    for (const auto& e : trail2)
        if (e.action == "update") changed.push_back(e.field);
    CHECK(changed.size() == 4);  // stage, actual_completion, annual_plans.2018, annual_plans.2017
    CHECK(std::find(changed.begin(), changed.end(), "stage") != changed.end());
    CHECK(std::find(changed.begin(), changed.end(), "annual_plans.2017") != changed.end());
    for (const auto& e : trail2)
        if (e.field == "stage" && e.action == "update") {
            CHECK(e.old_value == "续建");
            CHECK(e.new_value == "竣工");
            CHECK(e.reason == "月度调度");
        }
}

TEST_CASE("a stale edit is refused and changes nothing") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Project a = *repo.get(p.id), b = *repo.get(p.id);
    a.owner = "甲";
    repo.update(a);
    b.owner = "乙";
    auto before = audit_count(*d);
    CHECK_THROWS_AS(repo.update(b), StaleRecord);
    CHECK(repo.get(p.id)->owner == "甲");
    CHECK(audit_count(*d) == before);
}

TEST_CASE("invalid projects are refused with every issue and nothing stored") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    p.name = "";
    p.zone_id = s.longhe;  // 龙河高新区 is in 广阳区, the project in 固安县
    p.total_investment = Money::from_wan(-1);
    auto before = audit_count(*d);
    try {
        repo.insert(p);
        FAIL("expected RecordInvalid");
    } catch (const RecordInvalid& e) {
        CHECK(e.issues().size() == 3);
        std::string what = e.what();
        CHECK(what.find("zone_id") != std::string::npos);
        CHECK(what.find("name") != std::string::npos);
        CHECK(what.find("total_investment") != std::string::npos);
    }
    CHECK(repo.count() == 0);
    CHECK(audit_count(*d) == before);
    CHECK(p.id == 0);
}

TEST_CASE("duplicate project code is a field issue") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project a = test::sample_project(s, "甲"), b = test::sample_project(s, "乙");
    a.code = "2017-131022-30-03-000017";
    b.code = " 2017-131022-30-03-000017";  // normalized before the check
    repo.insert(a);
    try {
        repo.insert(b);
        FAIL("expected RecordInvalid");
    } catch (const RecordInvalid& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].field == "code");
    }
    Project c = test::sample_project(s, "丙");
    c.code = "";  // empty code means none
    repo.insert(c);
    CHECK_FALSE(repo.get(c.id)->code);
}

TEST_CASE("remove deletes the project, its children, and audits it") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    repo.set_progress({p.id, 2017, 1, Money::from_wan(10), {}, "", ""}, false);
    repo.remove(p.id);
    CHECK_FALSE(repo.get(p.id));
    CHECK(static_cast<int>(il::db::scalar_int(*d, "SELECT count(*) FROM progress")) == 0);
    CHECK(static_cast<int>(il::db::scalar_int(*d, "SELECT count(*) FROM audit_log WHERE action='delete'")) > 0);
    CHECK_THROWS_AS(repo.remove(p.id), NotFoundError);
}

TEST_CASE("list joins names and filters") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project a = test::sample_project(s, "中安信碳纤维（二期）");
    repo.insert(a);
    Project b = test::sample_project(s, "京东华北订单中心");
    b.region_id = s.guangyang;
    b.zone_id = s.longhe;
    b.category_id = s.logistics;
    b.stage = "新开工";
    b.owner = "京东";
    repo.insert(b);
    auto all = repo.list();
    REQUIRE(all.size() == 2);
    CHECK(all[0].region == "固安县");
    CHECK(all[0].region_id == s.gu_an);
    CHECK(all[0].zone_id == s.gu_an_park);
    CHECK(all[0].zone == "固安工业园区");
    CHECK(all[0].category == "新材料");
    CHECK(all[1].region == "广阳区");
    ProjectFilter f;
    f.region_id = s.guangyang;
    CHECK(repo.list(f).size() == 1);
    f = {};
    f.stage = "续建";
    CHECK(repo.list(f).at(0).name == "中安信碳纤维（二期）");
    f = {};
    f.search = "京东";
    CHECK(repo.list(f).size() == 1);
    f = {};
    f.zone_id = s.gu_an_park;
    f.category_id = s.new_materials;
    CHECK(repo.list(f).size() == 1);
    f = {};
    f.limit = 1;
    CHECK(repo.list(f).size() == 1);
    // a rename shows in lists at once, the records are untouched
    DictionaryRepository(*d).rename(DictionaryKind::Regions, s.gu_an, "固安县（新）");
    CHECK(repo.list().at(0).region == "固安县（新）");
}

TEST_CASE("monthly progress: month and year-to-date derive each other") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    p.total_investment = Money::from_wan(1000);
    p.annual_plans.clear();
    repo.insert(p);
    repo.set_progress({p.id, 2017, 1, Money::from_wan(100), {}, "土方施工", ""}, false);
    repo.set_progress({p.id, 2017, 2, {}, Money::from_wan(250), "", ""}, true);
    repo.set_progress({p.id, 2017, 3, Money::from_wan(50), {}, "", "资金未到位"}, false);
    auto m2 = repo.progress_at(p.id, 2017, 2);
    REQUIRE(m2);
    CHECK(m2->completed_month == Money::from_wan(150));
    auto m3 = repo.progress_at(p.id, 2017, 3);
    CHECK(m3->completed_ytd == Money::from_wan(300));
    CHECK(m3->problems == "资金未到位");

    SUBCASE("changing an earlier month re-derives the following month figures") {
        repo.set_progress({p.id, 2017, 1, Money::from_wan(120), {}, "", ""}, false);
        CHECK(repo.progress_at(p.id, 2017, 2)->completed_month == Money::from_wan(130));
        CHECK(repo.progress_at(p.id, 2017, 2)->completed_ytd == Money::from_wan(250));
        CHECK(repo.progress_at(p.id, 2017, 3)->completed_month == Money::from_wan(50));
    }
    SUBCASE("an earlier ytd above a later one is refused, nothing changes") {
        auto before = repo.progress(p.id, 2017);
        CHECK_THROWS_AS(repo.set_progress({p.id, 2017, 1, {}, Money::from_wan(260), "", ""}, true), RecordInvalid);
        auto after = repo.progress(p.id, 2017);
        REQUIRE(after.size() == before.size());
        for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i].completed_ytd == before[i].completed_ytd);
        CHECK(after[0].completed_ytd == Money::from_wan(100));
    }
    SUBCASE("ytd above total investment") {
        try {
            repo.set_progress({p.id, 2017, 4, {}, Money::from_wan(1001), "", ""}, true);
            FAIL("expected RecordInvalid");
        } catch (const RecordInvalid& e) {
            CHECK(e.issues().at(0).field == "completed_ytd");
            CHECK(std::string(e.what()).find("2017-04") != std::string::npos);
        }
        CHECK_FALSE(repo.progress_at(p.id, 2017, 4));
    }
    SUBCASE("a ytd below the previous month is a negative month figure") {
        CHECK_THROWS_AS(repo.set_progress({p.id, 2017, 4, {}, Money::from_wan(200), "", ""}, true), RecordInvalid);
    }
    SUBCASE("the total cannot drop below a reported year-to-date") {
        Project edit = *repo.get(p.id);
        edit.total_investment = Money::from_wan(299);
        try {
            repo.update(edit);
            FAIL("expected RecordInvalid");
        } catch (const RecordInvalid& e) {
            CHECK(e.issues().at(0).field == "total_investment");
            CHECK(std::string(e.what()).find("2017-03") != std::string::npos);
        }
        edit.total_investment = Money::from_wan(300);
        repo.update(edit);
    }
    SUBCASE("a gap: the previous stored month counts") {
        repo.set_progress({p.id, 2017, 6, {}, Money::from_wan(500), "", ""}, true);
        CHECK(repo.progress_at(p.id, 2017, 6)->completed_month == Money::from_wan(200));
    }
    SUBCASE("a new year starts from zero") {
        repo.set_progress({p.id, 2018, 1, {}, Money::from_wan(40), "", ""}, true);
        CHECK(repo.progress_at(p.id, 2018, 1)->completed_month == Money::from_wan(40));
    }
    SUBCASE("a locked month is refused") {
        d->exec("INSERT INTO period_locks(year, month, locked_at, who) VALUES(2017, 3, '2017-04-05', 'x')");
        CHECK_THROWS_AS(repo.set_progress({p.id, 2017, 3, Money::from_wan(1), {}, "", ""}, false), PeriodLocked);
        // changing February would change March's month figure: refused too
        CHECK_THROWS_AS(repo.set_progress({p.id, 2017, 2, {}, Money::from_wan(260), "", ""}, true), PeriodLocked);
        CHECK(repo.progress_at(p.id, 2017, 2)->completed_ytd == Money::from_wan(250));
        // a change that leaves March as it is stays allowed
        repo.set_progress({p.id, 2017, 2, {}, Money::from_wan(250), "基础施工", ""}, true);
        CHECK(repo.progress_at(p.id, 2017, 2)->image_progress == "基础施工");
    }
    SUBCASE("unknown project") {
        CHECK_THROWS_AS(repo.set_progress({p.id + 100, 2017, 1, {}, {}, "", ""}, true), NotFoundError);
    }
    CHECK(static_cast<int>(il::db::scalar_int(*d, "SELECT count(*) FROM audit_log WHERE table_name='progress'")) > 0);
}

TEST_CASE("problems: add, update with lifecycle and version") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    ProblemRepository problems(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr;
    pr.project_id = p.id;
    pr.description = "用地指标不足";
    pr.owner_unit = "国土局";
    pr.assigned_date = "2017-03-01";
    problems.add(pr);
    CHECK(pr.id > 0);
    CHECK(pr.version == 1);
    Problem stale = pr;
    pr.status = "督办";
    pr.supervised_date = "2017-04-01";
    problems.update(pr);
    CHECK(pr.version == 2);
    stale.notes = "x";
    CHECK_THROWS_AS(problems.update(stale), StaleRecord);
    pr.status = "销号";
    CHECK_THROWS_AS(problems.update(pr), RecordInvalid);  // no closed date
    auto list = problems.for_project(p.id);
    REQUIRE(list.size() == 1);
    CHECK(list[0].status == "督办");
    Problem bad;
    bad.project_id = p.id + 9;
    bad.description = "x";
    CHECK_THROWS_AS(problems.add(bad), NotFoundError);
}

TEST_CASE("writes nest inside a caller's transaction and roll back with it") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    {
        WriteTransaction outer(*d);
        Project a = test::sample_project(s, "甲");
        repo.insert(a);
        Project bad = test::sample_project(s, "");
        CHECK_THROWS_AS(repo.insert(bad), RecordInvalid);
        CHECK(repo.count() == 1);  // the failed insert undid only itself
    }  // outer not committed
    CHECK(repo.count() == 0);
}

TEST_CASE("storage on a file survives reopening") {
    auto dir = std::filesystem::temp_directory_path() / ("il_repo_test_" + std::to_string(il_test::pid()));
    std::filesystem::create_directories(dir);
    auto file = dir / "ledger.db";
    std::filesystem::remove(file);
    std::int64_t id = 0;
    {
        auto d = Database::open(file);
        auto s = test::fill_small_ledger(*d);
        ProjectRepository repo(*d);
        Project p = test::sample_project(s);
        id = repo.insert(p);
        repo.set_progress({id, 2017, 5, {}, Money::from_fen(123456789), "", ""}, true);
    }
    {
        auto d = Database::open(file);
        ProjectRepository repo(*d);
        REQUIRE(repo.get(id));
        CHECK(repo.progress_at(id, 2017, 5)->completed_ytd.fen == 123456789);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("list of many projects is one quick query") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    // bulk rows straight into the table (the repository's insert is tested above)
    d->exec("BEGIN");
    il::db::Query q(*d, "INSERT INTO projects(uid, name, region_id, zone_id, category_id, total_investment, "
                                  "created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, '', '')");
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        q.reset();
        q.bind(1, "uid-" + std::to_string(i));
        q.bind(2, "项目" + std::to_string(i));
        q.bind(3, static_cast<int64_t>(i % 2 ? s.gu_an : s.guangyang));
        q.bind(4, static_cast<int64_t>(i % 2 ? s.gu_an_park : s.longhe));
        q.bind(5, static_cast<int64_t>(s.new_materials));
        q.bind(6, static_cast<int64_t>(i) * 1000000);
        q.exec();
    }
    d->exec("COMMIT");
    ProjectRepository repo(*d);
    // CPU time, not wall time: the CI machine is shared by many jobs.
    std::clock_t c0 = std::clock();
    auto rows = repo.list();
    auto ms = static_cast<long>((std::clock() - c0) * 1000 / CLOCKS_PER_SEC);
    CHECK(rows.size() == static_cast<std::size_t>(n));
    CHECK(rows.back().zone == "固安工业园区");
    MESSAGE("list() of 100k rows: " << ms << " ms");
    CHECK(ms < 60000);  // a hang guard only: speed is measured by benchmarks
}

TEST_CASE("a write while another program holds the write lock waits, then fails cleanly") {
    auto dir = std::filesystem::temp_directory_path() / ("il_repo_lock_" + std::to_string(il_test::pid()));
    std::filesystem::create_directories(dir);
    auto file = dir / "ledger.db";
    il::test::SmallLedger s;
    {
        auto d = Database::open(file);
        s = test::fill_small_ledger(*d);
    }
    OpenOptions fast;
    fast.busy_timeout_ms = 200;
    auto a = Database::open(file, fast);
    auto b = Database::open(file, fast);
    a->exec("BEGIN IMMEDIATE");
    ProjectRepository repo(*b);
    Project p = test::sample_project(s);
    CHECK_THROWS_AS(repo.insert(p), DatabaseError);
    a->exec("ROLLBACK");
    CHECK(repo.count() == 0);
    repo.insert(p);  // the lock is free again
    CHECK(repo.count() == 1);
    a.reset();
    b.reset();
    std::filesystem::remove_all(dir);
}

TEST_CASE("a new record is logged as one snapshot line, shown field by field") {
    auto d = il::test::open_test_ledger("张三");
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    const auto before = audit_count(*d);
    repo.insert(p);
    // one line for the record, not one per field (an import of 10,000 rows writes 10,000, not 250,000)
    CHECK(audit_count(*d) == before + 1);
    auto line = il::db::scalar_text(*d, "SELECT coalesce(field, '') || '|' || new_value FROM audit_log ORDER BY id DESC LIMIT 1");
    CHECK(line.rfind("|{", 0) == 0);
    auto trail = audit_trail(*d, "projects", p.id);
    bool name_seen = false;
    for (const auto& e : trail) {
        CHECK(e.action == "insert");
        CHECK_FALSE(e.field.empty());
        if (e.field == "name") name_seen = e.new_value == p.name;
    }
    CHECK(name_seen);
    CHECK(trail.size() >= 8);

    repo.remove(p.id);
    auto gone = audit_trail(*d, "projects", p.id);
    bool deleted_name = false;
    for (const auto& e : gone)
        if (e.action == "delete" && e.field == "name") deleted_name = e.old_value == p.name && e.new_value.empty();
    CHECK(deleted_name);
}

TEST_CASE("a batch keeps the dictionaries as loaded at its first write") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    Project first = test::sample_project(s);
    Project second = test::sample_project(s);
    second.name = "第二个项目";
    second.code.reset();

    ProjectRepository batch(*d);
    batch.keep_references_loaded();
    batch.insert(first);
    d->exec("INSERT INTO regions(id, name, uid) VALUES (900, '新设区', 'r900')");
    second.region_id = 900;
    second.zone_id.reset();
    // the batch validates against the dictionaries it loaded: the region added since is unknown
    CHECK_THROWS_AS(batch.insert(second), RecordInvalid);
    // a repository outside a batch loads them for every write and knows the new region
    ProjectRepository single(*d);
    CHECK(single.insert(second) > 0);
}

TEST_CASE("a record with figures in a locked month cannot be deleted") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    repo.set_progress({p.id, 2017, 3, Money::from_wan(100), {}, "主体施工", ""}, false);
    RenovationRepository renovations(*d);
    Renovation r;
    r.enterprise = "廊坊某企业";
    r.name = "生产线改造";
    r.region_id = s.gu_an;
    r.total_investment = Money::from_wan(5000);
    renovations.insert(r);
    renovations.set_progress({r.id, 2017, 3, Money::from_wan(50), {}}, false);
    PeriodLocks(*d).lock(2017, 3, "已上报");
    try {
        repo.remove(p.id);
        FAIL("expected PeriodLocked");
    } catch (const PeriodLocked& e) {
        CHECK(std::string(e.what()).find("2017年1-3月") != std::string::npos);
        CHECK(std::string(e.what()).find(p.name) != std::string::npos);
    }
    CHECK(repo.get(p.id));  // still there, with its figures
    CHECK(repo.progress(p.id, 2017).size() == 1);

    CHECK_THROWS_AS(renovations.remove(r.id), PeriodLocked);
    CHECK(renovations.get(r.id));

    PeriodLocks(*d).unlock(2017, 3, "市局要求删除重复项目");
    repo.remove(p.id);
    renovations.remove(r.id);
    CHECK_FALSE(repo.get(p.id));
    CHECK_FALSE(renovations.get(r.id));
}

TEST_CASE("progress_history: every stored month of a project, all years, oldest first") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    p.total_investment = Money::from_wan(1000);
    p.annual_plans.clear();
    repo.insert(p);
    Project other = test::sample_project(s);
    other.code.reset();
    other.name = "另一个项目";
    other.zone_id.reset();
    other.annual_plans.clear();
    repo.insert(other);
    // the later year stored first: the history still comes back by year and month
    repo.set_progress({p.id, 2018, 1, Money::from_wan(20), {}, "", ""}, false);
    repo.set_progress({p.id, 2018, 2, Money::from_wan(30), {}, "主体施工", "用地"}, false);
    repo.set_progress({p.id, 2017, 12, {}, Money::from_wan(400), "基础", ""}, true);
    repo.set_progress({other.id, 2017, 6, Money::from_wan(5), {}, "", ""}, false);

    repo.set_progress({other.id, 2017, 1, Money::from_wan(1), {}, "", ""}, false);
    auto h = repo.progress_history(p.id);
    REQUIRE(h.size() == 3);
    CHECK((h[0].year == 2017 && h[0].month == 12));
    CHECK((h[1].year == 2018 && h[1].month == 1));
    CHECK((h[2].year == 2018 && h[2].month == 2));
    CHECK(h[0].completed_ytd == Money::from_wan(400));
    CHECK(h[2].completed_month == Money::from_wan(30));
    CHECK(h[2].completed_ytd == Money::from_wan(50));
    CHECK(h[2].image_progress == "主体施工");
    CHECK(h[2].problems == "用地");
    for (const auto& e : h) CHECK(e.project_id == p.id);
    CHECK(repo.progress_history(p.id + 100).empty());
}
