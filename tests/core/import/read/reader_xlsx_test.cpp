#include <doctest/doctest.h>
#include <xlsxwriter.h>

#include <chrono>

#include "core/import/read/number_format.h"
#include "core/import/read/reader_support.h"
#include "core/import/read/workbook.h"
#include "core/util/utf8_path.h"
#include "tests/core/import/read/reader_fixtures.h"

using namespace il::import;
using namespace il::import::test;

namespace {

// A realistic ledger written with libxlsxwriter: title, two-row merged header, dates, formulas.
std::filesystem::path write_ledger(const TempDir& dir, int data_rows = 3) {
    auto path = dir / "台账.xlsx";
    lxw_workbook* wb = workbook_new(il::path_utf8(path).c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "2017年项目");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* cn_date = workbook_add_format(wb);
    format_set_num_format(cn_date, "yyyy\"年\"m\"月\"");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    worksheet_merge_range(ws, 0, 0, 0, 4, "固安县2017年重点项目台账", nullptr);
    worksheet_write_string(ws, 1, 0, "单位：万元", nullptr);
    worksheet_merge_range(ws, 2, 2, 2, 3, "2017年", nullptr);
    worksheet_write_string(ws, 3, 0, "项目名称", nullptr);
    worksheet_write_string(ws, 3, 1, "总投资", nullptr);
    worksheet_write_string(ws, 3, 2, "计划投资", nullptr);
    worksheet_write_string(ws, 3, 3, "1-6月完成", nullptr);
    worksheet_write_string(ws, 3, 4, "开工日期", nullptr);
    for (int i = 0; i < data_rows; ++i) {
        lxw_row_t r = static_cast<lxw_row_t>(4 + i);
        worksheet_write_string(ws, r, 0, ("项目" + std::to_string(i + 1)).c_str(), nullptr);
        worksheet_write_number(ws, r, 1, 1000.5 + i, money);
        worksheet_write_number(ws, r, 2, 300 + i, nullptr);
        worksheet_write_number(ws, r, 3, 120 + i, nullptr);
        lxw_datetime d = {2017, 3, 15, 0, 0, 0};
        worksheet_write_datetime(ws, r, 4, &d, i % 2 ? cn_date : date);
    }
    lxw_row_t total = static_cast<lxw_row_t>(4 + data_rows + 2);  // a blank row, then 合计
    worksheet_write_string(ws, total, 0, "合计", nullptr);
    worksheet_write_formula_num(ws, total, 1, "=SUM(B5:B7)", nullptr, 3004.5);
    worksheet_write_boolean(ws, total, 2, 1, nullptr);
    worksheet_write_formula_str(ws, total, 3, "=\"备\"&\"注\"", nullptr, "备注");

    lxw_worksheet* hidden = workbook_add_worksheet(wb, "说明");
    lxw_rich_string_tuple a = {nullptr, const_cast<char*>("填报")};
    lxw_rich_string_tuple b = {date, const_cast<char*>("单位")};
    lxw_rich_string_tuple* rich[] = {&a, &b, nullptr};
    worksheet_write_rich_string(hidden, 0, 0, rich, nullptr);
    worksheet_hide(hidden);

    lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_COLUMN);
    chart_add_series(chart, nullptr, "='2017年项目'!$B$5:$B$7");
    lxw_chartsheet* cs = workbook_add_chartsheet(wb, "图表");
    chartsheet_set_chart(cs, chart);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    return path;
}

}  // namespace

