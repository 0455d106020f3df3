// Issue 18, the last mile of the official form: exact sums rounded once, the report date and the
// output name validated, warnings for an empty period and a missing office name, 无计划, the
// 其中 header, chart legends and axis, wrapped columns without a lone last character.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>

#include "core/report/report_generator.h"
#include "core/util/error.h"
#include "tests/core/report/report_test_util.h"
#include "tests/support/test_ledger.h"

namespace fs = std::filesystem;
using namespace il::report;

namespace {
TemplateCatalog shipped() { return TemplateCatalog({fs::path(IL_TEMPLATES_DIR)}); }

ReportRequest request(const std::string& id, const fs::path& out, il::Period period = {2017, 6}) {
    ReportRequest req;
    req.templates = {id};
    req.period = period;
    req.out = out;
    req.report_date = "2017-07-05";
    return req;
}

long long fen(double wan) { return std::llround(wan * 1e6); }

// Width of column `col` (1-based) in a sheet XML.
double column_width(const std::string& xml, int col) {
    std::regex re("<col min=\"" + std::to_string(col) + "\" max=\"" + std::to_string(col) + "\" width=\"([0-9.]+)\"");
    std::smatch m;
    return std::regex_search(xml, m, re) ? std::stod(m[1].str()) : -1;
}

// A one-sheet template in a scratch folder.
fs::path write_template(const fs::path& dir, const std::string& json, const std::string& sql) {
    fs::create_directories(dir);
    std::ofstream(dir / "template.json", std::ios::binary) << json;
    std::ofstream(dir / "q.sql", std::ios::binary) << sql;
    return dir;
}
}  // namespace

TEST_CASE("Amounts are summed exactly and rounded once: cells hold the exact amount") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("exact_sums");
    generate_report(*db, shipped(), request("01-projects", dir / "r.xlsx"));
    auto v = il::test::numeric_cells(il::test::zip_entry(dir / "r.xlsx", "xl/worksheets/sheet1.xml"));
    // 96,500.505 and 41,200.004 万元 stay what they are (the format shows 96,500.51 and 41,200.00) …
    CHECK(fen(v["H8"]) == 96500505000LL);
    CHECK(fen(v["H9"]) == 41200004000LL);
    // … and the 小计 is their exact sum, 137,700.509, shown 137,700.51 (Σ of the shown cells: .51).
    CHECK(fen(v["H7"]) == fen(v["H8"]) + fen(v["H9"]));
    CHECK(fen(v["H7"]) == 137700509000LL);
    // 合计 = Σ every row = Σ 小计, exactly, in every summed column.
    const std::vector<int> subtotal_rows{7, 10, 12, 15, 17};
    for (std::string c : {"F", "G", "H", "J"}) {
        CAPTURE(c);
        long long by_groups = 0, by_rows = 0;
        for (int r : subtotal_rows) by_groups += fen(v[c + std::to_string(r)]);
        for (int r = 8; r <= 19; ++r)
            if (std::find(subtotal_rows.begin(), subtotal_rows.end(), r) == subtotal_rows.end()) by_rows += fen(v[c + std::to_string(r)]);
        CHECK(fen(v[c + "6"]) == by_groups);
        CHECK(by_groups == by_rows);
    }
    // Against the database: the exact 1-6月 sum of the projects in the report.
    il::db::Query q(*db, "SELECT SUM(completed_ytd) FROM progress WHERE year = 2017 AND month = 6");
    REQUIRE(q.executeStep());
    CHECK(fen(v["H6"]) == q.getColumn(0).getInt64());
}

