#include <doctest/doctest.h>

#include "core/util/utf8_path.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/db/audit.h"
#include "core/db/backup.h"
#include "core/util/sha256.h"

namespace fs = std::filesystem;
using namespace il::db;

namespace {
struct BackupTempDir {
    fs::path path;
    BackupTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-backup-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~BackupTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

std::int64_t regions(Database& db) { return db.sql().execAndGet("SELECT count(*) FROM regions").getInt64(); }

void add_region(Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(), "INSERT INTO regions(uid, name) VALUES(lower(hex(randomblob(16))), ?)");
    q.bind(1, name);
    q.exec();
}

void add_project(Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(),
                        "INSERT INTO projects(uid, name, region_id, created_at, updated_at)"
                        " VALUES(lower(hex(randomblob(16))), ?, (SELECT min(id) FROM regions), 'x', 'x')");
    q.bind(1, name);
    q.exec();
}

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) ++n;
    return n;
}
}  // namespace

TEST_CASE("backups live beside the database in <stem>-backups") {
    CHECK(backup_dir("/data/ledger.db") == fs::path("/data/ledger-backups"));
    CHECK(backup_dir("廊坊.db") == fs::path("廊坊-backups"));
}

TEST_CASE("sqlite_file_uri percent-encodes the path") {
#ifdef _WIN32
    // a drive-letter path: file:///C:/..., backslashes as slashes, Chinese as UTF-8 bytes
    CHECK(sqlite_file_uri(il::u8path("C:\\台账\\a b?#%.db"), "immutable=1") ==
          "file:///C:/%E5%8F%B0%E8%B4%A6/a%20b%3F%23%25.db?immutable=1");
#else
    CHECK(sqlite_file_uri("/tmp/a b?#%.db", "immutable=1") == "file:///tmp/a%20b%3F%23%25.db?immutable=1");
    CHECK(sqlite_file_uri("/tmp/台账.db", "") == "file:///tmp/%E5%8F%B0%E8%B4%A6.db");
#endif
}

TEST_CASE("automatic backup on open: once a day, not for new or read-only files") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    { auto db = Database::open(file); add_region(*db, "广阳区"); }  // new file: no backup
    CHECK(files_in(backup_dir(file)) == 0);
    { auto db = Database::open(file); CHECK(db->warnings().empty()); }  // existing: today's automatic backup
    auto list = list_backups(file);
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == "auto");
    CHECK(list[0].readable);
    { auto db = Database::open(file); }  // same day: none more
    { OpenOptions ro; ro.read_only = true; auto db = Database::open(file, ro); }
    CHECK(list_backups(file).size() == 1);
    { OpenOptions no; no.auto_backup = false; auto db = Database::open(file, no); }
    CHECK(list_backups(file).size() == 1);
}

TEST_CASE("backup_now copies a consistent database and rotation keeps backup_keep per kind") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.auto_backup = false;
    auto db = Database::open(file, opt);
    add_region(*db, "广阳区");
    add_project(*db, "项目一");
    db->set_setting("backup_keep", "3");
    CHECK(backup_keep(*db) == 3);
    std::vector<fs::path> made;
    for (int i = 0; i < 5; ++i) {
        add_project(*db, "项目" + std::to_string(i + 2));
        made.push_back(backup_now(*db));
    }
    fs::path imp = pre_change_backup(*db, "import");
    auto list = list_backups(file);
    REQUIRE(list.size() == 4);  // 3 manual + 1 import
    CHECK(list[0].file == imp);  // newest first
    CHECK(list[0].kind == "import");
    CHECK(list[1].file == made[4]);
    CHECK(list[1].projects == 6);
    CHECK(list[3].file == made[2]);
    CHECK(list[3].projects == 4);
    CHECK_FALSE(fs::exists(made[0]));
    // each backup is a self-contained file: no -wal beside it, rollback journal mode
    for (const auto& b : list) {
        fs::path wal = b.file;
        wal += "-wal";
        CHECK_FALSE(fs::exists(wal));
        CHECK(b.schema_version == current_schema_version());
    }
    // no partial files left
    for (const auto& e : fs::directory_iterator(backup_dir(file)))
        CHECK(e.path().string().find(".partial") == std::string::npos);
    db->set_setting("backup_keep", "nonsense");
    CHECK(backup_keep(*db) == kDefaultBackupKeep);
}

