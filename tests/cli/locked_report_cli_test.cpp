// 封账 end to end through the CLI: the report of a locked period is the archived file, byte for
// byte, even after the ledger changed; after unlocking, the report is generated afresh.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "core/util/sha256.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;

namespace {
struct CliTempDir {
    fs::path path;
    CliTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-locked-report-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~CliTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

int cli(const fs::path& db, const std::string& args) {
    std::string cmd = il_test::quoted_cli(IL_CLI_PATH) + " --db " + il_test::quote_path(db) + " " + args + " >" + il_test::null_device() + " 2>&1";
    return il_test::run_shell(cmd);
}
}  // namespace

TEST_CASE("a locked period's report reproduces the submitted file (same checksum)") {
    CliTempDir tmp;
    fs::path db = tmp.path / "ledger.db";
    REQUIRE(cli(db, "demo --projects 30 --renovations 5 --deals 5 --seed 3 --quiet") == 0);
    fs::path submitted = tmp.path / "submitted.xlsx";
    REQUIRE(cli(db, "report --all --period 2017-06 --date 2017-07-05 --out " + il_test::quote_path(submitted)) == 0);
    std::string sha = il::sha256_file(submitted);
    REQUIRE(cli(db, "lock 2017-06 --reason 已上报") == 0);
    // the ledger changes afterwards (a project's name; not the locked month's figures)
    REQUIRE(cli(db, "set 1 name=改名后的项目") == 0);
    CHECK(cli(db, "progress 1 2017-06 --completed 1") != 0);  // the locked month itself is refused
    fs::path again = tmp.path / "again.xlsx";
    REQUIRE(cli(db, "report --all --period 2017-06 --out " + il_test::quote_path(again)) == 0);
    CHECK(il::sha256_file(again) == sha);
    REQUIRE(cli(db, "unlock 2017-06 --reason 更正项目名称") == 0);
    fs::path fresh = tmp.path / "fresh.xlsx";
    REQUIRE(cli(db, "report --all --period 2017-06 --date 2017-07-05 --out " + il_test::quote_path(fresh)) == 0);
    CHECK(il::sha256_file(fresh) != sha);
}
