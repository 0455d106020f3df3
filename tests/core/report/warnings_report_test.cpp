// The 预警清单 report judges lights with core/stats' rules (il_light), so it lists exactly the
// projects and lights that the 首页 shows (stats::warned_projects), in the same order, also on a
// threshold's edge where floating point would misjudge.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/db/project_repository.h"
#include "core/import/read/workbook.h"
#include "core/report/report_generator.h"
#include "core/stats/warning_list.h"
#include "tests/core/report/report_test_util.h"
#include "tests/support/test_ledger.h"

namespace fs = std::filesystem;
using namespace il;

namespace {
using Listed = std::vector<std::pair<std::string, std::string>>;  // (light, project name)

Listed report_lights(db::Database& db, Period period, const fs::path& out) {
    report::ReportRequest req;
    req.templates = {"07-warnings"};
    req.period = period;
    req.out = out;
    req.report_date = "2017-07-05";
    req.record = false;
    report::generate_report(db, report::TemplateCatalog({fs::path(IL_TEMPLATES_DIR)}), req);
    Listed listed;
    const auto wb = import::read_workbook(out);
    for (const auto& row : wb.sheets.at(0).rows) {
        if (row.cells.size() < 5) continue;
        const std::string& light = row.cells[4].text;  // columns: 序号, 项目名称, 县, 性质, 预警等级 …
        if (light == "红灯" || light == "黄灯") listed.emplace_back(light, row.cells[1].text);
    }
    return listed;
}

Listed core_lights(db::Database& db, Period period) {
    Listed listed;
    for (const auto& w : stats::warned_projects(stats::compute_period_figures(db, period)))
        listed.emplace_back(stats::light_name(w.light), w.name);
    return listed;
}
}  // namespace

TEST_CASE("the 预警清单 lists what core/stats lists, on a threshold's edge too") {
    auto db = test::report_fixture_db();
    auto dir = test::scratch_dir("warnings_report");
    const Period june{2017, 6};

    // Exactly 10 points behind 序时进度 (50% − 40%): yellow, as the rule is inclusive. In floating
    // point 0.5 − 0.4 is 0.0999…, which a SQL comparison with 10 points takes for green.
    db::ProjectRepository repo(*db);
    Project p;
    p.name = "边界预警测试项目";
    p.owner = "测试有限公司";
    p.region_id = il::db::scalar_int(*db, "SELECT id FROM regions ORDER BY sort_order, id LIMIT 1");
    p.stage = "续建";
    p.level = "市重点";
    p.total_investment = Money::from_wan(300000);
    p.annual_plans[2017] = Money::from_wan(100000);
    p.actual_start = "2016-05-01";
    repo.insert(p);
    repo.set_progress({p.id, 2017, 6, {}, Money::from_wan(40000), "主体施工", ""}, true);

    const Listed from_core = core_lights(*db, june);
    const Listed from_report = report_lights(*db, june, dir / "warnings.xlsx");
    CHECK(from_core.size() > 1);
    CHECK(from_report == from_core);
    bool edge_yellow = false;
    for (const auto& [light, name] : from_report)
        if (name == p.name) edge_yellow = light == "黄灯";
    CHECK(edge_yellow);

    // The thresholds are the settings when the report is made, also while another statement of
    // the connection is running (SQLite cannot redefine a function then: the GUI has such reads)
    db->set_setting("warn_yellow_points", "10.01");
    il::db::Query running(*db, "SELECT id FROM projects");
    REQUIRE(running.executeStep());
    const Listed stricter = report_lights(*db, june, dir / "warnings2.xlsx");
    CHECK(stricter == core_lights(*db, june));
    for (const auto& [light, name] : stricter) CHECK(name != p.name);
    fs::remove_all(dir);
}
