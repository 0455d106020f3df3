// investledger-cli import / presets, run as a process.
#include <doctest/doctest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "tests/core/import/xlsx_fixture.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using namespace il::import::test;

namespace {
struct Run {
    int status = -1;
    std::string out;
};
// Runs the CLI with `args` (already quoted), stdout and stderr together.
Run cli(const std::string& args) {
    Run r;
    r.out = il_test::run_capture(il_test::quoted_cli(IL_CLI_PATH) + " " + args + " 2>&1", &r.status);
    return r;
}
std::string q(const fs::path& p) { return il_test::quote_path(p); }

fs::path write_form(const fs::path& dir, const char* bad_total = nullptr) {
    fs::path file = dir / (bad_total ? "form-bad.xlsx" : "form.xlsx");
    XlsxFixture x(file);
    x.sheet("进展情况表");
    x.merge(0, 0, 0, 6, "廊坊市2017年1-6月亿元以上项目建设进展情况表");
    x.row(1, {"填报单位（盖章）：廊坊市发改委", {}, {}, {}, {}, {}, "单位：万元"});
    x.merge(2, 0, 3, 0, "序号").merge(2, 1, 3, 1, "项目名称").merge(2, 2, 3, 2, "建设单位").merge(2, 3, 3, 3, "总投资");
    x.merge(2, 4, 2, 5, "投资完成情况").row(3, {{}, {}, {}, {}, "2017年\n计划投资", "1-6月\n完成投资"});
    x.merge(2, 6, 3, 6, "形象进度");
    x.row(4, {"甲", "乙", "丙", "1", "2", "3", "丁"});
    x.merge(5, 0, 5, 2, "合计");
    x.merge(6, 0, 6, 2, "广阳区小计（2个）");
    x.row(7, {1.0, "润泽信息港", "润泽科技", 1200000.0, 180000.0, 96500.5, "主体封顶"});
    if (bad_total) x.row(8, {2.0, "中国联通华北基地", "联通", bad_total, 90000.0, 41200.0, "设备安装"});
    else x.row(8, {2.0, "中国联通华北基地", "联通", 650000.0, 90000.0, 41200.0, "设备安装"});
    x.row(10, {"填表人：李四"});
    x.close();
    return file;
}
}  // namespace

TEST_CASE("cli import: counts, idempotent, dry run, json, presets") {
    auto dir = scratch_dir("cli");
    fs::path db = dir / "ledger.db";
    fs::path form = write_form(dir);

    Run dry = cli("--db " + q(db) + " import " + q(form) + " --dry-run");
    CHECK(dry.status == 0);
    CHECK(dry.out.find("新增 2") != std::string::npos);
    Run count0 = cli("--db " + q(db) + " import " + q(form) + " --dry-run --json");
    auto j0 = nlohmann::json::parse(count0.out);
    CHECK(j0["new"] == 2);
    CHECK(j0["written"] == false);

    Run first = cli("--db " + q(db) + " import " + q(form) + " --save-preset 市表");
    CHECK(first.status == 0);
    CHECK(first.out.find("新增 2，更新 0，未变 0，拒绝 0") != std::string::npos);
    CHECK(first.out.find("已写入数据库") != std::string::npos);

    Run again = cli("--db " + q(db) + " import " + q(form) + " --json");
    CHECK(again.status == 0);
    auto j = nlohmann::json::parse(again.out);
    CHECK(j["unchanged"] == 2);
    CHECK(j["new"] == 0);
    CHECK(j["updated"] == 0);

    Run presets = cli("--db " + q(db) + " presets list");
    CHECK(presets.status == 0);
    CHECK(presets.out.find("市表") != std::string::npos);
    Run with_preset = cli("--db " + q(db) + " import " + q(form) + " --preset 市表 --dry-run");
    CHECK(with_preset.status == 0);
    CHECK(with_preset.out.find("未变 2") != std::string::npos);
    Run missing = cli("--db " + q(db) + " import " + q(form) + " --preset 没有");
    CHECK(missing.status != 0);
    fs::remove_all(dir);
}

