#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/db/database.h"
#include "core/db/holders.h"

namespace fs = std::filesystem;
using namespace il::db;

namespace {
struct HoldersTempDir {
    fs::path path;
    HoldersTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-holders-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~HoldersTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

void fake_holder(const fs::path& db, const std::string& host, long pid, const std::string& user) {
    fs::create_directories(holders_dir(db));
    std::ofstream(holders_dir(db) / (host + "-" + std::to_string(pid) + ".txt"))
        << "host=" << host << "\nuser=" << user << "\npid=" << pid
        << "\nprogram=investledger-gui\nsince=2026-11-26T09:12:00+08:00\nmode=写入\n";
}
}  // namespace

TEST_CASE("an open database announces its holder; closing removes it") {
    HoldersTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    {
        OpenOptions opt;
        opt.user = "李四";
        auto db = Database::open(file, opt);
        std::size_t n = 0;
        for (const auto& e : fs::directory_iterator(holders_dir(file))) {
            (void)e;
            ++n;
        }
        CHECK(n == 1);
        CHECK(other_holders(file).empty());  // this process is not "another program"
    }
    CHECK_FALSE(fs::exists(holders_dir(file)));
}

TEST_CASE("busy message names the other program's user and host; dead local holders are pruned") {
    HoldersTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    fake_holder(file, "OFFICE-PC7", 4242, "王五");             // another computer: shown as is
    fake_holder(file, host_name(), 2147480000L, "已退出的用户");  // this host, no such pid: pruned
    {
        // a holder file with Windows line ends (CRLF): still read as this host's, still pruned
        std::ofstream(holders_dir(file) / "crlf.txt", std::ios::binary)
            << "host=" << host_name() << "\r\nuser=换行用户\r\npid=2147480001\r\nmode=写入\r\n";
    }
    auto holders = other_holders(file);
    REQUIRE(holders.size() == 1);
    CHECK(holders[0].user == "王五");
    std::string msg = busy_message(file);
    CHECK(msg.find("数据库正被另一个程序使用") == 0);
    CHECK(msg.find("王五") != std::string::npos);
    CHECK(msg.find("OFFICE-PC7") != std::string::npos);
    CHECK(msg.find("2026-11-26 09:12") != std::string::npos);
    CHECK(msg.find("已退出的用户") == std::string::npos);
    CHECK(msg.find("换行用户") == std::string::npos);
}

TEST_CASE("a write blocked by another connection times out; the message tells who holds it") {
    HoldersTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.user = "甲";
    auto first = Database::open(file, opt);
    fake_holder(file, "OTHER-HOST", 77, "乙");
    first->sql().exec("BEGIN IMMEDIATE");
    first->set_setting("x", "1");
    OpenOptions second_opt;
    second_opt.busy_timeout_ms = 200;
    auto second = Database::open(file, second_opt);
    bool busy = false;
    try {
        second->set_setting("y", "2");
    } catch (const SQLite::Exception& e) {
        busy = e.getErrorCode() == SQLITE_BUSY;
    }
    CHECK(busy);
    CHECK(busy_message(file).find("乙 在 OTHER-HOST 上") != std::string::npos);
    first->sql().exec("COMMIT");
    CHECK_NOTHROW(second->set_setting("y", "2"));
}

TEST_CASE("a second read-only connection with announce = false leaves the writer's announcement alone") {
    HoldersTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions opt;
    opt.user = "李四";
    auto writer = Database::open(file, opt);
    REQUIRE(fs::exists(holders_dir(file)));
    {
        OpenOptions ro;
        ro.read_only = true;
        ro.create = false;
        ro.announce = false;
        auto reader = Database::open(file, ro);
        CHECK(reader->schema_version() == current_schema_version());
    }
    std::size_t n = 0;
    if (fs::exists(holders_dir(file)))
        for (const auto& e : fs::directory_iterator(holders_dir(file))) {
            (void)e;
            ++n;
        }
    CHECK(n == 1);  // announced by the writer, still there
}

#include "core/db/sqlite_error_text.h"

TEST_CASE("sqlite_error_text: one text per failure for the GUI and the CLI") {
    using il::db::sqlite_error_text;
    CHECK(sqlite_error_text(SQLITE_FULL, "database or disk is full") == "磁盘已满，修改未保存。");
    CHECK(sqlite_error_text(SQLITE_CONSTRAINT_UNIQUE, "UNIQUE constraint failed").find("冲突") != std::string::npos);
    CHECK(sqlite_error_text(SQLITE_NOTADB, "x").find("不是有效的台账数据库") != std::string::npos);
    CHECK(sqlite_error_text(SQLITE_BUSY, "database is locked").find("使用") != std::string::npos);
    CHECK(sqlite_error_text(SQLITE_IOERR, "disk I/O error") == "数据库错误：disk I/O error");
}
