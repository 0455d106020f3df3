// The storage interface (core/db/storage) on a real PostgreSQL 15 server, started by
// tests/pg/with_cluster.sh: value kinds, transactions, errors, the password from a ~/.pgpass
// file, and two writers on one row.
#include <doctest/doctest.h>

#include <cstdlib>
#include <limits>
#include <string>

#include "core/db/database.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/util/error.h"

using namespace il::db::storage;

namespace {
std::string url() {
    const char* u = std::getenv("IL_TEST_PG_URL");
    REQUIRE_MESSAGE(u != nullptr, "run through tests/pg/with_cluster.sh (IL_TEST_PG_URL not set)");
    return u;
}
std::unique_ptr<Connection> connect() { return connect_postgresql(url(), "", nullptr); }
}  // namespace

TEST_CASE("postgresql: every value kind round-trips; rollback undoes, commit keeps") {
    auto c = connect();
    CHECK(c->engine() == Engine::postgresql);
    c->exec("DROP TABLE IF EXISTS kinds; CREATE TABLE kinds(i bigint, r double precision, t text, b bytea, n text)");
    const std::int64_t big = std::numeric_limits<std::int64_t>::min() + 1;
    {
        Transaction tx(*c);
        auto ins = c->prepare("INSERT INTO kinds VALUES(?, ?, ?, ?, ?)");
        ins->bind(1, big);
        ins->bind(2, 0.1);
        ins->bind(3, std::string("广阳区 '?' \"引号\""));
        ins->bind(4, Blob{{0, 255, 7, 0}});
        ins->bind(5, std::monostate{});
        ins->step();
        CHECK(ins->changes() == 1);
        tx.commit();
    }
    {
        Transaction tx(*c);
        c->exec("INSERT INTO kinds(i) VALUES (42)");
    }  // not committed
    auto q = c->prepare("SELECT i, r, t, b, n FROM kinds ORDER BY i");
    REQUIRE(q->step());
    CHECK(q->i64(0) == big);
    CHECK(std::get<double>(q->value(1)) == 0.1);  // %.17g: the double comes back bit for bit
    CHECK(q->text(2) == "广阳区 '?' \"引号\"");
    CHECK(std::get<Blob>(q->value(3)) == Blob{{0, 255, 7, 0}});
    CHECK(q->is_null(4));
    CHECK(q->column_name(2) == "t");
    CHECK_FALSE(q->step());  // the rolled-back 42 is not there
}

TEST_CASE("postgresql: a rejected statement is a DatabaseError naming the SQLSTATE") {
    auto c = connect();
    c->exec("DROP TABLE IF EXISTS uniq; CREATE TABLE uniq(code text PRIMARY KEY)");
    auto ins = c->prepare("INSERT INTO uniq VALUES(?)");
    ins->bind(1, std::string("2017-131000-47-03-000001"));
    ins->step();
    ins->reset();
    ins->bind(1, std::string("2017-131000-47-03-000001"));
    try {
        ins->step();
        FAIL("a duplicate key was accepted");
    } catch (const il::DatabaseError& e) {
        CHECK(std::string(e.what()).find("23505") != std::string::npos);  // unique_violation
    }
    CHECK_THROWS_AS(c->exec("SELEKT 1"), il::DatabaseError);
    CHECK_THROWS_AS(ins->bind(2, std::int64_t{1}), il::DatabaseError);  // no second placeholder
}

TEST_CASE("postgresql: the password comes from the ~/.pgpass file, never from the tool") {
    const char* passfile = std::getenv("IL_TEST_PG_PASSFILE");
    REQUIRE(passfile != nullptr);
    // with the pass file (PGPASSFILE, as ~/.pgpass would be): connected without a password given
    CHECK_NOTHROW(connect_postgresql(url(), "", nullptr));
    // without it: refused, and the caller learns that a password is what is missing (to prompt)
    std::string saved = passfile;
    setenv("PGPASSFILE", "/nonexistent/pgpass", 1);
    bool needs_password = false;
    CHECK_THROWS_AS(connect_postgresql(url(), "", &needs_password), il::DatabaseError);
    CHECK(needs_password);
    bool again = false;
    CHECK_THROWS_AS(connect_postgresql(url(), "wrong password", &again), il::DatabaseError);
    setenv("PGPASSFILE", saved.c_str(), 1);
    CHECK_NOTHROW(connect_postgresql(url(), "", nullptr));
}

TEST_CASE("postgresql: two writers on one project: the second gets a conflict, not a lost update") {
    auto setup = connect();
    setup->exec("DROP TABLE IF EXISTS proj; CREATE TABLE proj(id bigint PRIMARY KEY, name text, version bigint)");
    setup->exec("INSERT INTO proj VALUES (1, '固安新材料产业园', 1)");
    auto a = connect(), b = connect();
    Transaction ta(*a), tb(*b);
    auto read_a = a->prepare("SELECT version FROM proj WHERE id = 1");
    auto read_b = b->prepare("SELECT version FROM proj WHERE id = 1");
    REQUIRE(read_a->step());
    REQUIRE(read_b->step());
    const std::int64_t seen_a = read_a->i64(0), seen_b = read_b->i64(0);
    CHECK(seen_a == seen_b);
    auto write = [](Connection& c, const std::string& name, std::int64_t seen) {
        auto u = c.prepare("UPDATE proj SET name = ?, version = version + 1 WHERE id = 1 AND version = ?");
        u->bind(1, name);
        u->bind(2, seen);
        u->step();
        return u->changes();
    };
    CHECK(write(*a, "固安新材料产业园（一期）", seen_a) == 1);
    ta.commit();
    // b read version 1 in its snapshot; a committed version 2: b's write is refused by the
    // server (REPEATABLE READ: could not serialize access, SQLSTATE 40001)
    try {
        write(*b, "固安新材料产业园（二期）", seen_b);
        FAIL("the second writer overwrote the first");
    } catch (const il::DatabaseError& e) {
        CHECK(std::string(e.what()).find("40001") != std::string::npos);
    }
    auto check = setup->prepare("SELECT name, version FROM proj WHERE id = 1");
    REQUIRE(check->step());
    CHECK(check->text(0) == "固安新材料产业园（一期）");
    CHECK(check->i64(1) == 2);
}

TEST_CASE("postgresql: the server schema is the SQLite schema's tables, in creation order, created once") {
    auto c = connect();
    c->exec("DROP SCHEMA IF EXISTS schema_test CASCADE; CREATE SCHEMA schema_test; SET search_path TO schema_test");
    CHECK(server_schema_version(*c) == 0);
    create_server_schema(*c);
    CHECK(server_schema_version(*c) == il::db::current_schema_version());
    auto model = il::db::Database::open_memory();
    SqliteConnection sqlite(model->sql());
    CHECK(c->tables() == sqlite.tables());
    // a second time: refused, nothing changed
    CHECK_THROWS_AS(create_server_schema(*c), il::DatabaseError);
    // the constraints came along: a project in a region that does not exist is refused
    CHECK_THROWS_AS(c->exec("INSERT INTO projects(id, uid, name, region_id) VALUES (1, 'u1', '孤儿项目', 999)"),
                    il::DatabaseError);
    c->exec("DROP SCHEMA schema_test CASCADE; SET search_path TO public");
}
