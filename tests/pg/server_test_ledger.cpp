// open_test_ledger() in pg_tests: every ledger a test opens is a schema of its own on the
// throw-away server (IL_TEST_PG_URL, tests/pg/with_cluster.sh), made from the current schema
// as `server init` makes it, so tests neither see nor disturb each other's rows.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <unistd.h>

#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_schema.h"
#include "tests/support/test_ledger.h"

namespace il::test {

namespace {
std::unique_ptr<db::storage::Connection> connect_to(const std::string& schema) {
    const char* url = std::getenv("IL_TEST_PG_URL");
    REQUIRE_MESSAGE(url != nullptr, "run through tests/pg/with_cluster.sh (IL_TEST_PG_URL not set)");
    auto conn = db::storage::connect_postgresql(url);
    conn->exec("SET search_path TO " + schema);
    return conn;
}
}  // namespace

std::string new_server_test_schema() {
    static int made = 0;
    const std::string schema = "t" + std::to_string(::getpid()) + "_" + std::to_string(++made);
    auto conn = connect_to("public");
    conn->exec("CREATE SCHEMA " + schema + "; SET search_path TO " + schema);
    db::storage::create_server_schema(*conn);
    return schema;
}

std::unique_ptr<db::Database> connect_server_test_ledger(const std::string& schema, const db::OpenOptions& options) {
    return db::Database::open_server(connect_to(schema), options);
}

std::unique_ptr<db::Database> open_server_test_ledger(const std::string& user) {
    db::OpenOptions options;
    options.user = user;
    return connect_server_test_ledger(new_server_test_schema(), options);
}

}  // namespace il::test
