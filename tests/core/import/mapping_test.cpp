#include <doctest/doctest.h>

#include "core/import/cell_value.h"
#include "core/import/column_mapping.h"
#include "core/import/header_label.h"
#include "core/import/sheet_layout.h"
#include "tests/core/import/sheet_builder.h"

using namespace il;
using namespace il::import;
using il::import::test::SheetBuilder;

namespace {
const ColumnBinding& bound(const Mapping& m, int col) {
    for (const auto& b : m.columns)
        if (b.col == col) return b;
    FAIL("column not in mapping");
    return m.columns.front();
}
}  // namespace

TEST_CASE("header labels give year, months and unit") {
    auto h = parse_header_label("总投资（万元）");
    CHECK(h.core == "总投资");
    CHECK(h.unit == AmountUnit::Wan);
    h = parse_header_label("2017年\n计划投资");
    CHECK(h.core == "计划投资");
    CHECK(h.year == 2017);
    h = parse_header_label("1-6月\n完成投资");
    CHECK(h.core == "完成投资");
    CHECK(h.month_from == 1);
    CHECK(h.month_to == 6);
    h = parse_header_label("1至6月完成投资(亿元)");
    CHECK(h.month_to == 6);
    CHECK(h.unit == AmountUnit::Yi);
    h = parse_header_label("本月完成");
    CHECK(h.this_month);
    CHECK(h.core == "完成");
    h = parse_header_label("签约额（万美元）");
    CHECK(h.usd);
    CHECK(h.core == "签约额");
    h = parse_header_label("6月完成");
    CHECK(h.month_from == 6);
    CHECK(h.month_to == 6);
    CHECK(parse_unit_line("单位：亿元")->unit == AmountUnit::Yi);
    CHECK_FALSE(parse_unit_line("填报单位（盖章）：廊坊市发改委"));
    CHECK(parse_unit_line("填报单位：某局        单位：元")->unit == AmountUnit::Yuan);
}

TEST_CASE("layout: title, unit line, two-row merged header, column numbers") {
    SheetBuilder b("进展情况表");
    b.row({"廊坊市2017年1-6月亿元以上项目建设进展情况表"})
        .row({"填报单位（盖章）：固安县发展和改革局", {}, {}, {}, {}, {}, {}, {}, "单位：亿元"})
        .row({"序号", "项目名称", "建设单位", "建设性质", "总投资", "投资完成情况", {}, {}, "形象进度"})
        .row({{}, {}, {}, {}, {}, "2017年\n计划投资", "1-6月\n完成投资", "占年度\n计划%"})
        .row({"甲", "乙", "丙", "丁", "1", "2", "3", "4=3/2", "戊"})
        .row({"合计", {}, {}, {}, 465.0, 62.0, 28.8, 0.46})
        .row({1, "润泽信息港", "润泽科技", "续建", 120.0, 18.0, 9.65, 0.53, "主体封顶"});
    b.merge(0, 0, 0, 8).merge(2, 0, 3, 0).merge(2, 1, 3, 1).merge(2, 2, 3, 2).merge(2, 3, 3, 3).merge(2, 4, 3, 4)
        .merge(2, 5, 2, 7).merge(2, 8, 3, 8).merge(5, 0, 5, 3);
    SheetGrid grid(b.sheet);
    auto layout = detect_layout(grid, RecordKind::Projects);
    REQUIRE(layout);
    CHECK(layout->header_first == 2);
    CHECK(layout->header_last == 3);
    CHECK(layout->has_column_numbers);
    CHECK(layout->data_first == 5);
    CHECK(layout->year == 2017);
    CHECK(layout->month == 6);
    CHECK(layout->unit->unit == AmountUnit::Yi);
    CHECK(layout->reporting_unit == "固安县发展和改革局");

    Mapping m = auto_map(*layout, RecordKind::Projects, {});
    CHECK(m.problems().empty());
    CHECK(bound(m, 0).field == "");        // 序号
    CHECK(bound(m, 1).field == "name");
    CHECK(bound(m, 2).field == "owner");
    CHECK(bound(m, 3).field == "nature");
    CHECK(bound(m, 4).field == "total_investment");
    CHECK(bound(m, 4).unit == AmountUnit::Yi);
    CHECK(bound(m, 5).field == "annual_plan");
    CHECK(bound(m, 5).year == 2017);
    CHECK(bound(m, 6).field == "completed_ytd");
    CHECK(bound(m, 6).year == 2017);
    CHECK(bound(m, 6).month == 6);
    CHECK(bound(m, 7).field == "");        // 占年度计划%: derived
    CHECK(bound(m, 8).field == "image_progress");
    CHECK(bound(m, 8).month == 6);
}