TEST_CASE("xlsx reader: a realistic ledger written by libxlsxwriter") {
    TempDir dir;
    auto path = write_ledger(dir);
    Workbook book = read_xlsx(path);
    REQUIRE(book.sheets.size() == 3);
    const Sheet& s = book.sheets[0];
    CHECK(s.name == "2017年项目");
    CHECK_FALSE(s.is_chart);
    CHECK(s.at(0, 0).text == "固安县2017年重点项目台账");
    CHECK(s.at(1, 0).type == CellType::Text);
    CHECK(s.at(2, 2).text == "2017年");
    CHECK(s.at(3, 3).text == "1-6月完成");
    CHECK(s.at(4, 0).text == "项目1");
    CHECK(s.at(4, 1).type == CellType::Number);
    CHECK(s.at(4, 1).number == doctest::Approx(1000.5));
    CHECK_FALSE(s.at(4, 1).is_date);  // #,##0.00 is not a date
    CHECK(s.at(4, 4).is_date);
    CHECK(s.at(4, 4).number == doctest::Approx(42809));  // 2017-03-15
    CHECK(s.at(5, 4).is_date);                            // yyyy"年"m"月"
    // The blank row between data and total is not kept.
    for (const auto& row : s.rows) CHECK(row.index != 7);
    const Cell& sum = s.at(9, 1);
    CHECK(sum.is_formula);
    CHECK(sum.number == doctest::Approx(3004.5));
    CHECK(s.at(9, 2).type == CellType::Boolean);
    CHECK(s.at(9, 2).number == 1);
    CHECK(s.at(9, 3).type == CellType::Text);
    CHECK(s.at(9, 3).text == "备注");
    CHECK(s.at(9, 3).is_formula);
    // Merges: the title and the "2017年" group.
    REQUIRE(s.merges.size() == 2);
    CHECK(s.merges[0].first_row == 0);
    CHECK(s.merges[0].last_col == 4);
    CHECK(s.merges[1].first_col == 2);
    CHECK(s.merges[1].last_col == 3);
    // Out of range and absent cells are empty.
    CHECK(s.at(100, 100).empty());
    CHECK(s.at(-1, 0).empty());

    CHECK(book.sheets[1].name == "说明");
    CHECK(book.sheets[1].hidden);
    CHECK(book.sheets[1].at(0, 0).text == "填报单位");  // rich text runs joined
    CHECK(book.sheets[2].name == "图表");
    CHECK(book.sheets[2].is_chart);
    CHECK(book.sheets[2].rows.empty());

    // read_workbook sniffs the same file, and read_xlsx_bytes reads it from memory.
    CHECK(read_workbook(path).sheets.size() == 3);
    CHECK(read_xlsx_bytes(read_bytes(path)).sheets[0].at(4, 0).text == "项目1");
}

TEST_CASE("xlsx reader: cell types, inline strings, escapes, prefixes and missing references") {
    std::string data =
        R"(<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c t="str"><f>A1</f><v>公式文本</v></c>)"
        R"(<c t="e"><v>#DIV/0!</v></c><c t="b"><v>0</v></c><c t="d"><v>2017-03-15T12:00:00</v></c></row>)"
        R"(<row><c r="B2" t="s"><v>0</v></c><c r="C2" s="1"><v>42809</v></c><c r="D2" s="2"><v>42809</v></c>)"
        R"(<c r="E2" s="3"><v>1.5E3</v></c><c r="F2"><f>1+1</f></c></row>)"
        R"(<row r="5"><c r="A5" s="1"/><c r="B5"><v></v></c></row>)";
    auto bytes = minimal_xlsx(sheet_xml(data), {"a_x000D_b"});
    Workbook book = read_xlsx_bytes(bytes);
    const Sheet& s = book.sheets.at(0);
    CHECK(s.at(0, 0).text == "内联");
    CHECK(s.at(0, 1).text == "公式文本");
    CHECK(s.at(0, 1).is_formula);
    CHECK(s.at(0, 2).type == CellType::Error);
    CHECK(s.at(0, 2).text == "#DIV/0!");
    CHECK(s.at(0, 3).type == CellType::Boolean);
    CHECK(s.at(0, 3).number == 0);
    CHECK(s.at(0, 4).is_date);
    CHECK(s.at(0, 4).number == doctest::Approx(42809.5));
    CHECK(s.at(1, 1).text == "a\rb");
    CHECK(s.at(1, 2).is_date);
    CHECK(s.at(1, 3).is_date);
    CHECK_FALSE(s.at(1, 4).is_date);
    CHECK(s.at(1, 4).number == 1500);
    // A formula without a cached value is kept (so the mapping layer can say so), as Empty.
    CHECK(s.at(1, 5).is_formula);
    CHECK(s.at(1, 5).type == CellType::Empty);
    // Row 5 holds only empty cells: not kept.
    REQUIRE(s.rows.size() == 2);

    // Prefixed elements ("x:row") as some .NET writers produce.
    std::string prefixed =
        R"(<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
        R"(<x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
    CHECK(read_xlsx_bytes(minimal_xlsx(prefixed)).sheets[0].at(2, 2).text == "前缀");
}

TEST_CASE("xlsx reader: the 1904 date system is converted to 1900 serials") {
    std::string data = R"(<row r="1"><c r="A1" s="1"><v>41347</v></c><c r="B1"><v>41347</v></c></row>)";
    const Sheet s = read_xlsx_bytes(minimal_xlsx(sheet_xml(data), {}, true)).sheets[0];
    CHECK(s.at(0, 0).is_date);
    CHECK(s.at(0, 0).number == 42809);  // 2017-03-15
    CHECK(s.at(0, 1).number == 41347);  // not a date: untouched
}

