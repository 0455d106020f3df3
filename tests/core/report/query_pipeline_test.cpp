// The report's queries run ahead on a worker: results in order and equal to the query run
// directly, a query's error at that query, the worker really ahead of the caller, never more
// waiting than allowed, and a stop that interrupts a long query.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include <sqlite3.h>

#include "core/db/database.h"
#include "core/report/query_pipeline.h"
#include "core/util/error.h"
#include "core/util/progress.h"

using namespace il::report;
using namespace std::chrono_literals;

namespace {
// started(k): records that query k began, returns k (called on the worker thread).
std::atomic<int> last_started{0};
void started_fn(sqlite3_context* c, int, sqlite3_value** v) {
    int k = sqlite3_value_int(v[0]);
    last_started = k;
    sqlite3_result_int(c, k);
}

std::unique_ptr<il::db::Database> ledger_with_probe() {
    auto db = il::db::Database::open_memory("tester");
    sqlite3_create_function(db->sql().getHandle(), "started", 1, SQLITE_UTF8, nullptr, &started_fn, nullptr, nullptr);
    last_started = 0;
    return db;
}

// Query k: `rows` rows of (k, i).
SheetQuery numbered(int k, int rows) {
    return {"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(rows) +
                ") SELECT started(" + std::to_string(k) + ") AS k, i FROM n",
            "q" + std::to_string(k) + ".sql"};
}

bool wait_until(const std::function<bool()>& cond, std::chrono::milliseconds limit = 10s) {
    auto t0 = std::chrono::steady_clock::now();
    while (!cond()) {
        if (std::chrono::steady_clock::now() - t0 > limit) return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

auto never = [] { return false; };
}  // namespace

TEST_CASE("The pipeline gives each query's rows in order, equal to the query run directly") {
    auto db = ledger_with_probe();
    SqlParams params{{"year", std::int64_t{2017}}};
    std::vector<SheetQuery> qs{numbered(1, 3), {"SELECT :year AS y, 'x' AS t", "p.sql"}, numbered(3, 1000)};
    std::vector<ResultTable> direct;
    for (const auto& q : qs) direct.push_back(run_read_only_query(*db, q.sql, params, q.label));
    QueryPipeline pipeline(*db, params, qs, 100000);
    for (const auto& want : direct) {
        ResultTable got = pipeline.next(never);
        CHECK(got.columns == want.columns);
        CHECK(got.rows == want.rows);
    }
    CHECK_THROWS_AS(pipeline.next(never), il::Error);  // no query left
}

TEST_CASE("The worker queries ahead of the caller, within the rows allowed to wait") {
    auto db = ledger_with_probe();
    SUBCASE("room for everything: all queries done before the caller asks for the first") {
        QueryPipeline pipeline(*db, {}, {numbered(1, 10), numbered(2, 10), numbered(3, 10)}, 1000);
        CHECK(wait_until([] { return last_started == 3; }));
        for (int k = 1; k <= 3; ++k) CHECK(std::get<std::int64_t>(pipeline.next(never).rows.at(0).at(0)) == k);
    }
    SUBCASE("no room: one result waits, the next query starts only once it is taken") {
        QueryPipeline pipeline(*db, {}, {numbered(1, 10), numbered(2, 10), numbered(3, 10)}, 5);
        CHECK(wait_until([] { return last_started == 1; }));
        std::this_thread::sleep_for(200ms);
        CHECK(last_started == 1);  // result 1 (10 rows > 5) waits: query 2 not begun
        CHECK(pipeline.next(never).rows.size() == 10);
        CHECK(wait_until([] { return last_started == 2; }));
        std::this_thread::sleep_for(200ms);
        CHECK(last_started == 2);
        CHECK(pipeline.next(never).rows.size() == 10);
        CHECK(pipeline.next(never).rows.size() == 10);
        CHECK(last_started == 3);
    }
}

TEST_CASE("A query's error comes at that query, after the results before it") {
    auto db = ledger_with_probe();
    QueryPipeline pipeline(*db, {}, {numbered(1, 2), {"SELECT no_such_column FROM sqlite_master", "bad.sql"}, numbered(3, 2)}, 1000);
    CHECK(pipeline.next(never).rows.size() == 2);
    try {
        pipeline.next(never);
        FAIL("the bad query should have thrown");
    } catch (const il::TemplateError& e) {
        CHECK(std::string(e.what()).find("bad.sql") != std::string::npos);
    }
    CHECK(last_started == 1);  // nothing after the failed query was run
}

TEST_CASE("Stopping while waiting interrupts the query under way") {
    auto db = ledger_with_probe();
    // counts to 10^9: minutes, unless interrupted
    SheetQuery slow{"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) "
                    "SELECT count(*) FROM c",
                    "slow.sql"};
    auto t0 = std::chrono::steady_clock::now();
    {
        QueryPipeline pipeline(*db, {}, {slow}, 1000);
        int polls = 0;
        CHECK_THROWS_AS(pipeline.next([&] { return ++polls > 3; }), il::Cancelled);
        CHECK(polls == 4);
    }  // joins the worker: returns only once the query has stopped
    CHECK(std::chrono::steady_clock::now() - t0 < 20s);
    // the connection is usable afterwards
    CHECK(run_read_only_query(*db, "SELECT 1 AS one", {}, "after.sql").rows.size() == 1);
}
