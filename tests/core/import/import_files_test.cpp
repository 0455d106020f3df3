// Imports of real files: xlsx written like the ledgers users keep, GBK csv, the errors workbook
// after correction, and the tool's own detail report.
#include <doctest/doctest.h>

#include "core/db/project_repository.h"
#include "core/import/errors_workbook.h"
#include "core/import/import_run.h"
#include "core/report/report_generator.h"
#include "tests/core/import/import_fixture.h"
#include "tests/core/import/xlsx_fixture.h"
#include "tests/core/report/report_test_util.h"

namespace fs = std::filesystem;
using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
std::int64_t region_id(db::Database& db, const std::string& name) {
    SQLite::Statement q(db.sql(), "SELECT id FROM regions WHERE name = ?");
    q.bind(1, name);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
}
const PlannedRecord* find_record(const ImportPlan& plan, const std::string& name) {
    for (const auto& r : plan.records)
        if (r.project && r.project->name == name) return &r;
    return nullptr;
}

// A county ledger as offices keep it: title, 填报单位 and 单位：亿元 lines, a two-row header with
// merged groups, 合计, group labels that give the zone, text numbers, units and dates in cells,
// notes and signatures under the data. Rows 9 and 10 (1-based) hold unreadable cells.
fs::path write_county_ledger(const fs::path& dir, bool with_errors) {
    fs::path file = dir / "county.xlsx";
    XlsxFixture x(file);
    x.sheet("固安县");
    x.merge(0, 0, 0, 9, "固安县2017年重点项目台账（1-9月）");
    x.row(1, {"填报单位：固安县发展和改革局", {}, {}, {}, {}, {}, {}, {}, "单位：亿元"});
    x.merge(2, 0, 3, 0, "序号").merge(2, 1, 3, 1, "项目名称").merge(2, 2, 3, 2, "项目单位").merge(2, 3, 3, 3, "总投资");
    x.merge(2, 4, 2, 6, "2017年").row(3, {{}, {}, {}, {}, "计划投资", "1-9月完成", "本月完成"});
    x.merge(2, 7, 3, 7, "计划开工时间").merge(2, 8, 3, 8, "项目级别").merge(2, 9, 3, 9, "形象进度");
    x.row(4, {"合计", {}, {}, 12.5, 6.0, 3.1, 0.4});
    x.row(5, {"一、固安工业园区"});
    x.row(6, {1.0, "华夏AMOLED", "华夏光电有限公司", "1,234.5", "1.5亿元", "8,000万元", "500万元", "2017.3", "省重点", "设备安装"});
    x.row(7, {2.0, "航天振邦", "航天振邦公司", 2.0, 1.0, 0.5, 0.1, {}, "市重点", "主体施工"});
    x.date(7, 7, 2017, 4, 15);
    x.row(8, {"二、新兴产业示范区"});
    if (with_errors) {
        x.row(9, {3.0, "郎创航天", "郎创公司", "两亿", 1.0, 0.2, 0.1, "2017年5月", "市重点", "前期"});
        x.row(10, {4.0, "恒盛水处理设备", "恒盛公司", 3.0, 1.0, 0.3, 0.1, "明年春天", "县重点", "前期"});
    } else {
        x.row(9, {3.0, "郎创航天", "郎创公司", 2.0, 1.0, 0.2, 0.1, "2017年5月", "市重点", "前期"});
        x.row(10, {4.0, "恒盛水处理设备", "恒盛公司", 3.0, 1.0, 0.3, 0.1, "2017-06-01", "县重点", "前期"});
    }
    x.row(12, {"注：本表金额单位为亿元。"});
    x.row(13, {"填表人：张三", {}, {}, "联系电话：0316-1234567"});
    x.close();
    return file;
}
}  // namespace

TEST_CASE("a county ledger in xlsx: merged headers, 亿元, text numbers and dates, group labels") {
    auto dir = scratch_dir("county");
    auto db = seeded_db();
    Workbook wb = read_workbook(write_county_ledger(dir, false));
    ImportPlan plan = plan_import(*db, wb, {});
    for (const auto& r : plan.rejected) FAIL_CHECK(r.source.row << " " << r.issues.at(0).field << " " << r.issues.at(0).reason);
    REQUIRE(plan.records.size() == 4);
    const PlannedRecord* hx = find_record(plan, "华夏AMOLED");
    REQUIRE(hx);
    const Project& p = *hx->project;
    CHECK(p.region_id == region_id(*db, "固安县"));  // the sheet name (and 填报单位)
    CHECK(p.zone_id.has_value());                    // 一、固安工业园区
    CHECK(p.total_investment == Money::from_wan(12'345'000));  // "1,234.5" 亿元
    CHECK(p.annual_plans.at(2017) == Money::from_wan(15000));  // "1.5亿元"
    CHECK(p.planned_start == "2017-03");
    CHECK(p.level == "省重点");
    REQUIRE(hx->progress.size() == 1);
    CHECK(hx->progress[0].month == 9);
    CHECK(hx->progress[0].ytd == Money::from_wan(8000));        // "8,000万元" in a 亿元 column
    CHECK(hx->progress[0].month_value == Money::from_wan(500));
    CHECK(hx->progress[0].image_progress == "设备安装");
    const PlannedRecord* ht = find_record(plan, "航天振邦");
    CHECK(ht->project->planned_start == "2017-04-15");          // an Excel date
    CHECK(ht->project->total_investment == Money::from_wan(20000));
    // "二、新兴产业示范区" names no zone: back to the sheet's region, no zone
    CHECK_FALSE(find_record(plan, "郎创航天")->project->zone_id.has_value());
    CHECK(find_record(plan, "郎创航天")->project->region_id == region_id(*db, "固安县"));
    ImportResult r = apply_import(*db, plan, {});
    CHECK(r.written);
    CHECK(count_rows(*db, "progress") == 4);
    fs::remove_all(dir);
}

