#include <doctest/doctest.h>

#include "core/util/utf8_path.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/db/audit.h"
#include "core/db/period_lock.h"
#include "core/util/sha256.h"
#include "core/util/uid.h"
#include "tests/support/test_ledger.h"

namespace fs = std::filesystem;
using namespace il::db;

namespace {
struct LockTempDir {
    fs::path path;
    LockTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-lock-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~LockTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void record_run(Database& db, const std::string& template_id, const std::string& period, const fs::path& file) {
    il::db::Query q(db,
                    "INSERT INTO report_runs(uid, template_id, template_version, period, scope, generated_at, who,"
                    " file_path, sha256) VALUES(?5, ?1, '1', ?2, '', 'now', 'test', ?3, ?4)");
    q.bind(1, template_id);
    q.bind(2, period);
    q.bind(3, file.string());
    q.bind(4, il::sha256_file(file));
    q.bind(5, il::new_uid());
    q.exec();
}
}  // namespace

TEST_CASE("lock, is_locked, unlock with reason and audit") {
    auto db = il::test::open_test_ledger("张三");
    PeriodLocks locks(*db);
    CHECK_FALSE(locks.is_locked(2026, 10));
    CHECK_NOTHROW(ensure_period_unlocked(*db, 2026, 10));
    locks.lock(2026, 10, "已报市商务局");
    CHECK(locks.is_locked(2026, 10));
    CHECK_FALSE(locks.is_locked(2026, 9));
    CHECK_THROWS_AS(ensure_period_unlocked(*db, 2026, 10), il::PeriodLocked);
    CHECK_THROWS_AS(locks.lock(2026, 10, "again"), il::ValidationError);
    auto list = locks.list();
    REQUIRE(list.size() == 1);
    CHECK(list[0].who == "张三");
    CHECK(list[0].reason == "已报市商务局");

    CHECK_THROWS_AS(locks.unlock(2026, 10, "  "), il::ValidationError);
    CHECK(locks.is_locked(2026, 10));
    CHECK_THROWS_AS(locks.unlock(2026, 9, "x"), il::NotFoundError);
    locks.unlock(2026, 10, "市局要求更正固安县数据");
    CHECK_FALSE(locks.is_locked(2026, 10));
    il::db::Query q(*db, "SELECT who, reason FROM audit_log WHERE action = 'unlock'");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "张三");
    CHECK(q.getColumn(1).getString().find("市局要求更正固安县数据") != std::string::npos);
    CHECK(q.getColumn(1).getString().find("2026-10") != std::string::npos);
    CHECK_THROWS_AS(locks.lock(2026, 13, ""), il::ValidationError);
}

TEST_CASE("PeriodLocked message names the period") {
    auto db = il::test::open_test_ledger();
    PeriodLocks(*db).lock(2026, 6, "");
    try {
        ensure_period_unlocked(*db, 2026, 6);
        FAIL("expected PeriodLocked");
    } catch (const il::PeriodLocked& e) {
        CHECK(std::string(e.what()).find("2026年1-6月已封账") != std::string::npos);
    }
}

TEST_CASE("locking archives the generated report; a locked period hands out the same bytes") {
    LockTempDir tmp;
    auto db = il::test::open_test_ledger();
    fs::path report = tmp.path / "月报-2026-10.xlsx";
    std::ofstream(report, std::ios::binary) << "submitted report bytes v1";
    record_run(*db, "monthly", "2026-10", report);
    // a run that was edited by hand after generation is not archived
    fs::path other = tmp.path / "其他.xlsx";
    std::ofstream(other, std::ios::binary) << "original";
    record_run(*db, "other", "2026-10", other);
    std::ofstream(other, std::ios::binary) << "changed by hand";

    CHECK(PeriodLocks(*db).lock(2026, 10, "已上报") == 1);
    CHECK(PeriodLocks(*db).list()[0].archived_reports == 1);
    std::string sha = il::sha256_file(report);
    std::ofstream(report, std::ios::binary) << "overwritten later";  // the file on disk is gone/changed

    fs::path again = tmp.path / "again.xlsx";
    auto got = reproduce_locked_report(*db, "monthly", {2026, 10}, "", again);
    REQUIRE(got);
    CHECK(*got == sha);
    CHECK(il::sha256_file(again) == sha);
    CHECK(slurp(again) == "submitted report bytes v1");
    CHECK_FALSE(reproduce_locked_report(*db, "other", {2026, 10}, "", again));  // nothing archived: generate

    // generated for the first time while locked: kept, and reproduced from then on
    fs::path fresh = tmp.path / "fresh.xlsx";
    std::ofstream(fresh, std::ios::binary) << "first generation";
    CHECK(keep_report_if_locked(*db, "other", {2026, 10}, "", fresh));
    CHECK_FALSE(keep_report_if_locked(*db, "other", {2026, 10}, "", report));
    auto other_sha = reproduce_locked_report(*db, "other", {2026, 10}, "", again);
    REQUIRE(other_sha);
    CHECK(slurp(again) == "first generation");

    // unlocked: generate as usual; the archive is kept for the next lock
    PeriodLocks(*db).unlock(2026, 10, "更正");
    CHECK_FALSE(reproduce_locked_report(*db, "monthly", {2026, 10}, "", again));
    CHECK_FALSE(keep_report_if_locked(*db, "monthly", {2026, 10}, "", fresh));
    CHECK(archived_report(*db, "monthly", {2026, 10}));
}

TEST_CASE("a corrupted archive is detected, not handed out") {
    LockTempDir tmp;
    auto db = il::test::open_test_ledger();
    fs::path report = tmp.path / "r.xlsx";
    std::ofstream(report, std::ios::binary) << "bytes";
    record_run(*db, "monthly", "2026-03", report);
    PeriodLocks(*db).lock(2026, 3, "");
    {
        il::db::Query damage(*db, "UPDATE report_archive SET content = ?");
        const unsigned char zero = 0;
        damage.bind(1, &zero, 1);
        damage.exec();
    }
    fs::path out = tmp.path / "out.xlsx";
    CHECK_THROWS_AS(reproduce_locked_report(*db, "monthly", {2026, 3}, "", out), il::DatabaseError);
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("a workbook of several templates is archived once under the joined template ids") {
    LockTempDir tmp;
    auto db = il::test::open_test_ledger();
    fs::path book = tmp.path / il::u8path("全套.xlsx");
    std::ofstream(book, std::ios::binary) << "workbook with two sheets";
    std::string sha = il::sha256_file(book);
    for (const char* t : {"01-projects", "02-progress"}) {
        il::db::Query q(*db,
                        "INSERT INTO report_runs(uid, template_id, template_version, period, scope, generated_at,"
                        " who, file_path, sha256) VALUES(?4, ?1, '1', '2026-09', '固安县',"
                        " '2026-10-05T10:00:00+08:00', 't', ?2, ?3)");
        q.bind(1, t);
        q.bind(4, il::new_uid());
        q.bind(2, il::path_utf8(book));
        q.bind(3, sha);
        q.exec();
    }
    CHECK(PeriodLocks(*db).lock(2026, 9, "") == 1);
    auto a = archived_report(*db, "01-projects,02-progress", {2026, 9}, "固安县");
    REQUIRE(a);
    CHECK(a->sha256 == sha);
    CHECK(a->file_name == "全套.xlsx");
    CHECK_FALSE(archived_report(*db, "01-projects", {2026, 9}, "固安县"));
}