TEST_CASE("mapping: group year above plan and months, 本月完成, synonyms") {
    SheetBuilder b;
    b.row({"名称", "所在地", "业主单位", "县（市、区）", "计划总投资（万元）", "2018年", {}, {}, "开发区"})
        .row({{}, {}, {}, {}, {}, "计划投资", "1-3月完成", "本月完成"})
        .row({"A项目", "某地", "某公司", "固安县", "1,000", "500", "120", "40", "固安工业园区"});
    b.merge(0, 0, 1, 0).merge(0, 1, 1, 1).merge(0, 2, 1, 2).merge(0, 3, 1, 3).merge(0, 4, 1, 4).merge(0, 5, 0, 7)
        .merge(0, 8, 1, 8);
    SheetGrid grid(b.sheet);
    auto layout = detect_layout(grid, RecordKind::Projects);
    REQUIRE(layout);
    CHECK(layout->header_last == 1);
    Mapping m = auto_map(*layout, RecordKind::Projects, {});
    CHECK(bound(m, 0).field == "name");
    CHECK(bound(m, 1).field == "site");
    CHECK(bound(m, 2).field == "owner");
    CHECK(bound(m, 3).field == "region");
    CHECK(bound(m, 4).field == "total_investment");
    CHECK(bound(m, 5).field == "annual_plan");
    CHECK(bound(m, 5).year == 2018);
    CHECK(bound(m, 6).field == "completed_ytd");
    CHECK(bound(m, 6).year == 2018);
    CHECK(bound(m, 6).month == 3);
    CHECK(bound(m, 7).field == "completed_month");
    CHECK(bound(m, 7).month == 3);  // 本月 = the month of the ytd column's period? no: from context
    CHECK(bound(m, 8).field == "zone");
}

TEST_CASE("mapping: a figure without year or month is a problem the user is told about") {
    SheetBuilder b;
    b.row({"项目名称", "总投资", "计划投资", "完成投资"}).row({"A", 1, 2, 3});
    SheetGrid grid(b.sheet);
    auto layout = detect_layout(grid, RecordKind::Projects);
    REQUIRE(layout);
    Mapping m = auto_map(*layout, RecordKind::Projects, {});
    auto p = m.problems();
    REQUIRE(p.size() == 2);
    CHECK(p[0].find("计划投资") != std::string::npos);
    CHECK(p[0].find("--set year") != std::string::npos);
    Mapping with = auto_map(*layout, RecordKind::Projects, {2017, 9});
    CHECK(with.problems().empty());
    CHECK(bound(with, 3).field == "completed_ytd");
    CHECK(bound(with, 3).month == 9);
}

TEST_CASE("cells: amounts, units in the cell, separators; never a silent zero") {
    using test::make_cell;
    CHECK(read_amount(make_cell("1,234.56"), AmountUnit::Wan).value->fen == 1'234'560'000);
    CHECK(read_amount(make_cell("1.5亿元"), AmountUnit::Wan).value->fen == 15'000'000'000);
    CHECK(read_amount(make_cell("１２３"), AmountUnit::Wan).value->fen == 123'000'000);
    CHECK(read_amount(make_cell(96500.5), AmountUnit::Wan).value->fen == 96'500'500'000);
    CHECK(read_amount(make_cell(0.1 + 0.2), AmountUnit::Wan).value->fen == 300'000);
    CHECK(read_amount(make_cell(2.5), AmountUnit::Yi).value->fen == 25'000'000'000);
    CHECK(read_amount(make_cell(12345.67), AmountUnit::Yuan).value->fen == 1'234'567);
    auto bad = read_amount(make_cell("约3000"), AmountUnit::Wan);
    CHECK_FALSE(bad.value);
    CHECK(bad.error.find("约3000") != std::string::npos);
    CHECK(read_amount(make_cell("-"), AmountUnit::Wan).blank());
    CHECK(read_amount(make_cell(""), AmountUnit::Wan).blank());
    Cell err;
    err.type = CellType::Error;
    err.text = "#DIV/0!";
    CHECK(read_amount(err, AmountUnit::Wan).error.find("#DIV/0!") != std::string::npos);
}

TEST_CASE("cells: dates as serials or text") {
    using test::make_cell;
    Cell serial = make_cell(42809.0);  // 2017-03-15
    serial.is_date = true;
    CHECK(*read_date(serial).value == "2017-03-15");
    CHECK(*excel_serial_to_iso(1) == "1900-01-01");
    CHECK(*excel_serial_to_iso(61) == "1900-03-01");
    CHECK(*read_date(make_cell("2017.3")).value == "2017-03");
    CHECK(*read_date(make_cell("2017.10")).value == "2017-10");
    CHECK(*read_date(make_cell("2017年3月")).value == "2017-03");
    CHECK(*read_date(make_cell("2017年3月15日")).value == "2017-03-15");
    CHECK(*read_date(make_cell("2017-03-15")).value == "2017-03-15");
    CHECK(*read_date(make_cell("2017/3/15")).value == "2017-03-15");
    CHECK(*read_date(make_cell(2017.3)).value == "2017-03");
    CHECK(read_date(make_cell(2017.1)).error.find("10月") != std::string::npos);  // 2017.10 typed as a number
    CHECK(read_date(make_cell("2017-02-30")).error.size() > 0);
    CHECK(read_date(make_cell("明年")).error.size() > 0);
    CHECK(*read_bool(make_cell("是")).value);
    CHECK_FALSE(*read_bool(make_cell("否")).value);
    CHECK(read_bool(make_cell("也许")).error.size() > 0);
}