TEST_CASE("rejected rows go to an errors workbook that re-imports once corrected") {
    auto dir = scratch_dir("errors");
    auto db = seeded_db();
    ImportOptions o;
    o.source_name = "county.xlsx";
    ImportPlan plan = plan_import(*db, read_workbook(write_county_ledger(dir, true)), o);
    REQUIRE(plan.rejected.size() == 2);
    CHECK(plan.rejected[0].source.row == 10);
    CHECK(plan.rejected[0].issues.at(0).field == "总投资");
    CHECK(plan.rejected[0].issues.at(0).reason.find("两亿") != std::string::npos);
    CHECK(plan.rejected[1].issues.at(0).field == "计划开工时间");
    ImportResult res = apply_import(*db, plan, o);
    CHECK_FALSE(res.written);
    CHECK(count_rows(*db, "projects") == 0);  // all or nothing

    fs::path errors = dir / "errors.xlsx";
    write_errors_workbook(plan, errors);
    Workbook ew = read_workbook(errors);
    // the rejected rows, and the good rows' missing information (no 项目代码) on a sheet of its own
    REQUIRE(ew.sheets.size() == 2);
    CHECK(ew.sheets[1].name == "资料不全");
    CHECK(ew.sheets[1].rows.size() == 2 + static_cast<std::size_t>(plan.warned()));
    const Sheet& s = ew.sheets[0];
    // title, header, two rows
    REQUIRE(s.rows.size() == 4);
    const Row& header = s.rows[1];
    std::vector<std::string> texts;
    for (const auto& c : header.cells) texts.push_back(c.text);
    CHECK(std::find(texts.begin(), texts.end(), "错误原因") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "2017年计划投资（亿元）") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "2017年1-9月累计完成投资（亿元）") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "所属县市区") != texts.end());  // the region came from the sheet name

    // As is, the errors workbook is rejected for the same reasons
    ImportPlan same = plan_import(*db, ew, o);
    CHECK(same.rejected.size() == 2);
    // Corrected by the user: the same rows import, with the region they had in the ledger
    Workbook fixed = ew;
    auto& rows = fixed.sheets[0].rows;
    auto set_text = [](Row& row, int col, const char* text) {
        row.cells.at(static_cast<std::size_t>(col)).type = CellType::Text;
        row.cells.at(static_cast<std::size_t>(col)).text = text;
    };
    set_text(rows[2], 3, "2");
    set_text(rows[3], 7, "2017-06-01");
    ImportPlan corrected = plan_import(*db, fixed, o);
    for (const auto& r : corrected.rejected) FAIL_CHECK(r.issues.at(0).field << " " << r.issues.at(0).reason);
    REQUIRE(corrected.records.size() == 2);
    const PlannedRecord* lc = find_record(corrected, "郎创航天");
    REQUIRE(lc);
    CHECK(lc->project->region_id == region_id(*db, "固安县"));
    CHECK(lc->project->total_investment == Money::from_wan(20000));
    CHECK(lc->progress.at(0).ytd == Money::from_wan(2000));
    CHECK(apply_import(*db, corrected, o).written);
    fs::remove_all(dir);
}

