// The engine-neutral storage interface: `?` to $n translation, and the SQLite implementation
// round-tripping every value kind and rolling back an uncommitted transaction.
#include <doctest/doctest.h>

#include "core/db/database.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/placeholders.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/util/error.h"

using namespace il::db::storage;

TEST_CASE("placeholders become $n outside literals, identifiers and comments") {
    int n = 0;
    CHECK(to_numbered_placeholders("SELECT a FROM t WHERE x = ? AND y = '?' AND \"q?\" = ? -- ?\n AND z = ?", &n) ==
          "SELECT a FROM t WHERE x = $1 AND y = '?' AND \"q?\" = $2 -- ?\n AND z = $3");
    CHECK(n == 3);
    CHECK(to_numbered_placeholders("SELECT 'it''s ?', ? /* ? */", &n) == "SELECT 'it''s ?', $1 /* ? */");
    CHECK(n == 1);
}

TEST_CASE("postgresql URLs are recognised, files are not") {
    CHECK(is_postgresql_url("postgresql://wang@server/ledger"));
    CHECK(is_postgresql_url("postgres://server/ledger"));
    CHECK_FALSE(is_postgresql_url("ledger.db"));
    CHECK_FALSE(is_postgresql_url("/data/postgresql/ledger.db"));
}

TEST_CASE("SQLite connection binds and reads every value kind; rollback undoes") {
    auto db = il::db::Database::open_memory();
    SqliteConnection c(db->sql());
    CHECK(c.engine() == Engine::sqlite);
    c.exec("CREATE TABLE kinds(i INTEGER, r REAL, t TEXT, b BLOB, n TEXT)");
    {
        Transaction tx(c);
        auto ins = c.prepare("INSERT INTO kinds VALUES(?, ?, ?, ?, ?)");
        ins->bind(1, std::int64_t{-9007199254740993});
        ins->bind(2, 0.1);
        ins->bind(3, std::string("广阳区"));
        ins->bind(4, Blob{{0, 255, 7}});
        ins->bind(5, std::monostate{});
        CHECK_FALSE(ins->step());
        CHECK(ins->changes() == 1);
        tx.commit();
    }
    auto q = c.prepare("SELECT * FROM kinds");
    REQUIRE(q->step());
    CHECK(q->column_count() == 5);
    CHECK(q->column_name(2) == "t");
    CHECK(q->i64(0) == -9007199254740993);
    CHECK(std::get<double>(q->value(1)) == 0.1);
    CHECK(q->text(2) == "广阳区");
    CHECK(std::get<Blob>(q->value(3)) == Blob{{0, 255, 7}});
    CHECK(q->is_null(4));
    CHECK_FALSE(q->step());
    {
        Transaction tx(c);
        c.exec("DELETE FROM kinds");
    }  // not committed
    auto count = c.prepare("SELECT count(*) FROM kinds");
    REQUIRE(count->step());
    CHECK(count->i64(0) == 1);
    auto tables = c.tables();
    CHECK(tables.front() == "settings");
    CHECK(tables.back() == "kinds");
}

TEST_CASE("Statement::i64 and text: numbers in text are read whole; anything else is a DatabaseError") {
    auto db = il::db::Database::open_memory();
    SqliteConnection c(db->sql());
    auto q = c.prepare("SELECT '123', '12x', x'00', NULL, 0.1");
    REQUIRE(q->step());
    CHECK(q->i64(0) == 123);
    CHECK_THROWS_AS(q->i64(1), il::DatabaseError);  // not half a number
    CHECK_THROWS_AS(q->i64(2), il::DatabaseError);  // a blob is not an integer
    CHECK(q->i64(3) == 0);
    CHECK(q->text(4) == "0.10000000000000001");  // the double exactly, not std::to_string's 0.100000
}

TEST_CASE("quote_identifier: one quoting of names for both engines") {
    CHECK(quote_identifier("projects") == "\"projects\"");
    CHECK(quote_identifier("a\"b") == "\"a\"\"b\"");  // a quote inside is doubled, not an end
}

TEST_CASE("row_count: the rows of a table, through the engine-neutral interface") {
    auto db = il::db::Database::open_memory();
    SqliteConnection c(db->sql());
    CHECK(row_count(c, "projects") == 0);
    c.exec("CREATE TABLE \"odd name\"(x INTEGER)");
    c.exec("INSERT INTO \"odd name\" VALUES(1), (2), (3)");
    CHECK(row_count(c, "odd name") == 3);
    CHECK_THROWS(row_count(c, "no_such_table"));
}
