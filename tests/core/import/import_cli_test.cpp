// investledger-cli import / presets, run as a process.
#include <doctest/doctest.h>

#include <cstdio>
#include <sys/wait.h>

#include <nlohmann/json.hpp>

#include "tests/core/import/xlsx_fixture.h"

namespace fs = std::filesystem;
using namespace il::import::test;

namespace {
struct Run {
    int status = -1;
    std::string out;
};
// Runs the CLI with `args` (already quoted), stdout and stderr together.
Run cli(const std::string& args) {
    std::string cmd = std::string("'") + IL_CLI_PATH + "' " + args + " 2>&1";
    Run r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    return r;
}
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

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
