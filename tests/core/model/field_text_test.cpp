#include <doctest/doctest.h>

#include "tests/support/validation_message.h"
#include "core/model/field_text.h"
#include "core/util/error.h"

using namespace il;


TEST_CASE("parse_wan_field: 万元 amounts; a bad one names the field") {
    CHECK(parse_wan_field("total_investment", "1,234.5") == Money::from_fen(1'234'500'000));
    CHECK(parse_wan_field("total_investment", "1.5亿元") == Money::from_wan(15000));
    CHECK(il_test::validation_message([] { parse_wan_field("total_investment", "五千"); }) ==
          "字段 total_investment：金额“五千”无法识别（单位万元，最多六位小数，例如 1234.56）");
}

TEST_CASE("parse_flag_field: 是/否 and the ways scripts write them; empty is 否") {
    for (const char* yes : {"1", "是", "true", "yes", "y"}) CHECK(parse_flag_field("is_foreign", yes));
    for (const char* no : {"0", "否", "false", "no", "n", ""}) CHECK_FALSE(parse_flag_field("is_foreign", no));
    CHECK(il_test::validation_message([] { parse_flag_field("is_jingjin", "也许"); }) == "字段 is_jingjin：“也许”应为 是/否（或 1/0）");
}

TEST_CASE("parse_year_field: four digits only") {
    CHECK(parse_year_field("annual_plans.2017", "2017") == 2017);
    CHECK(il_test::validation_message([] { parse_year_field("plan.17", "17"); }) == "字段 plan.17：年份“17”应为四位数字");
    CHECK(il_test::validation_message([] { parse_year_field("plan.20x7", "20x7"); }) == "字段 plan.20x7：年份“20x7”应为四位数字");
}
