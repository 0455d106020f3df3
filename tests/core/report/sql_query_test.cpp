#include <doctest/doctest.h>

#include "core/report/sql_query.h"
#include "core/util/error.h"
#include "tests/core/report/report_test_util.h"

using il::report::run_read_only_query;
using il::report::SqlParams;

namespace {
std::string refusal(il::db::Database& db, const std::string& sql, const SqlParams& p = {}) {
    try {
        run_read_only_query(db.sql(), sql, p, "q.sql");
    } catch (const il::TemplateError& e) {
        return e.what();
    }
    return "(accepted)";
}
}  // namespace

TEST_CASE("Template SQL binds named parameters and returns typed values") {
    auto db = il::test::report_fixture_db();
    SqlParams p{{"year", std::int64_t{2017}}, {"name", std::string("固安县")}, {"none", std::monostate{}}};
    auto t = run_read_only_query(db->sql(),
                                 "SELECT r.name, count(p.id) AS n, 0.5 AS half, :none IS NULL AS is_null FROM regions r "
                                 "JOIN projects p ON p.region_id = r.id WHERE r.name = :name GROUP BY r.id",
                                 p, "q.sql");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.columns == std::vector<std::string>{"name", "n", "half", "is_null"});
    CHECK(std::get<std::string>(t.rows[0][0]) == "固安县");
    CHECK(std::get<std::int64_t>(t.rows[0][1]) == 2);
    CHECK(std::get<double>(t.rows[0][2]) == 0.5);
    CHECK(std::get<std::int64_t>(t.rows[0][3]) == 1);
    CHECK(t.column_index("half") == 2);
    CHECK(t.column_index("nope") == -1);
}

TEST_CASE("A parameter value is data, never SQL text") {
    auto db = il::test::report_fixture_db();
    SqlParams p{{"name", std::string("x' OR '1'='1")}};
    auto t = run_read_only_query(db->sql(), "SELECT name FROM regions WHERE name = :name", p, "q.sql");
    CHECK(t.rows.empty());
}

TEST_CASE("Statements that are not read-only are refused before they run") {
    auto db = il::test::report_fixture_db();
    CHECK(refusal(*db, "DELETE FROM projects").find("DELETE") != std::string::npos);
    CHECK(refusal(*db, "UPDATE projects SET name = 'x'").find("UPDATE") != std::string::npos);
    CHECK(refusal(*db, "INSERT INTO settings VALUES('a','b')").find("INSERT") != std::string::npos);
    CHECK(refusal(*db, "DROP TABLE projects").find("只允许只读查询") != std::string::npos);
    CHECK(refusal(*db, "CREATE TABLE t(x)").find("只允许只读查询") != std::string::npos);
    CHECK(refusal(*db, "ATTACH DATABASE '/tmp/x.db' AS x").find("ATTACH") != std::string::npos);
    CHECK(refusal(*db, "PRAGMA journal_mode = DELETE").find("PRAGMA") != std::string::npos);
    CHECK(refusal(*db, "WITH x AS (SELECT 1) DELETE FROM projects").find("只允许只读查询") != std::string::npos);
    // a second statement hidden after the first
    CHECK(refusal(*db, "SELECT 1;\nDELETE FROM projects;").find("只能有一条") != std::string::npos);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM projects").getInt() == 9);  // nothing changed
    // a trailing comment or semicolon is fine
    CHECK(refusal(*db, "SELECT 1; -- done\n/* end */").find("(accepted)") != std::string::npos);
}

TEST_CASE("SQL errors name the file, the line and the problem") {
    auto db = il::test::report_fixture_db();
    std::string msg = refusal(*db, "SELECT name\nFROM regions\nWHERE nosuchcolumn = 1");
    CHECK(msg.find("q.sql") != std::string::npos);
    CHECK(msg.find("第 3 行") != std::string::npos);
    CHECK(msg.find("nosuchcolumn") != std::string::npos);
    CHECK(refusal(*db, "  -- nothing\n").find("没有语句") != std::string::npos);
    CHECK(refusal(*db, "SELECT ?").find("命名参数") != std::string::npos);
    msg = refusal(*db, "SELECT :yaer", SqlParams{{"year", std::int64_t{2017}}});
    CHECK(msg.find("未知参数 :yaer") != std::string::npos);
    CHECK(msg.find(":year") != std::string::npos);
}
