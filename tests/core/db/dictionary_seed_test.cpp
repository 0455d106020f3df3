#include <doctest/doctest.h>

#include "core/db/dictionary_seed.h"

using il::db::Database;

TEST_CASE("the shipped default seeds Langfang's regions, zones, industries and categories") {
    auto db = Database::open_memory();
    il::db::seed_dictionaries_from(*db, std::nullopt);
    auto count = [&](const char* sql) { return db->sql().execAndGet(sql).getInt(); };
    CHECK(count("SELECT count(*) FROM regions") == 11);
    CHECK(count("SELECT count(*) FROM regions WHERE name = '固安县'") == 1);
    CHECK(count("SELECT count(*) FROM industries") == 20);
    CHECK(count("SELECT count(*) FROM categories WHERE strategic_emerging = 1") == 8);
    CHECK(count("SELECT count(*) FROM zones z JOIN regions r ON r.id = z.region_id "
                "WHERE z.name = '固安工业园区' AND r.name = '固安县'") == 1);
    CHECK(db->setting_or("city_name", "") == "廊坊市");
    // Short names where the full name is long (the 首页's chart shows them when it must).
    CHECK(count("SELECT count(*) FROM regions WHERE name = '廊坊经济技术开发区' AND short_name = '廊坊开发区'") == 1);
    CHECK(count("SELECT count(*) FROM zones WHERE name = '燕郊高新技术产业开发区' AND short_name = '燕郊高新区'") == 1);
    CHECK(count("SELECT count(*) FROM regions WHERE name = '固安县' AND short_name = ''") == 1);

    SUBCASE("seeding again leaves existing entries alone") {
        db->sql().exec("UPDATE regions SET name = '广阳区（改名）' WHERE name = '广阳区'");
        il::db::seed_dictionaries_from(*db, std::nullopt);
        CHECK(count("SELECT count(*) FROM regions") == 11);
        CHECK(count("SELECT count(*) FROM regions WHERE name = '广阳区（改名）'") == 1);
    }
}

TEST_CASE("another city's dictionary file is data, not code") {
    auto db = Database::open_memory();
    il::db::seed_dictionaries(*db, R"({"city":"示例市","regions":[{"name":"甲区"},{"name":"乙县经济开发区","short_name":"乙开发区"}],
        "zones":[{"name":"甲区开发区","region":"甲区"}],
        "industries":[{"code":"C","name":"制造业"}],
        "categories":[{"name":"新材料","group":"战略性新兴产业","strategic_emerging":true}]})");
    CHECK(db->sql().execAndGet("SELECT count(*) FROM regions").getInt() == 2);
    CHECK(db->sql().execAndGet("SELECT short_name FROM regions WHERE name = '乙县经济开发区'").getString() == "乙开发区");
    CHECK(db->setting_or("city_name", "") == "示例市");
}

TEST_CASE("a malformed dictionary file is refused, naming the place, and writes nothing") {
    auto db = Database::open_memory();
    CHECK_THROWS_WITH_AS(il::db::seed_dictionaries(*db, "{not json"), doctest::Contains("JSON"), il::ValidationError);
    CHECK_THROWS_WITH_AS(
        il::db::seed_dictionaries(*db, R"({"regions":[{"name":"甲区"}],"zones":[{"name":"园","region":"丙县"}],
            "industries":[],"categories":[]})"),
        doctest::Contains("zones[0]"), il::ValidationError);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM regions").getInt() == 0);
    CHECK_THROWS_WITH_AS(il::db::seed_dictionaries(*db, R"({"regions":[{"code":"1"}]})"),
                         doctest::Contains("regions[0]"), il::ValidationError);
}
