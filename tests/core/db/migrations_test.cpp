#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/db/database.h"
#include "core/db/migration_steps.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using namespace il::db;

namespace {
std::string schema_of(SQLite::Database& d) {
    std::string out;
    SQLite::Statement q(d, "SELECT type, name, coalesce(sql,'') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                           "ORDER BY type, name");
    while (q.executeStep())
        out += q.getColumn(0).getString() + " " + q.getColumn(1).getString() + ": " + q.getColumn(2).getString() + "\n";
    return out;
}
std::string bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
fs::path temp_file(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("il_migrations_" + std::to_string(il_test::pid()));
    fs::create_directories(dir);
    fs::path p = dir / name;
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(fs::path(p.string() + s));
    return p;
}
}  // namespace

TEST_CASE("migration steps are numbered 1..N without gaps") {
    const auto& steps = migration_steps();
    REQUIRE_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<int>(i + 1));
    CHECK(current_schema_version() == steps.back().version);
}

TEST_CASE("migrate_to from 0, one step at a time, ends with the schema of a fresh database") {
    SQLite::Database raw(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 0);
    for (const auto& step : migration_steps()) {
        migrate_to(raw, step.version);
        CHECK(raw.execAndGet("PRAGMA user_version").getInt() == step.version);
    }
    auto fresh = Database::open_memory();
    CHECK(fresh->schema_version() == current_schema_version());
    CHECK(schema_of(raw) == schema_of(fresh->sql()));
    // running again is a no-op
    migrate_to(raw, current_schema_version());
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == current_schema_version());
}

TEST_CASE("data stored at version 1 survives the upgrade of a file") {
    auto path = temp_file("v1.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(raw, 1);
        raw.exec("INSERT INTO regions(uid, name) VALUES('r-1', '广阳区')");
        raw.exec("INSERT INTO projects(uid, name, region_id, total_investment, created_at, updated_at) "
                 "VALUES('p-1', '润泽信息港', 1, 1234, '2017-01-01', '2017-01-01')");
    }
    auto db = Database::open(path);
    CHECK(db->schema_version() == current_schema_version());
    CHECK(db->sql().execAndGet("SELECT total_investment FROM projects WHERE uid = 'p-1'").getInt64() == 1234);
    REQUIRE(db->migration_backup());
    CHECK(fs::exists(*db->migration_backup()));
}

TEST_CASE("an upgrade over several steps is all or nothing: a failing last step leaves the file at its old version") {
    REQUIRE(current_schema_version() >= 3);
    // A table or an index the last step creates (not there before it), found on a scratch
    // database: a table of that name is in its way (tables and indexes share one namespace).
    std::string blocker;
    {
        SQLite::Database probe(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(probe, current_schema_version() - 1);
        const std::string before_last = schema_of(probe);
        migrate_to(probe, current_schema_version());
        SQLite::Statement q(probe, "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%'");
        while (q.executeStep() && blocker.empty()) {
            std::string name = q.getColumn(0).getString();
            if (before_last.find("table " + name + ":") == std::string::npos &&
                before_last.find("index " + name + ":") == std::string::npos)
                blocker = name;
        }
    }
    REQUIRE_FALSE(blocker.empty());
    auto path = temp_file("half.db");
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    migrate_to(raw, 1);
    raw.exec("CREATE TABLE \"" + blocker + "\"(x)");  // in the way of the last step only
    const std::string at_v1 = schema_of(raw);
    CHECK_THROWS_AS(migrate_to(raw, current_schema_version()), il::DatabaseError);
    CHECK(raw.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(schema_of(raw) == at_v1);  // steps 2 .. N-1 rolled back with the failing one
}

TEST_CASE("a database from a newer program is refused and its bytes stay the same") {
    auto path = temp_file("newer.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(raw, current_schema_version());
        raw.exec("INSERT INTO settings(key, value) VALUES('k', 'v')");
        raw.exec("PRAGMA user_version = " + std::to_string(current_schema_version() + 5));
    }
    std::string before = bytes(path);
    for (bool read_only : {false, true}) {
        OpenOptions o;
        o.read_only = read_only;
        try {
            Database::open(path, o);
            FAIL("expected DatabaseError");
        } catch (const il::DatabaseError& e) {
            CHECK(std::string(e.what()).find("更新版本") != std::string::npos);
        }
        CHECK(bytes(path) == before);
    }
    CHECK_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_CASE("an outdated database opened read-only is refused, not migrated") {
    auto path = temp_file("old_ro.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(raw, 1);
    }
    if (current_schema_version() > 1) {
        std::string before = bytes(path);
        OpenOptions o;
        o.read_only = true;
        CHECK_THROWS_AS(Database::open(path, o), il::DatabaseError);
        CHECK(bytes(path) == before);
    }
}
