#include <doctest/doctest.h>

#include <functional>

#include "tests/support/validation_message.h"
#include "core/db/dictionary_reference.h"
#include "core/util/error.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;


TEST_CASE("dictionary references: by name, code or id; unknown ones name the field") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    CHECK(resolve_region(*d, "固安县") == s.gu_an);
    CHECK(resolve_region(*d, "131022") == s.gu_an);  // 区划代码
    CHECK(resolve_region(*d, std::to_string(s.guangyang)) == s.guangyang);
    CHECK(resolve_zone(*d, "龙河高新区") == s.longhe);
    CHECK(resolve_zone(*d, std::to_string(s.gu_an_park)) == s.gu_an_park);
    CHECK(resolve_industry(*d, "C") == s.manufacturing);
    CHECK(resolve_industry(*d, "制造业") == s.manufacturing);
    CHECK(resolve_category(*d, "智慧物流") == s.logistics);
    CHECK(resolve_category(*d, std::to_string(s.new_materials)) == s.new_materials);

    CHECK(il_test::validation_message([&] { resolve_region(*d, "北京市"); }) == "字段 region：未知的县市区“北京市”（用 `dict list regions` 查看）");
    CHECK(il_test::validation_message([&] { resolve_region(*d, "999999"); }) ==  // six digits: a code, never an id
          "字段 region：未知的县市区“999999”（用 `dict list regions` 查看）");
    CHECK(il_test::validation_message([&] { resolve_zone(*d, "不存在园区", "--zone"); }) ==
          "字段 --zone：未知的开发区“不存在园区”（用 `dict list zones` 查看）");
    CHECK(il_test::validation_message([&] { resolve_industry(*d, "999"); }) ==
          "字段 industry：未知的国民经济行业“999”（用 `dict list industries` 查看）");
    CHECK(il_test::validation_message([&] { resolve_category(*d, "新能源"); }) ==
          "字段 category：未知的产业类别“新能源”（用 `dict list categories` 查看）");
}
