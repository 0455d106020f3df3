#include <doctest/doctest.h>

#include "core/db/office_settings.h"
#include "core/util/error.h"
#include "tests/support/test_ledger.h"

using namespace il;

TEST_CASE("office settings: typed load and save, the thresholds' rules in core") {
    auto db = il::test::open_test_ledger();
    auto s = db::OfficeSettings::load(*db);
    CHECK(s.footer_unit.empty());
    CHECK(s.thresholds.yellow_bp == 1000);
    CHECK(s.thresholds.red_bp == 3000);

    s.footer_unit = "  廊坊市发改委 ";
    s.user_name = "张三";
    s.thresholds.yellow_bp = 1250;
    s.thresholds.red_bp = 2500;
    s.thresholds.not_started_red_months = 4;
    s.save(*db);
    CHECK(db->setting_or("footer_unit", "") == "廊坊市发改委");
    CHECK(db->setting_or("warn_yellow_points", "") == "12.50");
    CHECK(db->setting_or("warn_red_points", "") == "25.00");
    CHECK(db->setting_or("warn_not_started_red_months", "") == "4");
    CHECK(db->user() == "张三");
    const auto back = db::OfficeSettings::load(*db);
    CHECK(back.thresholds.yellow_bp == 1250);
    CHECK(back.thresholds.red_bp == 2500);
    CHECK(back.footer_unit == "廊坊市发改委");

    // red below yellow: refused, nothing written (not even the texts)
    s.footer_unit = "别的单位";
    s.thresholds.red_bp = 1000;
    CHECK_THROWS_AS(s.save(*db), ValidationError);
    CHECK(db->setting_or("footer_unit", "") == "廊坊市发改委");
    CHECK(db->setting_or("warn_red_points", "") == "25.00");
    s.thresholds.red_bp = 10001;
    CHECK_THROWS_AS(s.save(*db), ValidationError);
    s.thresholds.red_bp = 3000;
    s.thresholds.not_started_red_months = 121;
    CHECK_THROWS_AS(s.save(*db), ValidationError);
}