TEST_CASE("browsing a backup never changes a byte of it") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.auto_backup = false;
    auto db = Database::open(file, opt);
    add_region(*db, "广阳区");
    add_project(*db, "项目一");
    fs::path b = backup_now(*db);
    std::string before = il::sha256_file(b);
    auto mtime = fs::last_write_time(b);
    for (int i = 0; i < 3; ++i) {
        auto info = inspect_backup(b);
        CHECK(info.readable);
        CHECK(info.projects == 1);
        list_backups(file);
    }
    CHECK(il::sha256_file(b) == before);
    CHECK(fs::last_write_time(b) == mtime);
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(backup_dir(file))) { (void)e; ++n; }
    CHECK(n == 1);  // no -journal, -wal, -shm created next to it
}

TEST_CASE("inspect_backup reports unreadable files instead of throwing") {
    BackupTempDir tmp;
    fs::path junk = tmp.path / "junk-20260101-000000-manual.db";
    std::ofstream(junk) << "this is not a database";
    auto info = inspect_backup(junk);
    CHECK_FALSE(info.readable);
    CHECK_FALSE(info.error.empty());
    CHECK(info.created == "2026-01-01 00:00:00");
    CHECK_FALSE(inspect_backup(tmp.path / "missing.db").readable);
}

TEST_CASE("restore replaces the content, backs up first and records an audit event") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.auto_backup = false;
    auto db = Database::open(file, opt);
    add_region(*db, "广阳区");
    add_project(*db, "项目一");
    fs::path b = backup_now(*db);
    add_project(*db, "项目二");
    add_region(*db, "安次区");
    CHECK(db->sql().execAndGet("SELECT count(*) FROM projects").getInt() == 2);

    fs::path safety = restore_backup(*db, b);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM projects").getInt() == 1);
    CHECK(regions(*db) == 1);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM audit_log WHERE action = 'restore'").getInt() == 1);
    CHECK(db->sql().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db->sql().execAndGet("PRAGMA integrity_check").getString() == "ok");
    auto s = inspect_backup(safety);
    CHECK(s.kind == "before-restore");
    CHECK(s.projects == 2);
    // another connection sees the restored content
    db.reset();
    auto again = Database::open(file, opt);
    CHECK(again->sql().execAndGet("SELECT count(*) FROM projects").getInt() == 1);
    // restoring the "before-restore" backup brings the newer data back
    restore_backup(*again, safety);
    CHECK(again->sql().execAndGet("SELECT count(*) FROM projects").getInt() == 2);
}

TEST_CASE("restore refuses a newer-schema or broken backup and changes nothing") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.auto_backup = false;
    auto db = Database::open(file, opt);
    add_region(*db, "广阳区");
    fs::path newer = tmp.path / "newer.db";
    {
        SQLite::Database n(newer.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        n.exec("CREATE TABLE projects(id INTEGER PRIMARY KEY); PRAGMA user_version = 999");
    }
    CHECK_THROWS_AS(restore_backup(*db, newer), il::DatabaseError);
    fs::path junk = tmp.path / "junk.db";
    std::ofstream(junk) << "garbage";
    CHECK_THROWS_AS(restore_backup(*db, junk), il::DatabaseError);
    CHECK_THROWS_AS(restore_backup(*db, file), il::ValidationError);
    CHECK(regions(*db) == 1);
    CHECK(list_backups(file).empty());  // nothing was attempted
}

TEST_CASE("restore of an older-schema backup migrates it") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.auto_backup = false;
    auto db = Database::open(file, opt);
    fs::path old = tmp.path / "old.db";
    {
        SQLite::Database o(old.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(o, 1);
        o.exec("INSERT INTO regions(uid, name) VALUES('u1', '固安县')");
    }
    restore_backup(*db, old);
    CHECK(db->schema_version() == current_schema_version());
    CHECK(regions(*db) == 1);
}

TEST_CASE("migration backup goes to the backups folder") {
    BackupTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    {
        SQLite::Database o(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        migrate_to(o, 1);
        o.exec("INSERT INTO regions(uid, name) VALUES('u1', '固安县')");
    }
    auto db = Database::open(file);
    if (current_schema_version() > 1) {
        REQUIRE(db->migration_backup());
        CHECK(db->migration_backup()->parent_path() == backup_dir(file));
        auto info = inspect_backup(*db->migration_backup());
        CHECK(info.kind == "migration-v1");
        CHECK(info.schema_version == 1);
        CHECK(list_backups(file).size() == 1);  // no automatic one on top of it
    }
}
