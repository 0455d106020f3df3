// Roles and row-level security on the server (`investledger-cli server init` / `server grant`):
// an office login reads and writes only its own regions' rows, the city login reads everything
// and writes nothing; the server enforces it, whatever client connects.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "core/db/database.h"
#include "core/db/project_repository.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_roles.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/util/error.h"
#include "tests/core/db/ledger_fixture.h"

using namespace il::db::storage;

namespace {
std::string url_for(const std::string& login) {
    std::string url = std::getenv("IL_TEST_PG_URL");  // postgresql://il_admin@127.0.0.1:PORT/il_test
    url.replace(url.find("il_admin@"), 9, login + "@");
    return url;
}
std::int64_t count(Connection& c, const std::string& sql) {
    auto q = c.prepare(sql);
    REQUIRE(q->step());
    return q->i64(0);
}
std::string sqlstate_of(Connection& c, const std::string& sql) {
    try {
        c.exec(sql);
    } catch (const il::DatabaseError& e) {
        std::string m = e.what();
        return m.find("42501") != std::string::npos ? "42501" : m;
    }
    return "accepted";
}
}  // namespace

TEST_CASE("server roles: an office reads and writes only its regions, the city reads all") {
    REQUIRE(std::getenv("IL_TEST_PG_URL") != nullptr);
    auto admin = connect_postgresql(std::getenv("IL_TEST_PG_URL"));
    admin->exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; GRANT USAGE ON SCHEMA public TO PUBLIC");
    // a small ledger: two projects in 固安县, one in 广阳区, with monthly figures
    auto local = il::db::Database::open_memory();
    auto s = il::test::fill_small_ledger(*local);
    il::db::ProjectRepository repo(*local);
    std::int64_t gy_project = 0;
    for (int i = 0; i < 3; ++i) {
        auto p = il::test::sample_project(s, "项目" + std::to_string(i));
        if (i == 2) p.region_id = s.guangyang, p.zone_id = s.longhe;
        std::int64_t id = repo.insert(p);
        if (i == 2) gy_project = id;
        il::ProgressEntry e;
        e.project_id = id;
        e.year = 2017;
        e.month = 6;
        e.completed_month = il::Money::from_wan(100);
        e.completed_ytd = il::Money::from_wan(600);
        repo.set_progress(e, false);
    }
    create_server_schema(*admin);
    SqliteConnection from(local->sql());
    il::NullProgress none;
    copy_ledger(from, *admin, none);
    init_server(*admin);
    init_server(*admin);  // again: idempotent
    admin->exec("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'office_gy') THEN "
                "CREATE ROLE office_gy LOGIN PASSWORD 'gy-pass'; CREATE ROLE city_user LOGIN PASSWORD 'city-pass'; "
                "CREATE ROLE nobody_yet LOGIN PASSWORD 'x'; END IF; END $$");
    grant_server_role(*admin, "office_gy", ServerRole::office, {"广阳区"});
    grant_server_role(*admin, "city_user", ServerRole::city, {});
    CHECK_THROWS_AS(grant_server_role(*admin, "office_gy", ServerRole::office, {"不存在县"}), il::ValidationError);
    CHECK_THROWS_AS(grant_server_role(*admin, "no_such_login", ServerRole::office, {"广阳区"}), il::ValidationError);
    CHECK(count(*admin, "SELECT count(*) FROM il_office_users WHERE login = 'office_gy'") == 1);  // the refusal changed nothing

    auto office = connect_postgresql(url_for("office_gy"), "gy-pass");
    CHECK(count(*office, "SELECT count(*) FROM projects") == 1);
    CHECK(count(*office, "SELECT count(*) FROM progress") == 1);  // children follow their project
    CHECK(count(*office, "SELECT count(*) FROM projects WHERE region_id = " + std::to_string(s.gu_an)) == 0);
    // writing another region's rows: invisible, so nothing changes; moving a row there or adding one there: refused
    auto upd = office->prepare("UPDATE projects SET name = '改名' WHERE region_id = ?");
    upd->bind(1, s.gu_an);
    upd->step();
    CHECK(upd->changes() == 0);
    CHECK(sqlstate_of(*office, "UPDATE projects SET region_id = " + std::to_string(s.gu_an) + " WHERE id = " +
                                   std::to_string(gy_project)) == "42501");
    CHECK(sqlstate_of(*office, "INSERT INTO projects(id, uid, name, region_id) VALUES (900, 'u900', '越界项目', " +
                                   std::to_string(s.gu_an) + ")") == "42501");
    CHECK(sqlstate_of(*office, "DELETE FROM regions") == "42501");  // dictionaries are read-only
    // its own region: writable
    office->exec("UPDATE progress SET problems = '征地' WHERE project_id = " + std::to_string(gy_project));
    CHECK(count(*admin, "SELECT count(*) FROM progress WHERE problems = '征地'") == 1);
    // the report functions run as the caller (SECURITY INVOKER): the office's 1-N月 of another
    // region's project is nothing, as its rows are; its own are there
    const std::string other = std::to_string(count(*admin, "SELECT min(id) FROM projects WHERE region_id = " + std::to_string(s.gu_an)));
    const std::int64_t june_ytd = count(*admin, "SELECT completed_ytd FROM progress WHERE year = 2017 AND month = 6 AND project_id = " + other);
    REQUIRE(june_ytd > 0);
    CHECK(count(*admin, "SELECT il_ytd(" + other + ", 2017, 6)") == june_ytd);
    CHECK(count(*office, "SELECT il_ytd(" + other + ", 2017, 6)") == 0);
    CHECK(count(*office, "SELECT il_since_start(" + std::to_string(gy_project) + ", 2017, 6)") == june_ytd);
    CHECK(count(*office, "SELECT count(*) FROM projects WHERE il_counts_in_year(stage, actual_completion, 2017) = 1 "
                         "AND il_light(il_stage_at(stage, actual_start, actual_completion, '2017-06'), planned_start, "
                         "actual_start, 0, il_ytd(id, 2017, 6), '2017-06') IS NOT NULL") == 1);

    auto city = connect_postgresql(url_for("city_user"), "city-pass");
    CHECK(count(*city, "SELECT count(*) FROM projects") == 3);
    CHECK(count(*city, "SELECT count(*) FROM progress") == 3);
    CHECK(count(*city, "SELECT sum(il_ytd(id, 2017, 6)) FROM projects") == 3 * june_ytd);
    CHECK(sqlstate_of(*city, "UPDATE projects SET name = '市里改名'") == "42501");
    CHECK(count(*admin, "SELECT count(*) FROM projects WHERE name LIKE '%改名%'") == 0);

    // a login without a grant sees nothing of the ledger
    auto none_yet = connect_postgresql(url_for("nobody_yet"), "x");
    CHECK(sqlstate_of(*none_yet, "SELECT count(*) FROM projects") == "42501");
}