TEST_CASE("A report date that is not a calendar date, an output not named .xlsx: refused before anything") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("request_checks");
    auto req = request("01-projects", dir / "r.xlsx");
    CHECK_NOTHROW(validate_request(req));
    for (std::string bad : {"2017-02-30", "2017-2-3", "2017-13-01", "2017-07-05x", "明天"}) {
        CAPTURE(bad);
        req.report_date = bad;
        CHECK_THROWS_WITH_AS(validate_request(req), doctest::Contains("报出日期"), il::ValidationError);
    }
    req.report_date = "2016-02-29";  // a leap day is a date
    CHECK_NOTHROW(validate_request(req));
    req.report_date = "2017-02-30";
    CHECK_THROWS_AS(generate_report(*db, shipped(), req), il::ValidationError);
    CHECK_FALSE(fs::exists(req.out));
    req.report_date = "";
    for (std::string bad : {"x.csv", "x", "x.xls", "x.xlsx.tmp"}) {
        CAPTURE(bad);
        req.out = dir / bad;
        CHECK_THROWS_WITH_AS(generate_report(*db, shipped(), req), doctest::Contains(".xlsx"), il::ValidationError);
        CHECK_FALSE(fs::exists(req.out));
    }
    req.out = dir / "大写.XLSX";
    CHECK_NOTHROW(generate_report(*db, shipped(), req));
    CHECK(fs::exists(req.out));
    CHECK(list_report_runs(*db).size() == 1);
}

TEST_CASE("Warnings: a period without monthly figures, no office name; the report is written all the same") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("report_warnings");
    CHECK(report_warnings(*db, {2017, 6}, "").empty());
    auto w = report_warnings(*db, {2030, 6}, "");
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("2030-06") != std::string::npos);
    CHECK(w[0].find("没有任何月度调度数据") != std::string::npos);
    // A scope without figures of its own in the period is warned about too.
    db->exec("DELETE FROM progress WHERE project_id IN (SELECT id FROM projects WHERE region_id = 3)");
    db->exec("DELETE FROM deal_funds WHERE deal_id IN (SELECT id FROM deals WHERE region_id = 3)");
    db->exec("DELETE FROM renovation_progress WHERE renovation_id IN (SELECT id FROM renovations WHERE region_id = 3)");
    CHECK(report_warnings(*db, {2017, 6}, "固安县").size() == 1);
    CHECK(report_warnings(*db, {2017, 6}, "广阳区").empty());
    CHECK_THROWS_AS(report_warnings(*db, {2017, 6}, "火星区"), il::ValidationError);

    auto res = generate_report(*db, shipped(), request("01-projects", dir / "empty.xlsx", {2030, 6}));
    CHECK(fs::exists(dir / "empty.xlsx"));
    REQUIRE(res.warnings.size() == 1);

    db->exec("DELETE FROM settings WHERE key = 'footer_unit'");
    w = report_warnings(*db, {2017, 6}, "");
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("填报单位") != std::string::npos);
    res = generate_report(*db, shipped(), request("01-projects", dir / "nounit.xlsx"));
    CHECK(res.warnings == w);
}

TEST_CASE("占年度计划% says 无计划 when the year's plan is 0") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("no_plan");
    // 润泽信息港 (first row of 广阳区, row 8) keeps its completion but loses its 2017 plan.
    db->exec("UPDATE project_plans SET planned_investment = 0 WHERE year = 2017 AND project_id = "
                   "(SELECT id FROM projects WHERE name LIKE '%润泽信息港%')");
    generate_report(*db, shipped(), request("01-projects", dir / "r.xlsx"));
    std::string xml = il::test::zip_entry(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    // I8 is the text now (texts are inline: the engine streams).
    CHECK(std::regex_search(xml, std::regex("<c r=\"I8\"[^>]*t=\"inlineStr\"><is><t>无计划</t>")));
    auto v = il::test::numeric_cells(xml);
    CHECK(v.count("I9") == 1);  // the other project of the group keeps its rate
    CHECK(v["I9"] == doctest::Approx(v["H9"] / v["G9"]));
}

