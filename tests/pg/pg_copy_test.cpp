// copy_ledger onto a server writes many rows per INSERT: a value the server refuses in the
// middle of a batch still names its table and row, and the server keeps nothing of the copy.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "core/db/database.h"
#include "core/db/project_repository.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/demo/demo_generator.h"
#include "core/util/error.h"
#include "core/util/progress.h"

using namespace il::db::storage;

TEST_CASE("copy onto a server: a refused value in the middle of a batch names its row; nothing is kept") {
    auto local = il::db::Database::open_memory();
    il::demo::DemoOptions opt;
    opt.projects = 600;  // more progress rows than one batch
    opt.renovations = 5;
    opt.deals = 5;
    il::demo::generate(*local, opt);
    // one progress row far into the table holds text where the server
    // wants a number: SQLite keeps what it is given
    const std::int64_t rows = il::db::scalar_int(*local, "SELECT count(*) FROM progress");
    REQUIRE(rows > 2000);
    local->exec("UPDATE progress SET completed_month = 'zwei' WHERE (project_id, year, month) = "
                "(SELECT project_id, year, month FROM progress LIMIT 1 OFFSET 1233)");

    const std::int64_t bad_project =
        il::db::scalar_int(*local, "SELECT project_id FROM progress WHERE typeof(completed_month) = 'text'");
    const std::int64_t bad_year = il::db::scalar_int(*local, "SELECT year FROM progress WHERE typeof(completed_month) = 'text'");
    const std::int64_t bad_month = il::db::scalar_int(*local, "SELECT month FROM progress WHERE typeof(completed_month) = 'text'");
    const char* url = std::getenv("IL_TEST_PG_URL");
    REQUIRE(url != nullptr);
    auto server = connect_postgresql(url);
    server->exec("DROP SCHEMA IF EXISTS il_copy_test CASCADE; CREATE SCHEMA il_copy_test; SET search_path TO il_copy_test");
    create_server_schema(*server);
    SqliteConnection from(local->sql());
    il::NullProgress none;
    try {
        copy_ledger(from, *server, none);
        FAIL("the server took text for a number");
    } catch (const il::DatabaseError& e) {
        const std::string m = e.what();
        CAPTURE(m);
        CHECK(m.find("progress") != std::string::npos);
        // named by its key, whichever place in the batch it had
        CHECK(m.find("project_id=" + std::to_string(bad_project) + ", year=" + std::to_string(bad_year) +
                     ", month=" + std::to_string(bad_month)) != std::string::npos);
        CHECK(m.find("未作修改") != std::string::npos);
    }
    CHECK(row_count(*server, "projects") == 0);
    CHECK(row_count(*server, "progress") == 0);

    // mended, the whole ledger goes over, row for row
    local->exec("UPDATE progress SET completed_month = 0 WHERE typeof(completed_month) = 'text'");
    auto copied = copy_ledger(from, *server, none);
    for (const auto& c : copied) CHECK(row_count(*server, c.table) == row_count(from, c.table));
    CHECK(row_count(*server, "progress") == rows);
}