TEST_CASE("cli import: rejected rows, errors workbook, keep-good, unreadable file") {
    auto dir = scratch_dir("cli-bad");
    fs::path db = dir / "ledger.db";
    fs::path bad = write_form(dir, "六十五万");
    fs::path errors = dir / "errors.xlsx";

    Run r = cli("--db " + q(db) + " import " + q(bad) + " --errors " + q(errors));
    CHECK(r.status != 0);
    CHECK(r.out.find("进展情况表 第9行 总投资：“六十五万”不是有效的金额") != std::string::npos);
    CHECK(r.out.find("未导入任何数据") != std::string::npos);
    CHECK(fs::exists(errors));
    Run none = cli("--db " + q(db) + " import " + q(bad) + " --dry-run --json --keep-good");
    auto j = nlohmann::json::parse(none.out);
    CHECK(j["rejected"] == 1);
    CHECK(j["rejected_rows"][0]["row"] == 9);
    CHECK(j["rejected_rows"][0]["field"] == "总投资");

    Run keep = cli("--db " + q(db) + " import " + q(bad) + " --keep-good");
    CHECK(keep.status == 0);
    CHECK(keep.out.find("新增 1") != std::string::npos);

    write_bytes(dir / "broken.xlsx", "PK\x03\x04 this is not a workbook");
    Run broken = cli("--db " + q(db) + " import " + q(dir / "broken.xlsx"));
    CHECK(broken.status != 0);
    CHECK(broken.out.find("错误") != std::string::npos);
    Run absent = cli("--db " + q(db) + " import " + q(dir / "absent.xlsx"));
    CHECK(absent.status != 0);
    CHECK(absent.out.find("不存在") != std::string::npos);

    // A table without a name column: nothing to import, says why
    XlsxFixture x(dir / "noname.xlsx");
    x.sheet("Sheet1").row(0, {"金额", "日期"}).row(1, {1.0, "2017-01-01"});
    x.close();
    Run noname = cli("--db " + q(db) + " import " + q(dir / "noname.xlsx"));
    CHECK(noname.status != 0);
    CHECK(noname.out.find("项目名称") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli import: a preset saved for the header is picked without --preset, and says so") {
    auto dir = scratch_dir("cli-auto-preset");
    fs::path db = dir / "ledger.db";
    fs::path form = write_form(dir);
    Run first = cli("--db " + q(db) + " import " + q(form) + " --save-preset 市表");
    REQUIRE(first.status == 0);
    Run again = cli("--db " + q(db) + " import " + q(form) + " --dry-run");
    CHECK(again.status == 0);
    CHECK(again.out.find("表头与导入方案“市表”一致，已自动使用该方案") != std::string::npos);
    Run j = cli("--db " + q(db) + " import " + q(form) + " --dry-run --json");
    auto parsed = nlohmann::json::parse(j.out);
    CHECK(parsed["mappings"][0]["preset"] == "市表");
    CHECK(parsed["mappings"][0]["preset_auto"] == true);
    Run off = cli("--db " + q(db) + " import " + q(form) + " --dry-run --no-preset");
    CHECK(off.out.find("已自动使用") == std::string::npos);

    // A deals ledger: its preset also chooses the kind when --kind is not given
    write_bytes(dir / "deals.csv", "项目名称,所属县市区,来源地,签约额（万元）\n甲招商,固安县,北京,5000\n");
    Run d1 = cli("--db " + q(db) + " import " + q(dir / "deals.csv") + " --kind deals --save-preset 招商表");
    REQUIRE(d1.status == 0);
    CHECK(d1.out.find("新增 1") != std::string::npos);
    Run d2 = cli("--db " + q(db) + " import " + q(dir / "deals.csv") + " --json");
    CHECK(d2.status == 0);
    auto jd = nlohmann::json::parse(d2.out);
    CHECK(jd["kind"] == "deals");
    CHECK(jd["unchanged"] == 1);
    fs::remove_all(dir);
}

TEST_CASE("cli import: --kind, --sheet, repeated --set, --errors; non-zero exit when nothing is imported") {
    auto dir = scratch_dir("cli-flags");
    fs::path db = dir / "ledger.db";
    const fs::path xls = fs::path(IL_TEST_DATA_DIR) / "readers" / "ledger.xls";  // Excel 97-2003
    // The title names the county; --set gives what the sheet lacks, for every row
    Run ok = cli("--db " + q(db) + " import " + q(xls) + " --kind projects --sheet 2017年项目 --set stage=续建 --set level=市重点 --json");
    REQUIRE(ok.status == 0);
    auto j = nlohmann::json::parse(ok.out);
    CHECK(j["new"] == 2);
    CHECK(j["written"] == true);
    Run list = cli("--db " + q(db) + " list projects --json");
    auto projects = nlohmann::json::parse(list.out);
    REQUIRE(projects.size() == 2);
    for (const auto& p : projects) {
        CHECK(p["level"] == "市重点");
        CHECK(p["stage"] == "续建");
        CHECK(p["region"] == "固安县");  // from the title "固安县2017年重点项目台账"
    }
    Run no_sheet = cli("--db " + q(db) + " import " + q(xls) + " --sheet 不存在");
    CHECK(no_sheet.status != 0);
    CHECK(no_sheet.out.find("没有名为“不存在”的工作表") != std::string::npos);
    Run bad_set = cli("--db " + q(db) + " import " + q(xls) + " --set 无此字段=1");
    CHECK(bad_set.status != 0);
    CHECK(bad_set.out.find("无此字段") != std::string::npos);

    // Every row rejected: non-zero, the reason per row, an errors workbook
    write_bytes(dir / "renov.csv", "企业名称,项目名称,所属县市区,总投资（万元）\n甲企业,技改一号,固安县,一百\n乙企业,技改二号,固安县,-5\n");
    fs::path errors = dir / "errors.xlsx";
    Run bad = cli("--db " + q(db) + " import " + q(dir / "renov.csv") + " --kind renovations --keep-good --errors " + q(errors));
    CHECK(bad.status != 0);
    CHECK(bad.out.find("所有行都被拒绝") != std::string::npos);
    CHECK(bad.out.find("renov 第2行 总投资") != std::string::npos);
    CHECK(fs::exists(errors));
    write_bytes(dir / "renov.csv", "企业名称,项目名称,所属县市区,总投资（万元）\n甲企业,技改一号,固安县,100\n");
    Run good = cli("--db " + q(db) + " import " + q(dir / "renov.csv") + " --kind renovations");
    CHECK(good.status == 0);
    CHECK(good.out.find("新增 1") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("cli import: malformed files give a clear message and a non-zero exit, never a crash or hang") {
    auto dir = scratch_dir("cli-malformed");
    fs::path db = dir / "ledger.db";
    const fs::path corpus = fs::path(IL_TEST_DATA_DIR) / "malformed";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"zip_truncated_50.xlsx", "截断"},
        {"xml_broken_sheet.xlsx", "XML 格式错误"},
        {"sst_index_out_of_range.xlsx", "共享字符串索引 99 超出范围"},
        {"cell_2mb_inline.xlsx", "内容太长"},
        {"million_empty_rows.xlsx", "没有找到可导入的表格"},
        {"chart_only.xlsx", "是图表"},
        {"encrypted_agile.xlsx", "密码保护"},
        {"xls_password.xls", "密码保护"},
        {"csv_gbk_truncated_char.csv", "不完整"},
    };
    for (const auto& [file, words] : cases) {
        CAPTURE(file);
        Run r = cli("--db " + q(db) + " import " + q(corpus / file));
        CHECK(r.status == 1);  // an error, not a signal (-1) or a crash code
        CHECK_MESSAGE(r.out.find(words) != std::string::npos, r.out);
        CHECK(r.out.find("错误") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("cli import: Excel's 'Unicode text' (UTF-16, tabs) imports like any ledger") {
    auto dir = scratch_dir("cli-utf16");
    fs::path db = dir / "ledger.db";
    std::u16string u = u"固安县重点项目\r\n项目名称\t总投资（亿元）\t计划开工时间\r\n甲项目\t\"1,234.5\"\t2017年3月\r\n合计\t1234.5\t\r\n";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : u) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    write_bytes(dir / "unicode.txt.csv", bytes);
    Run r = cli("--db " + q(db) + " import " + q(dir / "unicode.txt.csv") + " --json");
    CHECK(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["new"] == 1);
    CHECK(j["rejected"] == 0);
    Run list = cli("--db " + q(db) + " list projects --json");
    auto projects = nlohmann::json::parse(list.out);
    REQUIRE(projects.size() == 1);
    CHECK(projects[0]["total_investment_wan"] == "12345000.00");
    CHECK(projects[0]["region"] == "固安县");
    fs::remove_all(dir);
}
