#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/db/database.h"
#include "tests/core/demo/demo_dump.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;

namespace {

int run_cli(const std::string& args) {
    return il_test::run_shell(il_test::quoted_cli(IL_CLI_PATH) + " " + args + " >" + il_test::null_device() + " 2>&1");
}

std::int64_t projects_in(const fs::path& file) {
    auto db = il::db::Database::open(file);
    SQLite::Statement q(db->sql(), "SELECT COUNT(*) FROM projects");
    q.executeStep();
    return q.getColumn(0).getInt64();
}

}  // namespace

TEST_CASE("cli demo: creates the database, refuses to add to one with projects unless --force") {
    const fs::path dir = fs::temp_directory_path() / ("il_demo_cli_" + std::to_string(il_test::pid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path file = dir / "city.db";
    const std::string db = "--db " + il_test::quote_path(file) + " ";

    CHECK(run_cli(db + "demo --projects 40 --renovations 10 --deals 10 --seed 3 --quiet") == 0);
    CHECK(projects_in(file) == 40 + 12);  // and 30% more completed the year before
    std::uint64_t before;
    {
        auto d = il::db::Database::open(file);
        before = il::test::content_hash(*d);
    }
    CHECK(run_cli(db + "demo --projects 40 --quiet") == 1);
    {
        auto d = il::db::Database::open(file);
        CHECK(il::test::content_hash(*d) == before);
    }
    CHECK(run_cli(db + "demo --projects 5 --renovations 0 --deals 0 --seed 4 --force --quiet") == 0);
    CHECK(projects_in(file) == 52 + 5 + 1);
    CHECK(run_cli(db + "demo --year 1990") == 2);
    CHECK(run_cli(db + "demo --projects -3") == 2);
    fs::remove_all(dir);
}
