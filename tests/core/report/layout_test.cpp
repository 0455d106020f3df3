#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/report/layout.h"
#include "core/report/report_generator.h"
#include "core/util/error.h"
#include "core/util/sha256.h"
#include "tests/core/report/report_test_util.h"

namespace fs = std::filesystem;
using namespace il::report;

namespace {
TemplateCatalog shipped() { return TemplateCatalog({fs::path(IL_TEMPLATES_DIR)}); }

ReportResult make(il::db::Database& db, const std::string& id, const fs::path& out, const std::string& scope = "") {
    ReportRequest req;
    req.templates = {id};
    req.period = {2017, 6};
    req.scope = scope;
    req.out = out;
    req.report_date = "2017-07-05";
    return generate_report(db, shipped(), req);
}
long long fen(double v) { return std::llround(v * 1e6); }
}  // namespace

TEST_CASE("Placeholders and column numbers") {
    ReportContext ctx;
    ctx.period = {2017, 6};
    ctx.place = "廊坊市";
    CHECK(expand_placeholders("{place}{year}年{period}亿元以上项目建设进展情况表", ctx) ==
          "廊坊市2017年1-6月亿元以上项目建设进展情况表");
    CHECK(expand_placeholders("{last_year}年同期 {unknown} {", ctx) == "2016年同期 {unknown} {");
    CHECK(expand_placeholders("{group}小计（{count}个）", ctx, {{"group", "广阳区"}, {"count", "2"}}) == "广阳区小计（2个）");

    SheetDef s;
    auto col = [](std::string key, ColumnType t) {
        ColumnDef c;
        c.key = std::move(key);
        c.type = t;
        return c;
    };
    s.columns = {col("seq", ColumnType::Seq), col("name", ColumnType::Text), col("owner", ColumnType::Text),
                 col("total", ColumnType::Money), col("plan", ColumnType::Money), col("ytd", ColumnType::Money),
                 col("rate", ColumnType::Percent), col("image", ColumnType::Text), col("g", ColumnType::Percent)};
    s.columns[6].derive = DeriveOp::Ratio;
    s.columns[6].of = "ytd";
    s.columns[6].to = "plan";
    s.columns[8].derive = DeriveOp::Growth;
    s.columns[8].of = "ytd";
    s.columns[8].to = "total";
    s.columns[7].number = "";
    auto labels = column_number_labels(s);
    CHECK(labels == std::vector<std::string>{"甲", "乙", "丙", "1", "2", "3", "4=3/2", "", "5=3/1-1"});
}

TEST_CASE("Project progress report: exact amounts, 小计 and 合计 their exact sums, formulas and layout") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("layout_totals");
    auto res = make(*db, "01-projects", dir / "r.xlsx");
    REQUIRE(res.sheets.size() == 1);
    CHECK(res.sheets[0].data_rows == 8);
    CHECK(res.sheets[0].groups == 5);
    std::string xml = il::test::zip_entry(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    auto v = il::test::numeric_cells(xml);
    auto f = il::test::formula_cells(xml);
    // Row 6 is 合计 (under the two header rows and the column-number row), 广阳区 from row 7.
    CHECK(v["H8"] == doctest::Approx(96500.505));  // shown 96,500.51 by the cell's format
    CHECK(v["H9"] == doctest::Approx(41200.004));  // shown 41,200.00
    CHECK(f["F6"] == "SUBTOTAL(9,F7:F19)");
    CHECK(f["F7"] == "SUBTOTAL(9,F8:F9)");
    CHECK(f["I6"] == "H6/G6");
    // Subtotal rows: 7, 10, 12, 15, 17 (groups of 2, 1, 2, 1, 2).
    const std::vector<int> subtotal_rows{7, 10, 12, 15, 17};
    for (std::string c : {"F", "G", "H", "J"}) {
        CAPTURE(c);
        long long by_groups = 0, by_rows = 0;
        for (int r : subtotal_rows) by_groups += fen(v[c + std::to_string(r)]);
        for (int r = 8; r <= 19; ++r)
            if (std::find(subtotal_rows.begin(), subtotal_rows.end(), r) == subtotal_rows.end())
                by_rows += fen(v[c + std::to_string(r)]);
        CHECK(fen(v[c + "6"]) == by_groups);
        CHECK(by_groups == by_rows);
    }
    // The ratio of the 合计 row is computed from the exact totals.
    CHECK(v["I6"] == doctest::Approx(v["H6"] / v["G6"]));
    // The engine streams rows to disk (constant_memory): texts are stored inline in the sheet,
    // there is no shared strings table.
    CHECK(il::test::zip_entry(dir / "r.xlsx", "xl/sharedStrings.xml").empty());
    std::string strings = il::test::zip_entry(dir / "r.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(strings.find("t=\"inlineStr\"") != std::string::npos);
    CHECK(strings.find("廊坊市2017年1-6月亿元以上项目建设进展情况表") != std::string::npos);
    CHECK(strings.find("广阳区小计（2个）") != std::string::npos);
    CHECK(strings.find("填报单位（盖章）：廊坊市发展和改革委员会") != std::string::npos);
    CHECK(strings.find("报出日期：2017年7月5日") != std::string::npos);
    CHECK(strings.find("已取消示例项目") == std::string::npos);
    // Print setup and panes.
    CHECK(xml.find("<pane xSplit=\"2\" ySplit=\"5\"") != std::string::npos);
    CHECK(xml.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(xml.find("fitToHeight=\"0\"") != std::string::npos);
    CHECK(xml.find("&amp;C第 &amp;P 页，共 &amp;N 页") != std::string::npos);
    std::string book = il::test::zip_entry(dir / "r.xlsx", "xl/workbook.xml");
    CHECK(book.find("_xlnm.Print_Titles") != std::string::npos);
    std::string styles = il::test::zip_entry(dir / "r.xlsx", "xl/styles.xml");
    CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
    CHECK(styles.find("formatCode=\"0.0%\"") != std::string::npos);
    CHECK(styles.find("<name val=\"宋体\"/>") != std::string::npos);
}

