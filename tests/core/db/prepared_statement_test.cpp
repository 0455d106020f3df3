// The statement cache: handles reset their statement when they end (no read left open on a
// long-lived connection), and the same text used again further up the stack gets its own one.
#include <doctest/doctest.h>

#include "core/db/database.h"

using namespace il::db;

namespace {
int busy_statements(Database& d) {
    int busy = 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(d.sql().getHandle(), nullptr); s; s = sqlite3_next_stmt(d.sql().getHandle(), s))
        if (sqlite3_stmt_busy(s)) ++busy;
    return busy;
}
}  // namespace

TEST_CASE("a prepared handle leaves no statement running when it ends") {
    auto d = Database::open_memory();
    d->sql().exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    {
        auto q = d->prepared("SELECT x FROM t ORDER BY x");
        REQUIRE(q->executeStep());  // one row read, two left: the statement is mid-way
        CHECK(q->getColumn(0).getInt() == 1);
        CHECK(busy_statements(*d) == 1);
    }
    CHECK(busy_statements(*d) == 0);
    {
        auto q = d->prepared("SELECT x FROM t ORDER BY x");  // the same statement again, from the start
        REQUIRE(q->executeStep());
        CHECK(q->getColumn(0).getInt() == 1);
    }
}

TEST_CASE("the same text used re-entrantly gets a statement of its own") {
    auto d = Database::open_memory();
    d->sql().exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2)");
    const std::string sql = "SELECT x FROM t WHERE x >= ? ORDER BY x";
    auto outer = d->prepared(sql);
    outer->bind(1, 1);
    REQUIRE(outer->executeStep());
    {
        auto inner = d->prepared(sql);
        CHECK(&*inner != &*outer);
        inner->bind(1, 2);
        REQUIRE(inner->executeStep());
        CHECK(inner->getColumn(0).getInt() == 2);
    }
    // the outer iteration goes on where it was
    CHECK(outer->getColumn(0).getInt() == 1);
    REQUIRE(outer->executeStep());
    CHECK(outer->getColumn(0).getInt() == 2);
    CHECK_FALSE(outer->executeStep());
}