TEST_CASE("汇总排名: the stage counts are labelled 其中 under a merged header, 项目个数 stands alone") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("ranking_header");
    generate_report(*db, shipped(), request("02-region-ranking", dir / "r.xlsx"));
    std::string xml = il::test::zip_entry(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(xml.find("<t>其中</t>") != std::string::npos);
    CHECK(xml.find("<mergeCell ref=\"B3:B4\"/>") != std::string::npos);  // 项目个数 over both header rows
    CHECK(xml.find("<mergeCell ref=\"C3:E3\"/>") != std::string::npos);  // 其中 over 新开工 续建 竣工
}

TEST_CASE("综述图表: legends without a break's space, the value axis with thousands separators and its unit") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("chart_axis");
    generate_report(*db, shipped(), request("08-summary-charts", dir / "r.xlsx"));
    std::string chart = il::test::zip_entry(dir / "r.xlsx", "xl/charts/chart1.xml");
    REQUIRE_FALSE(chart.empty());
    CHECK(chart.find("1-6月完成投资") != std::string::npos);
    CHECK(chart.find("1-6月 完成投资") == std::string::npos);
    CHECK(chart.find("formatCode=\"#,##0\"") != std::string::npos);
    CHECK(chart.find("<a:t>万元</a:t>") != std::string::npos);
    std::string rates = il::test::zip_entry(dir / "r.xlsx", "xl/charts/chart2.xml");
    CHECK(rates.find("完成年度计划%") != std::string::npos);
    CHECK(rates.find("formatCode=\"0%\"") != std::string::npos);
}

TEST_CASE("A wrapped text column is widened so that no text leaves a lone character on its last line") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("fitted_width");
    const std::string json = R"({"id": "w", "name": "w", "version": "1", "title": "t", "query": "q.sql",
      "columns": [{"key": "a", "header": "甲", "type": "text", "source": "a", "width": 10},
                  {"key": "b", "header": "乙", "type": "text", "source": "b", "width": 10},
                  {"key": "n", "header": "n", "type": "integer", "source": "n", "width": 8}]})";
    // a: six CJK characters, at width 10 five on a line and “）” alone; b: fits as it is.
    auto folder = write_template(dir / "w", json, "SELECT '张某某（副）' AS a, '短' AS b, 1 AS n WHERE :year > 0");
    ReportRequest req = request(folder.string(), dir / "w.xlsx");
    generate_report(*db, shipped(), req);
    std::string xml = il::test::zip_entry(dir / "w.xlsx", "xl/worksheets/sheet1.xml");
    double a = column_width(xml, 1), b = column_width(xml, 2);
    CHECK(a > 12.0);   // widened until the text fits on one line in every reader (12.5, stored as 13.21)
    CHECK(a < 14.0);   // but not further
    CHECK(b == doctest::Approx(10.71).epsilon(0.01));  // libxlsxwriter stores 10 as 10.7109375
}

TEST_CASE("A name with its note in brackets that does not fit breaks before the bracket") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("note_break");
    const std::string json = R"({"id": "n", "name": "n", "version": "1", "title": "t", "query": "q.sql",
      "columns": [{"key": "a", "header": "包联领导", "type": "text", "source": "a", "width": 10},
                  {"key": "n", "header": "n", "type": "integer", "source": "n", "width": 8}]})";
    auto folder = write_template(dir / "n", json,
                                 "SELECT '谢洪涛（广阳区区长）' AS a, 1 AS n WHERE :year > 0 UNION ALL SELECT '王某', 2");
    generate_report(*db, shipped(), request(folder.string(), dir / "n.xlsx"));
    std::string xml = il::test::zip_entry(dir / "n.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(xml.find("<t>谢洪涛\n（广阳区区长）</t>") != std::string::npos);  // the note on a line of its own
    CHECK(xml.find("<t>王某</t>") != std::string::npos);                   // short texts as they are
    double a = column_width(xml, 1);
    CHECK(a > 14.0);  // wide enough for the note's line in every reader (14.5, stored as 15.21)
    CHECK(a < 16.0);
}