TEST_CASE("xlsx reader: rows out of order are sorted and duplicates merged") {
    std::string data = R"(<row r="3"><c r="A3" t="inlineStr"><is><t>c</t></is></c></row>)"
                       R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>)"
                       R"(<row r="3"><c r="B3" t="inlineStr"><is><t>d</t></is></c></row>)";
    const Sheet s = read_xlsx_bytes(minimal_xlsx(sheet_xml(data))).sheets[0];
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows[0].index == 0);
    CHECK(s.rows[1].index == 2);
    CHECK(s.at(2, 0).text == "c");
    CHECK(s.at(2, 1).text == "d");
}

TEST_CASE("xlsx reader: damaged files give a clear ReadError") {
    TempDir dir;
    auto good = read_bytes(write_ledger(dir));

    SUBCASE("truncated zip") {
        auto path = dir / "截断.xlsx";
        write_file(path, good.substr(0, good.size() / 2));
        auto msg = read_error_of([&] { read_xlsx(path); });
        CHECK(contains(msg, "截断.xlsx"));
        CHECK(contains(msg, "截断"));
    }
    SUBCASE("broken XML names the part and line") {
        auto msg = read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>"))); });
        CHECK(contains(msg, "工作表“Sheet1”"));
        CHECK(contains(msg, "XML 格式错误"));
    }
    SUBCASE("shared string index out of range") {
        auto msg = read_error_of([&] {
            read_xlsx_bytes(minimal_xlsx(sheet_xml(R"(<row r="2"><c r="C2" t="s"><v>7</v></c></row>)"), {"only"}));
        });
        CHECK(contains(msg, "单元格 C2"));
        CHECK(contains(msg, "共享字符串索引 7 超出范围"));
        CHECK(contains(msg, "只有 1 个"));
    }
    SUBCASE("bogus cell references") {
        for (const char* ref : {"A0", "XFE1", "A1048577", "1A", "", "AAAA1"}) {
            auto msg = read_error_of([&] {
                read_xlsx_bytes(minimal_xlsx(sheet_xml(std::string("<row r=\"1\"><c r=\"") + ref + "\"><v>1</v></c></row>")));
            });
            CAPTURE(ref);
            CHECK(contains(msg, "单元格引用“" + std::string(ref) + "”无效"));
        }
        auto msg = read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(R"(<row r="0"/>)"))); });
        CHECK(contains(msg, "行号“0”无效"));
    }
    SUBCASE("huge cell") {
        ReadLimits limits;
        limits.max_cell_bytes = 1000;
        std::string big(2000, 'x');
        auto msg = read_error_of([&] {
            read_xlsx_bytes(minimal_xlsx(sheet_xml("<row r=\"4\"><c r=\"B4\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>")), limits);
        });
        CHECK(contains(msg, "单元格 B4 的内容太长"));
        msg = read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(""), {big}), limits); });
        CHECK(contains(msg, "共享字符串第 1 个太长"));
    }
    SUBCASE("deeply nested XML") {
        std::string deep;
        for (int i = 0; i < 1000; ++i) deep += "<a>";
        for (int i = 0; i < 1000; ++i) deep += "</a>";
        auto msg = read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(deep))); });
        CHECK(contains(msg, "嵌套层数超过 256"));
    }
    SUBCASE("DTD and entity expansion") {
        std::string lol = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>)"
                          R"(<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(minimal_xlsx(lol)); }), "DTD"));
    }
    SUBCASE("zip bomb stops at the uncompressed limit") {
        ReadLimits limits;
        limits.max_uncompressed_bytes = 4 * 1024 * 1024;
        std::string filler = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + std::string(8 * 1024 * 1024, ' ');
        auto bytes = minimal_xlsx(sheet_xml(filler));
        CHECK(bytes.size() < 100 * 1024);
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(bytes, limits); }), "压缩炸弹"));
    }
    SUBCASE("too many cells") {
        ReadLimits limits;
        limits.max_cells = 10;
        auto msg = read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(R"(<row r="1"><c r="Z1"><v>1</v></c></row>)")), limits); });
        CHECK(contains(msg, "单元格太多"));
    }
    SUBCASE("not a workbook") {
        auto ods = make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(ods); }), "OpenDocument"));
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(make_zip({{"a.txt", "hi"}})); }), "不是 Excel 工作簿"));
        CHECK(contains(read_error_of([&] { read_xlsx_bytes("hello, world, this is text"); }), "不是 .xlsx"));
    }
    SUBCASE("missing sheet part") {
        auto bytes = make_zip({{"xl/workbook.xml", workbook_xml("数据")}, {"xl/_rels/workbook.xml.rels", kWorkbookRels}});
        auto msg = read_error_of([&] { read_xlsx_bytes(bytes); });
        CHECK(contains(msg, "工作表“数据”"));
        CHECK(contains(msg, "缺失"));
    }
    SUBCASE("bad number and unknown type") {
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(R"(<row r="1"><c r="A1"><v>12abc</v></c></row>)"))); }),
                       "数值“12abc”无效"));
        CHECK(contains(read_error_of([&] { read_xlsx_bytes(minimal_xlsx(sheet_xml(R"(<row r="1"><c r="A1" t="zz"><v>1</v></c></row>)"))); }),
                       "未知的单元格类型"));
    }
}

