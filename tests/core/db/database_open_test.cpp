#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/db/database.h"

namespace fs = std::filesystem;
using il::db::Database;

namespace {
fs::path temp_db(const char* name) {
    fs::path dir = fs::temp_directory_path() / "il_db_open_test";
    fs::create_directories(dir);
    fs::path p = dir / name;
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(fs::path(p.string() + suffix));
    return p;
}
std::string file_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
il::db::OpenOptions no_create() {
    il::db::OpenOptions o;
    o.create = false;
    return o;
}
}  // namespace

TEST_CASE("a new database is created at the current schema version with WAL and foreign keys") {
    auto path = temp_db("new.db");
    auto db = Database::open(path);
    CHECK(db->schema_version() == il::db::current_schema_version());
    CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db->sql().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK_FALSE(db->migration_backup().has_value());
}

TEST_CASE("a database from a newer program is refused and left byte-for-byte unchanged") {
    auto path = temp_db("newer.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE t(x); PRAGMA user_version = 999;");
    }
    std::string before = file_bytes(path);
    CHECK_THROWS_WITH_AS(Database::open(path), doctest::Contains("更新版本"), il::DatabaseError);
    CHECK(file_bytes(path) == before);
}

TEST_CASE("an older database is upgraded step by step after a backup copy") {
    auto path = temp_db("old.db");
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec("CREATE TABLE legacy(x); INSERT INTO legacy VALUES(1);");  // version 0 with content
    }
    auto db = Database::open(path);
    CHECK(db->schema_version() == il::db::current_schema_version());
    REQUIRE(db->migration_backup().has_value());
    CHECK(fs::exists(*db->migration_backup()));
    SQLite::Database backup(db->migration_backup()->string());
    CHECK(backup.execAndGet("PRAGMA user_version").getInt() == 0);
    CHECK(backup.execAndGet("SELECT x FROM legacy").getInt() == 1);
}

TEST_CASE("a file that is not a database gets a clear message") {
    auto path = temp_db("garbage.db");
    { std::ofstream(path) << "this is not sqlite, it is a spreadsheet someone renamed......................."; }
    CHECK_THROWS_AS(Database::open(path), il::DatabaseError);
    CHECK_THROWS_WITH_AS(Database::open(temp_db("missing.db"), no_create()), doctest::Contains("不存在"),
                         il::DatabaseError);
}

TEST_CASE("settings are stored and replaced") {
    auto db = Database::open_memory();
    CHECK_FALSE(db->setting("footer_unit").has_value());
    db->set_setting("footer_unit", "固安县投资促进局");
    db->set_setting("footer_unit", "固安县发展和改革局");
    CHECK(db->setting_or("footer_unit", "") == "固安县发展和改革局");
}
