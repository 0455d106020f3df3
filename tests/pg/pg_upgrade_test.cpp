// `server upgrade`: a server ledger made by an older program (schema version 5, before the
// dictionary groups, aliases and record warnings of step 6) brought to the current version by
// the file's own migration steps, its rows, ids and office grants kept.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "core/db/database.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_roles.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/server_upgrade.h"
#include "core/util/error.h"
#include "core/util/progress.h"

using namespace il::db::storage;

namespace {
std::int64_t number(Connection& c, const std::string& sql) {
    auto q = c.prepare(sql);
    REQUIRE(q->step());
    return q->i64(0);
}

std::unique_ptr<Connection> fresh_schema(const std::string& name) {
    const char* url = std::getenv("IL_TEST_PG_URL");
    REQUIRE_MESSAGE(url != nullptr, "run through tests/pg/with_cluster.sh (IL_TEST_PG_URL not set)");
    auto c = connect_postgresql(url);
    c->exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name + "; SET search_path TO " + name);
    return c;
}
}  // namespace

TEST_CASE("server upgrade: a version-5 server ledger reaches the current version with every row and grant") {
    auto c = fresh_schema("il_upgrade_test");
    c->exec(server_schema_sql(5));
    c->exec(server_roles_sql());
    REQUIRE(server_schema_version(*c) == 5);
    c->exec(R"sql(
      INSERT INTO regions(id, uid, name, kind, sort_order) VALUES (1, 'r1', '广阳区', '县市区', 1), (2, 'r2', '固安县', '县市区', 2);
      INSERT INTO categories(id, uid, name, group_name, strategic_emerging, is_industrial, sort_order)
        VALUES (1, 'c1', '新材料', '战略性新兴产业', 1, 1, 1), (2, 'c2', '智慧物流', '现代服务业', 0, 0, 2);
      INSERT INTO projects(id, uid, name, owner, region_id, category_id, stage, level, total_investment, created_at, updated_at,
                           origin_office)
        VALUES (7, 'p7', '华夏AMOLED', '华夏光电', 2, 1, '续建', '省重点', 2000000000000, '2017-01-01', '2017-01-01', NULL),
               (9, 'p9', '润泽信息港', '润泽科技', 1, 2, '新开工', '市重点', 500000000000, '2017-01-01', '2017-01-01', '广阳区');
      INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, updated_at)
        VALUES (7, 2017, 1, 10000000000, 10000000000, 'g1', ''), (7, 2017, 2, 5000000000, 15000000000, 'g2', '');
      INSERT INTO il_office_users(login, region_id) VALUES ('office_gu_an', 2);
    )sql");
    // an older server schema is refused by this program until upgraded, saying how
    auto other = connect_postgresql(std::getenv("IL_TEST_PG_URL"));
    other->exec("SET search_path TO il_upgrade_test");
    try {
        il::db::Database::open_server(std::move(other), {});
        FAIL("a version-5 server ledger was opened");
    } catch (const il::DatabaseError& e) {
        CHECK(std::string(e.what()).find("server upgrade") != std::string::npos);
    }

    // stopped half-way through writing the upgraded rows back: the server is as it was, no scratch file left
    struct StopWhileWriting final : il::ProgressSink {
        double at = 0;
        void step(std::string_view, double fraction) override { at = fraction; }
        bool cancelled() override { return at > 0.6; }
    } stop;
    const auto work = std::filesystem::temp_directory_path() / "il-upgrade-test-work";
    std::filesystem::remove_all(work);
    std::filesystem::create_directories(work);
    CHECK_THROWS_AS(upgrade_server_schema(*c, work, stop), il::Cancelled);
    CHECK(server_schema_version(*c) == 5);
    CHECK(number(*c, "SELECT count(*) FROM projects") == 2);
    CHECK(number(*c, "SELECT count(*) FROM il_office_users") == 1);
    CHECK(std::filesystem::is_empty(work));
    std::filesystem::remove_all(work);

    il::NullProgress none;
    CHECK(upgrade_server_schema(*c, std::filesystem::temp_directory_path(), none) == 5);
    CHECK(server_schema_version(*c) == il::db::current_schema_version());
    // the rows, with their ids
    CHECK(number(*c, "SELECT count(*) FROM projects") == 2);
    CHECK(number(*c, "SELECT total_investment FROM projects WHERE id = 7") == 2000000000000);
    CHECK(number(*c, "SELECT sum(completed_ytd) FROM progress WHERE project_id = 7") == 25000000000);
    CHECK(number(*c, "SELECT count(*) FROM projects WHERE id = 9 AND origin_office = '广阳区'") == 1);
    // what step 6 does to the data: each group an entry of its own; the new columns and table
    CHECK(number(*c, "SELECT count(*) FROM categories WHERE name = '战略性新兴产业' AND group_name = '战略性新兴产业'") == 1);
    CHECK(number(*c, "SELECT count(*) FROM categories WHERE name = '现代服务业'") == 1);
    CHECK(number(*c, "SELECT count(*) FROM projects WHERE warnings = ''") == 2);
    CHECK(number(*c, "SELECT count(*) FROM dictionary_aliases") == 0);
    // the office keeps its region; the policies are back on the new tables
    CHECK(number(*c, "SELECT count(*) FROM il_office_users WHERE login = 'office_gu_an' AND region_id = 2") == 1);
    CHECK(number(*c, "SELECT count(*) FROM pg_policies WHERE schemaname = 'il_upgrade_test' AND tablename = 'projects'") >= 2);
    // new rows number on after the kept ids
    c->exec("INSERT INTO regions(uid, name) VALUES ('r3', '三河市')");
    CHECK(number(*c, "SELECT max(id) FROM regions") == 3);
    // and this program opens it now; a second upgrade has nothing to do
    auto again = connect_postgresql(std::getenv("IL_TEST_PG_URL"));
    again->exec("SET search_path TO il_upgrade_test");
    auto db = il::db::Database::open_server(std::move(again), {});
    CHECK(db->schema_version() == il::db::current_schema_version());
    CHECK(upgrade_server_schema(*c, std::filesystem::temp_directory_path(), none) == il::db::current_schema_version());
}

TEST_CASE("server upgrade: refused for a server without a ledger, changing nothing") {
    auto c = fresh_schema("il_upgrade_empty");
    il::NullProgress none;
    CHECK_THROWS_AS(upgrade_server_schema(*c, std::filesystem::temp_directory_path(), none), il::DatabaseError);
    CHECK(number(*c, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'il_upgrade_empty'") == 0);
}
