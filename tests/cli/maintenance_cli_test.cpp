// The maintenance commands as a user runs them: backup, backups, restore N --yes, lock/locks/unlock.
#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include "tests/support/process.h"

namespace fs = std::filesystem;

namespace {
struct MaintTempDir {
    fs::path path;
    MaintTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-maint-cli-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~MaintTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

struct Run {
    int rc = -1;
    std::string out;
};

Run cli(const fs::path& db, const std::string& args) {
    std::string cmd = il_test::quoted_cli(IL_CLI_PATH) + " --db " + il_test::quote_path(db) + " " + args + " 2>&1";
    Run r;
    r.out = il_test::run_capture(cmd, &r.rc);
    return r;
}

std::string notes_of(const fs::path& db, int id) {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(d, "SELECT notes FROM projects WHERE id = ?");
    q.bind(1, id);
    return q.executeStep() ? q.getColumn(0).getString() : "<none>";
}
}  // namespace

TEST_CASE("CLI: backup, backups, restore N --yes and the lock commands") {
    MaintTempDir tmp;
    fs::path db = tmp.path / "县台账.db";
    REQUIRE(cli(db, "demo --projects 10 --renovations 2 --deals 2 --seed 1 --quiet").rc == 0);
    REQUIRE(cli(db, "set 1 notes=备份前").rc == 0);
    auto b = cli(db, "backup");
    REQUIRE(b.rc == 0);
    CHECK(b.out.find("已备份") != std::string::npos);
    CHECK(fs::is_directory(tmp.path / "县台账-backups"));
    REQUIRE(cli(db, "set 1 notes=备份后").rc == 0);

    auto list = cli(db, "backups");
    REQUIRE(list.rc == 0);
    CHECK(list.out.find("手动") != std::string::npos);
    std::int64_t projects = SQLite::Database(db.string()).execAndGet("SELECT count(*) FROM projects").getInt64();
    CHECK(list.out.find("项目 " + std::to_string(projects) + "，") != std::string::npos);

    // N = 1 is the newest backup: the manual one made above (the automatic one of today came first)
    auto r = cli(db, "restore 1 --yes");
    REQUIRE(r.rc == 0);
    CHECK(r.out.find("已恢复") != std::string::npos);
    CHECK(notes_of(db, 1) == "备份前");
    CHECK(cli(db, "backups").out.find("恢复前") != std::string::npos);
    CHECK(cli(db, "restore 99 --yes").rc == 1);
    CHECK(cli(db, "restore \"" + (tmp.path / "nope.db").string() + "\" --yes").rc == 1);

    CHECK(cli(db, "lock 2017-05 --reason 已上报").rc == 0);
    auto locks = cli(db, "locks");
    CHECK(locks.out.find("2017-05") != std::string::npos);
    CHECK(locks.out.find("已上报") != std::string::npos);
    CHECK(cli(db, "unlock 2017-05").rc == 2);  // --reason is required
    auto u = cli(db, "unlock 2017-05 --reason 市局退回更正");
    CHECK(u.rc == 0);
    CHECK(cli(db, "locks").out.find("没有封账") != std::string::npos);
}
