// The import's write phase (issue 19): the connection's page cache and temp_store are raised for
// the import's transaction only and restored afterwards, whatever the outcome; the per-row
// savepoints (prepared once) still undo a rejected row alone.
#include <doctest/doctest.h>

#include "core/db/audit.h"
#include "core/db/project_repository.h"
#include "core/import/import_run.h"
#include "tests/core/import/import_fixture.h"
#include "tests/core/report/report_test_util.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
int pragma(db::Database& db, const char* name) { return db.sql().execAndGet(std::string("PRAGMA ") + name).getInt(); }

// Looks at the connection while the records are written (the first step of the write phase is
// reported inside the transaction, before the first record).
struct Watch final : ProgressSink {
    db::Database& db;
    bool cancel = false;
    int cache_during = 0, temp_store_during = -1;
    bool in_transaction = false;
    explicit Watch(db::Database& d) : db(d) {}
    void step(std::string_view what, double) override {
        if (what != "写入" && what != "试写入") return;
        cache_during = pragma(db, "cache_size");
        temp_store_during = pragma(db, "temp_store");
        in_transaction = sqlite3_get_autocommit(db.sql().getHandle()) == 0;
    }
    bool cancelled() override { return cancel && in_transaction; }
};

std::unique_ptr<db::Database> seeded_file_db(const std::filesystem::path& file) {
    auto db = db::Database::open(file);
    db::seed_dictionaries(*db, db::default_dictionaries_json());
    return db;
}
}  // namespace

TEST_CASE("an import raises the page cache and keeps savepoint journals in memory, then restores both") {
    auto dir = il::test::scratch_dir("import_settings");
    auto db = seeded_file_db(dir / "ledger.db");
    const int cache_before = pragma(*db, "cache_size");
    const int temp_store_before = pragma(*db, "temp_store");
    REQUIRE(cache_before == -32768);  // core/db/database.cpp
    REQUIRE(temp_store_before != 2);

    SUBCASE("written") {
        Workbook wb = official_form().workbook();
        ImportPlan plan = plan_import(*db, wb, {});
        Watch watch(*db);
        auto r = apply_import(*db, plan, {}, watch);
        CHECK(r.written);
        CHECK(r.added == 3);
        CHECK(watch.in_transaction);
        CHECK(watch.cache_during == -kImportCacheKiB);
        CHECK(watch.temp_store_during == 2);
    }
    SUBCASE("dry run") {
        Workbook wb = official_form().workbook();
        ImportPlan plan = plan_import(*db, wb, {});
        Watch watch(*db);
        ImportOptions o;
        o.dry_run = true;
        auto r = apply_import(*db, plan, o, watch);
        CHECK_FALSE(r.written);
        CHECK(watch.cache_during == -kImportCacheKiB);
        CHECK(count_rows(*db, "projects") == 0);
    }
    SUBCASE("cancelled") {
        Workbook wb = official_form().workbook();
        ImportPlan plan = plan_import(*db, wb, {});
        Watch watch(*db);
        watch.cancel = true;
        // the write phase's first cancel check is the end of the loop for a 3-row plan
        CHECK_THROWS_AS(apply_import(*db, plan, {}, watch), Cancelled);
        CHECK(watch.cache_during == -kImportCacheKiB);
        CHECK(count_rows(*db, "projects") == 0);
    }
    SUBCASE("rejected: all or nothing") {
        Workbook wb = official_form().workbook();
        ImportPlan plan = plan_import(*db, wb, {});
        REQUIRE(plan.records.size() == 3);
        plan.records[1].progress.at(0).ytd = Money{-100};  // refused when written
        Watch watch(*db);
        auto r = apply_import(*db, plan, {}, watch);
        CHECK_FALSE(r.written);
        CHECK(r.rejected == 1);
        CHECK(count_rows(*db, "projects") == 0);
    }
    CHECK(sqlite3_get_autocommit(db->sql().getHandle()) != 0);
    CHECK(pragma(*db, "cache_size") == cache_before);
    CHECK(pragma(*db, "temp_store") == temp_store_before);
}

TEST_CASE("a connection's own larger cache and its temporary tables are left as they are by an import") {
    auto db = seeded_db();
    db->sql().exec("PRAGMA cache_size = -600000");
    db->sql().exec("CREATE TEMP TABLE keep_me(x)");
    db->sql().exec("INSERT INTO keep_me VALUES(1)");
    const int temp_store_before = pragma(*db, "temp_store");
    Workbook wb = official_form().workbook();
    ImportPlan plan = plan_import(*db, wb, {});
    Watch watch(*db);
    auto r = apply_import(*db, plan, {}, watch);
    CHECK(r.written);
    CHECK(watch.cache_during == -600000);             // not lowered
    CHECK(watch.temp_store_during == temp_store_before);  // changing it would drop keep_me
    CHECK(pragma(*db, "cache_size") == -600000);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM temp.keep_me").getInt() == 1);
}