TEST_CASE("a GBK csv from Chinese Windows imports") {
    auto dir = scratch_dir("gbk");
    auto db = seeded_db();
    std::string csv = "廊坊市重点项目表\r\n单位：万元\r\n项目名称,所属县市区,总投资,计划开工时间\r\n"
                      "京东电子商务产业集群,永清县,\"150,000\",2017年3月\r\n菜鸟智能骨干物流,固安县,\"80,000.50\",2017/5/1\r\n"
                      "合计,,\"230,000.50\",\r\n";
    write_bytes(dir / "gbk.csv", to_gbk(csv));
    ImportPlan plan = plan_import(*db, read_workbook(dir / "gbk.csv"), {});
    CHECK(plan.rejected.empty());
    REQUIRE(plan.records.size() == 2);
    CHECK(plan.records[0].project->name == "京东电子商务产业集群");
    CHECK(plan.records[0].project->total_investment == Money::from_wan(150000));
    CHECK(plan.records[1].project->total_investment == Money{80'000'500'000});
    CHECK(plan.records[1].project->planned_start == "2017-05-01");
    fs::remove_all(dir);
}

TEST_CASE("the tool's own detail report (亿元以上项目建设进展情况表) re-imports cleanly") {
    auto dir = scratch_dir("report");
    auto source = il::test::report_fixture_db();
    report::ReportRequest req;
    req.templates = {"01-projects"};
    req.period = {2017, 6};
    req.out = dir / "report.xlsx";
    req.report_date = "2017-07-05";
    req.record = false;
    report::generate_report(*source, report::TemplateCatalog({fs::path(IL_TEMPLATES_DIR)}), req);
    Workbook wb = read_workbook(req.out);

    // Into an empty ledger: every project row, none rejected; 小计 lines give the regions
    auto fresh = seeded_db();
    ImportPlan plan = plan_import(*fresh, wb, {});
    for (const auto& r : plan.rejected) FAIL_CHECK(r.source.row << " " << r.issues.at(0).field << " " << r.issues.at(0).reason);
    std::int64_t expected = source->sql()
                                .execAndGet("SELECT count(*) FROM projects WHERE stage <> '取消' AND (actual_completion IS NULL "
                                            "OR actual_completion = '' OR substr(actual_completion,1,4) >= '2017')")
                                .getInt64();
    CHECK(static_cast<std::int64_t>(plan.records.size()) == expected);
    CHECK(plan.count(Outcome::New) == static_cast<int>(plan.records.size()));
    for (const auto& rec : plan.records) {
        // the same figures as in the source ledger, to the 分 at 万元 with two decimals
        SQLite::Statement q(source->sql(),
                            "SELECT p.total_investment, r.name FROM projects p JOIN regions r ON r.id = p.region_id WHERE p.name = ?");
        q.bind(1, rec.project->name);
        REQUIRE(q.executeStep());
        CHECK(rec.project->total_investment.wan_cents() == Money{q.getColumn(0).getInt64()}.wan_cents());
        CHECK(fresh->sql().execAndGet("SELECT name FROM regions WHERE id = " + std::to_string(rec.project->region_id)).getString() ==
              q.getColumn(1).getString());
    }
    ImportResult res = apply_import(*fresh, plan, {});
    CHECK(res.written);
    // And back into the ledger it came from: nothing rejected
    ImportPlan back = plan_import(*source, wb, {});
    CHECK(back.rejected.empty());
    CHECK(back.count(Outcome::New) == 0);
    // Figures rounded to 0.01 万元 in the report keep the exact stored amounts, and what the
    // report derives (the stage as of the period, open problems as the month's text) is read back
    // as what it is: the ledger it came from sees no change at all.
    for (const auto& rec : back.records)
        for (const auto& c : rec.changes)
            FAIL_CHECK(rec.display << " " << c.field << ": " << c.old_value << " → " << c.new_value);
    CHECK(back.count(Outcome::Unchanged) == static_cast<int>(back.records.size()));
    fs::remove_all(dir);
}

TEST_CASE("the errors workbook carries the --set values, so a corrected row re-imports without them") {
    auto dir = scratch_dir("errors-set");
    auto db = seeded_db();
    write_bytes(dir / "deals.csv", "项目名称,签约额（万元）,1-6月到位外资（万美元）\n甲招商,5000,12\n乙招商,不详,3\n");
    ImportOptions o;
    o.kind = RecordKind::Deals;
    o.source_name = "deals.csv";
    o.set_fields = {{"region", "固安县"}, {"origin", "境外"}, {"country", "美国"}, {"year", "2017"}, {"funds_rate", "6.85"}};
    ImportPlan plan = plan_import(*db, read_workbook(dir / "deals.csv"), o);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].issues.at(0).field == "签约额");
    fs::path errors = dir / "errors.xlsx";
    write_errors_workbook(plan, errors);
    Workbook ew = read_workbook(errors);
    auto& rows = ew.sheets.at(0).rows;
    REQUIRE(rows.size() == 3);  // title, header, the rejected row
    rows[2].cells.at(1).type = CellType::Number;
    rows[2].cells.at(1).number = 3000;
    ImportOptions plain;  // no --set this time
    plain.kind = RecordKind::Deals;
    ImportPlan corrected = plan_import(*db, ew, plain);
    for (const auto& r : corrected.rejected) FAIL_CHECK(r.issues.at(0).field << " " << r.issues.at(0).reason);
    REQUIRE(corrected.records.size() == 1);
    const Deal& d = *corrected.records[0].deal;
    CHECK(d.name == "乙招商");
    CHECK(d.region_id == region_id(*db, "固安县"));
    CHECK(d.origin == "境外");
    CHECK(d.country == "美国");
    REQUIRE(d.funds.size() == 1);
    CHECK(d.funds[0].rate_micro == 6'850'000);
    fs::remove_all(dir);
}