TEST_CASE("A scope narrows the rows and names the place; an unknown scope lists the known ones") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("layout_scope");
    auto res = make(*db, "01-projects", dir / "gu.xlsx", "固安县");
    CHECK(res.sheets[0].data_rows == 2);
    std::string strings = il::test::zip_entry(dir / "gu.xlsx", "xl/worksheets/sheet1.xml");
    CHECK(strings.find("固安县2017年1-6月亿元以上项目建设进展情况表") != std::string::npos);
    CHECK(strings.find("润泽信息港") == std::string::npos);
    res = make(*db, "01-projects", dir / "zone.xlsx", "廊坊经开区");
    CHECK(res.sheets[0].data_rows == 2);
    CHECK_THROWS_WITH_AS(make(*db, "01-projects", dir / "x.xlsx", "火星区"), doctest::Contains("固安县"),
                         il::ValidationError);
    CHECK_FALSE(fs::exists(dir / "x.xlsx"));
}

TEST_CASE("Each generated report is recorded with template version, period, scope and the file's SHA-256") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("layout_runs");
    auto res = make(*db, "01-projects", dir / "r.xlsx", "广阳区");
    CHECK(res.sha256 == il::sha256_file(dir / "r.xlsx"));
    auto runs = list_report_runs(*db);
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].template_id == "01-projects");
    CHECK(runs[0].template_version == "1.0");
    CHECK(runs[0].period == "2017-06");
    CHECK(runs[0].scope == "广阳区");
    CHECK(runs[0].who == "tester");
    CHECK(runs[0].sha256 == res.sha256);
    CHECK(fs::path(runs[0].file_path).filename() == "r.xlsx");
}

TEST_CASE("Pre-report checks are listed; --strict stops the report before writing") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("layout_strict");
    CHECK(run_report_checks(*db, {2017, 6}, "").empty());
    // A year-to-date that falls in May, and a month that disagrees with the year-to-date.
    db->sql().exec("UPDATE progress SET completed_ytd = completed_ytd - 1000000000 WHERE project_id = 1 AND year = 2017 AND month = 5");
    auto findings = run_report_checks(*db, {2017, 6}, "");
    REQUIRE_FALSE(findings.empty());
    CHECK(findings[0].text.find("润泽信息港") != std::string::npos);
    ReportRequest req;
    req.templates = {"01-projects"};
    req.period = {2017, 6};
    req.out = dir / "strict.xlsx";
    req.strict = true;
    CHECK_THROWS_WITH_AS(generate_report(*db, shipped(), req), doctest::Contains("润泽信息港"), il::ValidationError);
    CHECK_FALSE(fs::exists(req.out));
    CHECK(list_report_runs(*db).empty());
    req.strict = false;
    auto res = generate_report(*db, shipped(), req);
    CHECK(res.findings.size() == findings.size());
    CHECK(fs::exists(req.out));
}

