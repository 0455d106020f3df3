#include <doctest/doctest.h>

#include "core/db/dictionary_repository.h"
#include "core/db/project_repository.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

TEST_CASE("dictionaries: list, find, add, rename without touching records") {
    auto db = il::test::open_test_ledger();
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

TEST_CASE("dictionaries: a region's or zone's short name is stored, audited, and optional") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    DictionaryRepository dict(*db);
    CHECK(dict.region(s.gu_an)->short_name.empty());  // none unless given
    dict.set_short_name(DictionaryKind::Regions, s.gu_an, "固安");
    CHECK(dict.region(s.gu_an)->short_name == "固安");
    CHECK(dict.find_region("固安县")->short_name == "固安");
    auto trail = audit_trail(*db, "regions", s.gu_an);
    CHECK(trail.back().field == "short_name");
    CHECK(trail.back().new_value == "固安");
    dict.set_short_name(DictionaryKind::Zones, s.gu_an_park, "固安园区");
    CHECK(dict.zone(s.gu_an_park)->short_name == "固安园区");
    CHECK(dict.zones(s.gu_an)[0].short_name == "固安园区");
    // The name itself says nothing more: stored as none.
    dict.set_short_name(DictionaryKind::Regions, s.gu_an, "固安县");
    CHECK(dict.region(s.gu_an)->short_name.empty());
    CHECK_THROWS_AS(dict.set_short_name(DictionaryKind::Regions, s.gu_an, "一二三四五六七八九十一二三"), RecordInvalid);
    CHECK_THROWS_AS(dict.set_short_name(DictionaryKind::Regions, 999, "x"), NotFoundError);
    CHECK_THROWS_AS(dict.set_short_name(DictionaryKind::Industries, 1, "x"), ValidationError);
    Region added;
    added.name = "永清县";
    added.short_name = "永清";
    dict.add_region(added);
    CHECK(dict.find_region("永清县")->short_name == "永清");
}
