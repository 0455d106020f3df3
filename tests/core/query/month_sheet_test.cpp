#include <doctest/doctest.h>

#include "core/query/month_sheet.h"
#include "query_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::query;

TEST_CASE("month sheet: loads projects in scope with last month's 1-N月 figure") {
    auto db = il::test::open_test_ledger();
    query_test::fill_small_ledger(*db);
    MonthSheet s = load_month_sheet(*db, Period{2017, 3});
    REQUIRE(s.rows.size() == 3);
    CHECK(s.rows[0].name == "润泽信息港");
    CHECK(s.rows[0].prev_ytd == Money::from_wan(30000));
    CHECK_FALSE(s.rows[0].stored);
    CHECK(s.rows[2].name == "华夏AMOLED");
    CHECK(s.rows[2].prev_ytd == Money::from_wan(15000));
    MonthSheet feb = load_month_sheet(*db, Period{2017, 2});
    CHECK(feb.rows[2].stored);
    CHECK(feb.rows[2].month == Money::from_wan(5000));
    CHECK(load_month_sheet(*db, Period{2017, 3}, 1).rows.size() == 2);
}

TEST_CASE("month sheet: typing one figure derives the other; bad input is marked with the reason") {
    auto db = il::test::open_test_ledger();
    query_test::fill_small_ledger(*db);
    MonthSheet s = load_month_sheet(*db, Period{2017, 3});
    SheetRow& r = s.rows[2];  // 华夏AMOLED, prev 15000万, total 2,000,000万, plan 120,000万
    s.set_cell(2, SheetColumn::Month, "2,500.5");
    CHECK(r.month == *parse_amount("2500.5"));
    CHECK(r.ytd == *parse_amount("17500.5"));
    CHECK(r.dirty);
    CHECK_FALSE(r.entered_as_ytd);
    s.set_cell(2, SheetColumn::Ytd, "18000");
    CHECK(r.month == Money::from_wan(3000));
    CHECK(r.entered_as_ytd);
    CHECK(*r.plan_completion_bp() == 1500);

    s.set_cell(2, SheetColumn::Month, "abc");
    CHECK_FALSE(r.valid());
    CHECK(r.month_issue.find("不是有效的金额") != std::string::npos);
    CHECK(r.month == Money::from_wan(3000));  // figures untouched
    s.set_cell(2, SheetColumn::Ytd, "100");
    CHECK(r.ytd_issue.find("小于上月累计") != std::string::npos);
    CHECK(r.month_issue.empty());
    s.set_cell(2, SheetColumn::Month, "3000000");
    CHECK(r.month_issue.find("超过项目总投资") != std::string::npos);
    s.set_cell(2, SheetColumn::Month, "");
    CHECK(r.valid());
    CHECK(r.month == Money{});
    CHECK(r.ytd == Money::from_wan(15000));
}

TEST_CASE("month sheet: pasting a tab-separated block from Excel") {
    auto db = il::test::open_test_ledger();
    query_test::fill_small_ledger(*db);
    MonthSheet s = load_month_sheet(*db, Period{2017, 3});
    int n = s.paste(0, SheetColumn::Month, "100\t\t主体施工\t无\r\n200\r\nx\ty\r\n9\r\n");
    CHECK(n == 3 + 1 + 2);
    CHECK(s.rows[0].month == Money::from_wan(100));
    CHECK(s.rows[0].ytd == Money::from_wan(30100));
    CHECK(s.rows[0].image_progress == "主体施工");
    CHECK(s.rows[0].problems == "无");
    CHECK(s.rows[1].month == Money::from_wan(200));
    CHECK_FALSE(s.rows[2].valid());
    CHECK(s.dirty_count() == 3);
    CHECK(s.invalid_count() == 1);
}