// Investment reported before the project's start (the rule the pass over progress_period now
// decides) still stops a --strict report, even a one-sheet one, with its message; only the
// reports whose scope holds the project carry it.
TEST_CASE("Pre-report checks: a start date after reported investment stops --strict, naming the start") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("layout_strict_start");
    REQUIRE(run_report_checks(*db, {2017, 6}, "").empty());
    const std::string old_start = db->sql().execAndGet("SELECT coalesce(actual_start, '') FROM projects WHERE id = 1").getString();
    REQUIRE(db->sql().execAndGet("SELECT count(*) FROM progress WHERE project_id = 1 AND year = 2017 AND month <= 6 "
                                 "AND completed_ytd > 0").getInt() > 0);
    db->sql().exec("UPDATE projects SET actual_start = '2017-08-01' WHERE id = 1");
    auto findings = run_report_checks(*db, {2017, 6}, "");
    REQUIRE_FALSE(findings.empty());
    bool named = false;
    for (const auto& f : findings)
        named = named || (f.project_id == 1 && f.text.find("润泽信息港") != std::string::npos &&
                          f.text.find("已填报完成投资，但实际开工日期 2017-08-01 在此之后") != std::string::npos);
    CHECK(named);
    ReportRequest req;
    req.templates = {"05-deals"};  // a sheet that does not even list projects: the checks run all the same
    req.period = {2017, 6};
    req.out = dir / "strict.xlsx";
    req.strict = true;
    CHECK_THROWS_WITH_AS(generate_report(*db, shipped(), req), doctest::Contains("实际开工日期 2017-08-01 在此之后"),
                         il::ValidationError);
    CHECK_FALSE(fs::exists(req.out));
    // Another county's report does not carry it.
    const std::string own = db->sql().execAndGet("SELECT r.name FROM projects p JOIN regions r ON r.id = p.region_id WHERE p.id = 1").getString();
    const std::string other = db->sql().execAndGet("SELECT name FROM regions WHERE id <> (SELECT region_id FROM projects WHERE id = 1) "
                                                   "ORDER BY id LIMIT 1").getString();
    CHECK_FALSE(run_report_checks(*db, {2017, 6}, own).empty());
    CHECK(run_report_checks(*db, {2017, 6}, other).empty());
    db->sql().exec(old_start.empty() ? std::string("UPDATE projects SET actual_start = NULL WHERE id = 1")
                                     : "UPDATE projects SET actual_start = '" + old_start + "' WHERE id = 1");
    CHECK(run_report_checks(*db, {2017, 6}, "").empty());
}

// Golden files, one folder per shipped template: every part of the workbook it makes on the fixture
// ledger (sheets with their texts inline, styles, workbook, charts, drawings, relationships), compared as
// libxlsxwriter's own tests compare them; docProps carry timestamps and are left out. Any change
// of layout shows here: IL_UPDATE_GOLDEN=1 rewrites the files (review the diff before committing).
TEST_CASE("Golden files: the layout of every shipped template") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("golden");
    bool update = std::getenv("IL_UPDATE_GOLDEN") != nullptr;
    auto catalog = shipped();
    REQUIRE(catalog.entries().size() >= 8);
    for (const auto& entry : catalog.entries()) {
        CAPTURE(entry.id);
        fs::path file = dir / (entry.id + ".xlsx");
        make(*db, entry.id, file);
        fs::path golden = fs::path(IL_TEST_DATA_DIR) / "golden" / entry.id;
        std::set<std::string> produced_names;
        for (const auto& part : il::test::zip_entry_names(file)) {
            if (part.rfind("docProps/", 0) == 0) continue;
            CAPTURE(part);
            std::string name = fs::path(part).filename().string();
            CHECK(produced_names.insert(name).second);  // file names are unique within a workbook
            std::string produced = il::test::zip_entry(file, part);
            REQUIRE_FALSE(produced.empty());
            fs::path expected = golden / name;
            if (update) {
                fs::create_directories(golden);
                std::ofstream(expected, std::ios::binary) << produced;
            }
            REQUIRE_MESSAGE(fs::exists(expected), "no golden file " << expected << " (IL_UPDATE_GOLDEN=1 makes it)");
            CHECK(produced == il::test::read_file_text(expected));
        }
        // Nothing in the golden folder that the workbook no longer has.
        if (update && fs::exists(golden))
            for (const auto& f : fs::directory_iterator(golden))
                if (!produced_names.count(f.path().filename().string())) fs::remove(f.path());
        for (const auto& f : fs::directory_iterator(golden)) {
            CAPTURE(f.path());
            CHECK(produced_names.count(f.path().filename().string()) == 1);
        }
    }
}
