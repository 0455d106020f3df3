// The progress facts a big statement loads are kept for the connection's later statements (a
// report set asks for the same year and month sheet after sheet). A kept answer must never
// outlive the data it was read from: a write on the same connection, a commit by another
// connection, and a write transaction rolled back after the facts were asked for inside it.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

#include "core/demo/demo_generator.h"
#include "core/stats/sql_functions.h"

using namespace il;

namespace {

// Sums over every project of il_ytd and il_since_start for 2017-06, and how many of them differ
// from the plain SQL of the rules (latest month <= 6, each earlier year's last year-to-date).
struct Sums {
    std::int64_t ytd = 0, since_start = 0;
    int ytd_wrong = 0, since_start_wrong = 0;
};

Sums sums(db::Database& db) {
    SQLite::Statement q(db.sql(), R"sql(
        WITH plain AS (
          SELECT p.id,
                 COALESCE((SELECT c.completed_ytd FROM progress c WHERE c.project_id = p.id AND c.year = 2017
                           AND c.month = (SELECT MAX(g.month) FROM progress g WHERE g.project_id = p.id
                                          AND g.year = 2017 AND g.month <= 6)), 0) AS ytd,
                 COALESCE((SELECT SUM(e.completed_ytd) FROM progress e WHERE e.project_id = p.id AND e.year < 2017
                           AND e.month = (SELECT MAX(e2.month) FROM progress e2 WHERE e2.project_id = p.id
                                          AND e2.year = e.year)), 0) AS earlier
          FROM projects p)
        SELECT SUM(il_ytd(id, 2017, 6)), SUM(il_since_start(id, 2017, 6)),
               SUM(il_ytd(id, 2017, 6) <> ytd), SUM(il_since_start(id, 2017, 6) <> earlier + ytd)
        FROM plain)sql");
    REQUIRE(q.executeStep());
    return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt(), q.getColumn(3).getInt()};
}

void check_right(const Sums& s) {
    CHECK(s.ytd_wrong == 0);
    CHECK(s.since_start_wrong == 0);
    CHECK(s.ytd > 0);
}

std::unique_ptr<db::Database> demo_ledger(const std::filesystem::path& file) {
    db::OpenOptions o;
    o.auto_backup = false;
    auto db = db::Database::open(file, o);
    demo::DemoOptions opt;
    opt.projects = 1200;  // past the 1,000 lookups after which a statement loads every project's facts
    opt.renovations = 2;
    opt.deals = 2;
    demo::generate(*db, opt);
    stats::register_sql_functions(*db, stats::WarnThresholds{});
    return db;
}

// The project with the most 2017 rows up to June, and its latest such month.
std::pair<std::int64_t, int> a_reported_project(db::Database& db) {
    SQLite::Statement q(db.sql(), "SELECT project_id, MAX(month) FROM progress WHERE year = 2017 AND month <= 6 "
                                  "GROUP BY project_id ORDER BY COUNT(*) DESC, project_id LIMIT 1");
    REQUIRE(q.executeStep());
    return {q.getColumn(0).getInt64(), q.getColumn(1).getInt()};
}

constexpr std::int64_t kRaise = 123456789;  // 分 added to one project's 1-N月

std::string raise_sql(std::pair<std::int64_t, int> pm) {
    return "UPDATE progress SET completed_ytd = completed_ytd + " + std::to_string(kRaise) +
           " WHERE project_id = " + std::to_string(pm.first) + " AND year = 2017 AND month = " + std::to_string(pm.second);
}

struct TempDir {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("il_facts_cache_" + std::to_string(::getpid()));
    TempDir() {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("sql functions: kept facts are dropped by a write on the same connection") {
    TempDir dir;
    auto db = demo_ledger(dir.path / "ledger.db");
    const Sums before = sums(*db);
    check_right(before);
    CHECK(sums(*db).ytd == before.ytd);  // a second statement, answered from the kept facts: the same
    db->sql().exec(raise_sql(a_reported_project(*db)));
    const Sums after = sums(*db);
    check_right(after);
    CHECK(after.ytd == before.ytd + kRaise);
    CHECK(after.since_start == before.since_start + kRaise);
}

TEST_CASE("sql functions: kept facts are dropped by another connection's commit") {
    TempDir dir;
    auto db = demo_ledger(dir.path / "ledger.db");
    const Sums before = sums(*db);
    check_right(before);
    {
        db::OpenOptions o;
        o.auto_backup = false;
        auto other = db::Database::open(dir.path / "ledger.db", o);
        other->sql().exec(raise_sql(a_reported_project(*other)));
    }
    const Sums after = sums(*db);
    check_right(after);
    CHECK(after.ytd == before.ytd + kRaise);
}

TEST_CASE("sql functions: facts read inside a write transaction that is rolled back are not kept") {
    TempDir dir;
    auto db = demo_ledger(dir.path / "ledger.db");
    const Sums before = sums(*db);
    {
        SQLite::Transaction tx(db->sql());
        db->sql().exec(raise_sql(a_reported_project(*db)));
        const Sums inside = sums(*db);
        check_right(inside);
        CHECK(inside.ytd == before.ytd + kRaise);
    }  // rolled back: total_changes and data_version do not go back, the facts must not be kept
    const Sums after = sums(*db);
    check_right(after);
    CHECK(after.ytd == before.ytd);
}

TEST_CASE("sql functions: loaded facts are right for ids far apart (beyond the dense table, negative)") {
    TempDir dir;
    auto db = demo_ledger(dir.path / "ledger.db");
    const Sums before = sums(*db);
    check_right(before);
    // two reported projects renumbered with their monthly rows: one past the ids kept in a
    // vector (2^20), one negative
    const auto far = a_reported_project(*db).first;
    const std::int64_t other = db->sql().execAndGet("SELECT project_id FROM progress WHERE year = 2016 AND project_id <> " +
                                                    std::to_string(far) + " ORDER BY project_id DESC LIMIT 1").getInt64();
    db->sql().exec("PRAGMA foreign_keys = OFF");
    for (auto [from, to] : {std::pair<std::int64_t, std::int64_t>{far, 5'000'000}, {other, -7}}) {
        db->sql().exec("UPDATE progress SET project_id = " + std::to_string(to) + " WHERE project_id = " + std::to_string(from));
        db->sql().exec("UPDATE projects SET id = " + std::to_string(to) + " WHERE id = " + std::to_string(from));
    }
    const Sums after = sums(*db);
    check_right(after);
    CHECK(after.ytd == before.ytd);  // the same figures under other ids
    CHECK(after.since_start == before.since_start);
    CHECK(db->sql().execAndGet("SELECT il_since_start(5000000, 2017, 6) + 0 > 0").getInt() == 1);
}