TEST_CASE("xlsx reader: a million empty rows stay fast and small") {
    std::string data;
    data.reserve(30 * 1024 * 1024);
    data += R"(<row r="1"><c r="A1" t="inlineStr"><is><t>表头</t></is></c></row>)";
    for (int r = 2; r <= 1'000'000; ++r) {
        data += "<row r=\"";
        data += std::to_string(r);
        data += "\"><c r=\"A";
        data += std::to_string(r);
        data += "\" s=\"1\"/></row>";
    }
    data += R"(<row r="1048576"><c r="B1048576"><v>5</v></c></row>)";
    auto bytes = minimal_xlsx(sheet_xml(data));
    auto t0 = std::chrono::steady_clock::now();
    const Sheet s = read_xlsx_bytes(bytes).sheets[0];
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(s.rows.size() == 2);
    CHECK(s.rows[1].index == 1048575);
    CHECK(s.at(1048575, 1).number == 5);
    MESSAGE("1M empty rows read in " << ms << " ms");
    CHECK(ms < 120000 * kTimeScale);  // hang guard; speed is for benchmarks
}

TEST_CASE("xlsx reader: 10,000 ledger rows read well under a second") {
    TempDir dir;
    auto path = write_ledger(dir, 10000);
    auto t0 = std::chrono::steady_clock::now();
    Workbook book = read_workbook(path);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("10k rows read in " << ms << " ms");
    CHECK(book.sheets[0].rows.size() == 10000 + 4 + 1);
    CHECK(ms < 60000 * kTimeScale);  // hang guard; speed is for benchmarks
}

TEST_CASE("number formats: which codes are dates") {
    using il::import::detail::is_builtin_date_format;
    using il::import::detail::is_date_format_code;
    for (int id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 31, 45, 46, 47, 57, 58}) CHECK(is_builtin_date_format(id));
    for (int id : {0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 23, 37, 44, 49}) CHECK_FALSE(is_builtin_date_format(id));
    for (const char* code : {"yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy年m月", "m/d/yy h:mm", "[h]:mm:ss",
                             "[Red]yyyy.mm", "dd/mm/yyyy;@", "mmm-yy"})
        CHECK_MESSAGE(is_date_format_code(code), code);
    for (const char* code : {"General", "0.00", "#,##0", "@", "#,##0.00_);[Red](#,##0.00)", "0.00\"万元\"",
                             "\"年度\"0", "[$¥-804]#,##0.00", "0.00E+00", "#,##0;-#,##0;\"-\"", "\\d0"})
        CHECK_FALSE_MESSAGE(is_date_format_code(code), code);
}

TEST_CASE("cell references") {
    using namespace il::import::detail;
    CHECK(parse_cell_ref("A1")->row == 0);
    CHECK(parse_cell_ref("XFD1048576")->col == 16383);
    CHECK(parse_cell_ref("$B$5")->row == 4);
    CHECK_FALSE(parse_cell_ref("A0"));
    CHECK_FALSE(parse_cell_ref("XFE1"));
    CHECK_FALSE(parse_cell_ref("A1048577"));
    CHECK_FALSE(parse_cell_ref("A99999999999"));
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(27) == "AB");
    CHECK(column_letters(16383) == "XFD");
    CHECK(cell_name(4, 1) == "B5");
    auto r = parse_range_ref("C3:A1");
    CHECK(r->first_row == 0);
    CHECK(r->last_col == 2);
}