TEST_CASE("with keep_good, a row refused after its project was inserted is undone alone (prepared savepoints)") {
    auto db = seeded_db();
    Workbook wb = official_form().workbook();
    ImportPlan plan = plan_import(*db, wb, {});
    REQUIRE(plan.records.size() == 3);
    REQUIRE(plan.rejected.empty());
    // The project insert succeeds, then its month's figures are refused (negative 1-6月累计):
    // the row's savepoint must take the project, its plans, approvals and audit lines back out.
    const std::string refused = plan.records[1].project->name;
    plan.records[1].progress.at(0).ytd = Money{-100};
    const std::int64_t audit_before = count_rows(*db, "audit_log");
    ImportOptions o;
    o.keep_good = true;
    auto r = apply_import(*db, plan, o);
    CHECK(r.written);
    CHECK(r.added == 2);
    CHECK(r.rejected == 1);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].source.row == 9);
    CHECK(sqlite3_get_autocommit(db->sql().getHandle()) != 0);  // no savepoint left open

    CHECK(count_rows(*db, "projects") == 2);
    SQLite::Statement q(db->sql(), "SELECT count(*) FROM projects WHERE name = ?");
    q.bind(1, refused);
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getInt() == 0);
    CHECK(count_rows(*db, "progress") == 2);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM project_plans WHERE project_id NOT IN (SELECT id FROM projects)").getInt() == 0);
    // Two projects, their two months and the import event; nothing of the refused row.
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE table_name = 'projects' AND action = 'insert'").getInt() == 2);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE table_name = 'progress' AND action = 'insert'").getInt() == 2);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'import'").getInt() == 1);
    CHECK(count_rows(*db, "audit_log") - audit_before == 2 + 2 + 1);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE instr(coalesce(new_value, ''), '" + refused + "') > 0").getInt() == 0);

    // The connection goes on normally: the same file again changes nothing, a manual edit works.
    ImportPlan again = plan_import(*db, wb, o);
    CHECK(again.count(Outcome::New) == 1);  // the refused row, now writable
    auto r2 = apply_import(*db, again, o);
    CHECK(r2.added == 1);
    CHECK(count_rows(*db, "projects") == 3);
}

TEST_CASE("a row refused in the middle of a batch: the batch is written again row by row, the rest exactly once") {
    auto db = seeded_db();
    SheetBuilder b("项目");
    b.row({"项目名称", "所属县市区", "总投资（万元）", "项目代码"});
    for (int i = 0; i < 250; ++i)
        b.row({"测试项目" + std::to_string(i), i % 2 ? "广阳区" : "固安县", 10000 + i,
               "2017-131000-47-03-" + std::to_string(100000 + i)});
    Workbook wb = b.workbook();
    ImportPlan plan = plan_import(*db, wb, {});
    REQUIRE(plan.rejected.empty());
    REQUIRE(plan.records.size() == 250);
    // Record 150 takes record 120's code (same batch, 120 written first): refused when written.
    REQUIRE(plan.records[120].project->code);
    plan.records[150].project->code = plan.records[120].project->code;
    const int refused_row = plan.records[150].source.row;
    ImportOptions o;
    o.keep_good = true;
    auto r = apply_import(*db, plan, o);
    CHECK(r.written);
    CHECK(r.added == 249);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].source.row == refused_row);
    CHECK(plan.rejected[0].issues.at(0).field == "code");
    CHECK(count_rows(*db, "projects") == 249);
    CHECK(db->sql().execAndGet("SELECT count(DISTINCT name) FROM projects").getInt() == 249);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM projects WHERE name = '测试项目150'").getInt() == 0);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE table_name = 'projects' AND action = 'insert'").getInt() == 249);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE record_id NOT IN (SELECT id FROM projects)"
                               " AND table_name = 'projects'").getInt() == 0);
    CHECK(db->sql().execAndGet("SELECT max(id) FROM projects").getInt() == 249);  // nothing written twice
    CHECK(sqlite3_get_autocommit(db->sql().getHandle()) != 0);
    // The records left in the plan carry the ids they were written with.
    REQUIRE(plan.records.size() == 249);
    db::ProjectRepository repo(*db);
    for (const auto& rec : plan.records) {
        auto p = repo.get(rec.existing_id);
        REQUIRE(p);
        CHECK(p->name == rec.project->name);
        CHECK(p->id == rec.project->id);
    }
}

TEST_CASE("nested writes outside an import still undo themselves alone") {
    auto db = seeded_db();
    db::ProjectRepository repo(*db);
    auto region = db->sql().execAndGet("SELECT id FROM regions ORDER BY id LIMIT 1").getInt64();
    SQLite::Transaction tx(db->sql());
    Project a;
    a.name = "甲";
    a.region_id = region;
    repo.insert(a);
    Project bad;
    bad.name = "乙";
    bad.region_id = region;
    bad.code = a.code = std::string("2017-131000-47-03-000001");
    repo.update(a, "code");
    CHECK_THROWS_AS(repo.insert(bad), RecordInvalid);  // its savepoint undoes only itself
    tx.commit();
    CHECK(count_rows(*db, "projects") == 1);
    CHECK(repo.get(a.id)->code == "2017-131000-47-03-000001");
}
