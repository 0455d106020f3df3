#include <doctest/doctest.h>

#include "core/db/dictionary_repository.h"
#include "core/db/project_repository.h"
#include "ledger_fixture.h"

using namespace il;
using namespace il::db;

TEST_CASE("dictionaries: list, find, add, rename without touching records") {
    auto db = Database::open_memory();
    auto s = test::fill_small_ledger(*db);
    DictionaryRepository dict(*db);
    CHECK(dict.regions().size() == 2);
    CHECK(dict.regions()[0].name == "广阳区");
    CHECK(dict.zones(s.gu_an).size() == 1);
    CHECK(dict.find_region("131022")->id == s.gu_an);  // by code
    CHECK(dict.find_industry("C")->name == "制造业");
    CHECK(dict.find_industry("制造业")->code == "C");
    CHECK(dict.find_category("新材料")->strategic_emerging);

    ProjectRepository projects(*db);
    Project p = test::sample_project(s);
    projects.insert(p);
    dict.rename(DictionaryKind::Zones, s.gu_an_park, "固安高新区");
    CHECK(dict.zone(s.gu_an_park)->name == "固安高新区");
    CHECK(projects.get(p.id)->zone_id == s.gu_an_park);
    CHECK(projects.get(p.id)->version == 1);  // the project did not change
    auto trail = audit_trail(*db, "zones", s.gu_an_park);
    CHECK(trail.back().old_value == "固安工业园区");
    CHECK(trail.back().new_value == "固安高新区");

    CHECK_THROWS_AS(dict.rename(DictionaryKind::Regions, s.gu_an, "广阳区"), RecordInvalid);  // taken
    CHECK_THROWS_AS(dict.rename(DictionaryKind::Regions, s.gu_an, " "), RecordInvalid);
    CHECK_THROWS_AS(dict.rename(DictionaryKind::Regions, 999, "x"), NotFoundError);
    Region dup{0, "", "", "固安县"};
    CHECK_THROWS_AS(dict.add_region(dup), RecordInvalid);
    Zone orphan;
    orphan.name = "无主园区";
    orphan.region_id = 999;
    CHECK_THROWS_AS(dict.add_zone(orphan), RecordInvalid);
    Category bad;
    bad.name = "钢铁";
    bad.group_name = "传统产业";
    bad.strategic_emerging = true;
    CHECK_THROWS_AS(dict.add_category(bad), RecordInvalid);
    Industry dup_code{0, "", "C", "制造"};
    CHECK_THROWS_AS(dict.add_industry(dup_code), RecordInvalid);
    CHECK(parse_dictionary_kind("zone") == DictionaryKind::Zones);
    CHECK_FALSE(parse_dictionary_kind("towns"));
}
