#include <doctest/doctest.h>

#include <chrono>

#include "core/db/database.h"
#include "core/demo/demo_generator.h"
#include "core/stats/period_figures.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::stats;

namespace {

struct Ledger {
    std::unique_ptr<db::Database> db = il::test::open_test_ledger();
    int uid = 0;
    std::string next_uid() { return "u" + std::to_string(++uid); }

    Ledger() {
        exec("INSERT INTO regions(id, uid, name, sort_order) VALUES (1,'r1','甲县',1),(2,'r2','乙县',2),(3,'r3','丙县',3)");
        exec("INSERT INTO zones(id, uid, region_id, name) VALUES (1,'z1',1,'甲园区')");
        exec("INSERT INTO categories(id, uid, name, group_name, strategic_emerging, is_industrial) VALUES "
             "(1,'c1','新材料','战略性新兴产业',1,1),(2,'c2','食品','传统产业',0,1),(3,'c3','基础设施','其他',0,0)");
    }
    void exec(const std::string& sql) { db->exec(sql); }
    void project(int id, int region, std::optional<int> zone, int category, const char* stage, std::int64_t total_wan,
                 std::optional<std::string> planned_start, std::optional<std::string> actual_start,
                 std::optional<std::string> actual_completion = std::nullopt) {
        il::db::Query q(*db,
                        "INSERT INTO projects(id, uid, name, region_id, zone_id, category_id, stage, total_investment, "
                        "planned_start, actual_start, actual_completion, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,'t','t')");
        q.bind(1, id);
        q.bind(2, next_uid());
        q.bind(3, "项目" + std::to_string(id));
        q.bind(4, region);
        if (zone) q.bind(5, *zone);
        q.bind(6, category);
        q.bind(7, stage);
        q.bind(8, total_wan * kFenPerWan);
        if (planned_start) q.bind(9, *planned_start);
        if (actual_start) q.bind(10, *actual_start);
        if (actual_completion) q.bind(11, *actual_completion);
        q.exec();
    }
    void plan(int project, int year, std::int64_t wan) {
        il::db::Query q(*db, "INSERT INTO project_plans(project_id, year, planned_investment, uid) VALUES(?,?,?,?)");
        q.bind(1, project);
        q.bind(2, year);
        q.bind(3, wan * kFenPerWan);
        q.bind(4, next_uid());
        q.exec();
    }
    // Year-to-date figures (万元) for months from `first`.
    void ytd(int project, int year, int first, std::vector<std::int64_t> wan) {
        std::int64_t prev = 0;
        for (std::size_t i = 0; i < wan.size(); ++i) {
            il::db::Query q(*db, "INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, uid, "
                                           "updated_at, image_progress) VALUES(?,?,?,?,?,?,'t',?)");
            q.bind(1, project);
            q.bind(2, year);
            q.bind(3, first + static_cast<int>(i));
            q.bind(4, (wan[i] - prev) * kFenPerWan);
            q.bind(5, wan[i] * kFenPerWan);
            q.bind(6, next_uid());
            q.bind(7, "第" + std::to_string(first + i) + "月形象进度");
            q.exec();
            prev = wan[i];
        }
    }
};

const GroupFigures& named(const std::vector<GroupFigures>& list, const std::string& name) {
    for (const auto& g : list)
        if (g.name == name) return g;
    throw std::runtime_error("no group " + name);
}

Ledger small_city() {
    Ledger l;
    l.project(1, 1, 1, 1, "续建", 10000, std::string("2016-03-01"), std::string("2016-03-05"));
    l.plan(1, 2017, 1200);
    l.ytd(1, 2017, 1, {100, 200, 300, 400, 500, 600, 700});
    l.ytd(1, 2016, 3, {50, 100, 200, 300, 400, 500, 600, 700, 800, 1000});  // 2016-06: 300
    l.project(2, 1, std::nullopt, 2, "新开工", 5000, std::string("2017-02-01"), std::string("2017-02-10"));
    l.plan(2, 2017, 1000);
    l.ytd(2, 2017, 2, {50, 100, 150, 180, 200});
    l.project(3, 2, std::nullopt, 1, "续建", 20000, std::string("2015-05-01"), std::string("2015-05-01"));
    l.plan(3, 2017, 2000);
    l.ytd(3, 2017, 1, {200, 400, 600, 800, 1000});  // no June entry: May's figure stands
    l.project(4, 2, std::nullopt, 3, "前期", 3000, std::string("2017-02-01"), std::nullopt);
    l.plan(4, 2017, 500);
    l.project(5, 1, std::nullopt, 2, "投产", 4000, std::string("2015-01-01"), std::string("2015-01-01"), std::string("2016-11-20"));
    l.ytd(5, 2016, 1, {100, 200, 300, 350, 380, 400, 500, 600, 700, 800, 900});
    l.project(6, 2, std::nullopt, 1, "取消", 3000, std::nullopt, std::nullopt);
    l.ytd(6, 2016, 6, {50});
    l.project(7, 1, std::nullopt, 1, "新开工", 8000, std::string("2017-05-01"), std::string("2017-08-01"));
    l.plan(7, 2017, 800);
    l.project(8, 3, std::nullopt, 2, "续建", 6000, std::string("2016-01-01"), std::string("2016-01-01"));
    l.plan(8, 2017, 1000);
    l.ytd(8, 2017, 1, {50, 100, 150, 200, 300, 400});
    l.exec("INSERT INTO targets(uid, year, region_id, projects_count, investment) VALUES ('t1', 2017, 1, 3, 2000000000)");
    return l;
}

}  // namespace

TEST_CASE("period figures: a small city by hand, 1-6月") {
    auto l = small_city();
    const auto f = compute_period_figures(*l.db, {2017, 6});
    CHECK(f.time_progress == Ratio::of(1, 2));
    REQUIRE(f.regions.size() == 3);
    const auto& a = named(f.regions, "甲县");
    const auto& b = named(f.regions, "乙县");
    const auto& c = named(f.regions, "丙县");

    // 甲县: projects 1, 2, 7 (5 was completed in 2016); 7 starts in August: 前期 in June.
    CHECK(a.counts.total == 3);
    CHECK(a.counts.continuing == 1);
    CHECK(a.counts.new_start == 1);
    CHECK(a.counts.planning == 1);
    CHECK(a.counts.under_way() == 2);
    CHECK(a.total_investment == Money::from_wan(10000 + 5000 + 8000));
    CHECK(a.annual_plan == Money::from_wan(3000));
    CHECK(a.completed == Money::from_wan(800));
    CHECK(a.completed_last_year == Money::from_wan(300 + 400));  // includes project 5, finished since
    CHECK(a.yoy == Ratio::of(100, 700));
    CHECK(a.plan_completion == Ratio::of(800, 3000));
    CHECK(a.against_time_progress.percent_text() == "-23.33%");
    CHECK(a.target_investment == Money::from_wan(2000));
    CHECK(a.target_completion == Ratio::of(800, 2000));
    CHECK(a.target_projects == 3);
    CHECK(a.green == 1);
    CHECK(a.yellow == 2);  // project 2 exactly 30 behind, project 7 one month late
    CHECK(a.red == 0);

    // 乙县: 3 (May's figure) and 4; 6 cancelled counts nowhere, not even last year.
    CHECK(b.counts.total == 2);
    CHECK(b.completed == Money::from_wan(1000));
    CHECK(b.completed_last_year == Money{});
    CHECK_FALSE(b.yoy.defined());  // nothing last year: 同比 blank, not 0%
    CHECK(b.yoy.percent_text() == "—");
    CHECK(b.plan_completion == Ratio::of(2, 5));
    CHECK(b.red == 1);  // project 4: planned February, not started by June
    CHECK(c.plan_completion == Ratio::of(2, 5));

    // Ranks by 完成年度计划%: 乙 and 丙 tie at 40% and share 1st; 甲 is 3rd.
    CHECK(b.rank == 1);
    CHECK(c.rank == 1);
    CHECK(a.rank == 3);

    CHECK(f.total.counts.total == 6);
    CHECK(f.total.annual_plan == Money::from_wan(6500));
    CHECK(f.total.completed == Money::from_wan(2200));
    CHECK(f.total.completed_last_year == Money::from_wan(700));

    // Zones and categories; strategic-emerging share of 亿元以上产业项目 (project 4 is not industrial).
    REQUIRE(f.zones.size() == 1);
    CHECK(f.zones[0].counts.total == 1);
    CHECK(f.zones[0].completed == Money::from_wan(600));
    CHECK(f.industrial.counts.total == 5);
    CHECK(f.strategic.counts.total == 3);
    CHECK(f.strategic.share_of_count == Ratio::of(3, 5));
    CHECK(f.strategic.share_of_investment == Ratio::of(10000 + 20000 + 8000, 10000 + 5000 + 20000 + 8000 + 6000));
    CHECK(named(f.categories, "新材料").counts.total == 3);
    CHECK(named(f.categories, "食品").share_of_count == Ratio::of(2, 5));

    // Per project.
    const auto& p1 = f.projects[0];
    CHECK(p1.completed == Money::from_wan(600));
    CHECK(p1.completed_last_year == Money::from_wan(300));
    CHECK(p1.completed_since_start == Money::from_wan(1000 + 600));
    CHECK(p1.image_progress == "第6月形象进度");
    CHECK(p1.light.light == Light::Green);
    CHECK(f.projects[1].light.light == Light::Yellow);
    CHECK(f.projects[3].light.light == Light::Red);
    CHECK(f.projects[3].light.reason == "计划2017年2月开工，逾期4个月未开工");
    CHECK_FALSE(f.projects[4].in_scope);
    CHECK(f.projects[6].stage_in_period == "前期");
}

TEST_CASE("period figures: later months, scope and other rankings") {
    auto l = small_city();
    // In September project 7 has started (a 新开工 now) and project 2's figures stop at June.
    const auto f = compute_period_figures(*l.db, {2017, 9});
    const auto& a = named(f.regions, "甲县");
    CHECK(a.counts.new_start == 2);
    CHECK(a.completed == Money::from_wan(700 + 200));
    CHECK(f.time_progress == Ratio::of(3, 4));

    FigureOptions only_b;
    only_b.region_id = 2;
    const auto fb = compute_period_figures(*l.db, {2017, 6}, only_b);
    REQUIRE(fb.regions.size() == 1);
    CHECK(fb.regions[0].name == "乙县");
    CHECK(fb.total.completed == Money::from_wan(1000));
    CHECK(fb.zones.empty());

    FigureOptions by_money;
    by_money.rank_by = RankBy::Completed;
    const auto fm = compute_period_figures(*l.db, {2017, 6}, by_money);
    CHECK(named(fm.regions, "乙县").rank == 1);
    CHECK(named(fm.regions, "甲县").rank == 2);
    CHECK(named(fm.regions, "丙县").rank == 3);

    // Thresholds from settings change the lights.
    l.db->set_setting("warn_yellow_points", "31");
    l.db->set_setting("warn_red_points", "40");
    const auto ft = compute_period_figures(*l.db, {2017, 6});
    CHECK(ft.projects[1].light.light == Light::Green);
    CHECK_THROWS_AS(compute_period_figures(*l.db, {2017, 13}), ValidationError);
}

TEST_CASE("period figures: the demo city, fast and adding up") {
    auto db = il::test::open_test_ledger();
    demo::generate(*db, demo::DemoOptions{});
    for (int month : {3, 6, 9, 12}) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto f = compute_period_figures(*db, {2017, month});
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        MESSAGE("figures for 2017-" << month << " in " << ms << " ms");
        CHECK(ms < 60000);  // a hang guard only: speed is measured by benchmarks, not unit tests
        Money sum_regions, sum_plan;
        int count = 0;
        for (const auto& r : f.regions) {
            sum_regions += r.completed;
            sum_plan += r.annual_plan;
            count += r.counts.total;
        }
        CHECK(sum_regions == f.total.completed);
        CHECK(sum_plan == f.total.annual_plan);
        CHECK(count == f.total.counts.total);
        // Against plain SQL: the ytd at month N summed.
        il::db::Query q(*db, "SELECT SUM(g.completed_ytd) FROM progress g JOIN projects p ON p.id = g.project_id "
                                       "WHERE g.year = 2017 AND g.month = (SELECT MAX(month) FROM progress h WHERE "
                                       "h.project_id = g.project_id AND h.year = 2017 AND h.month <= ?) AND p.stage <> '取消'");
        q.bind(1, month);
        q.executeStep();
        CHECK(f.total.completed.fen == q.getColumn(0).getInt64());
        CHECK(f.total.yoy.defined());
        CHECK(f.strategic.share_of_count.basis_points() > 2500);
        CHECK(f.strategic.share_of_count.basis_points() < 3700);
        int red = 0, yellow = 0;
        for (const auto& r : f.regions) {
            red += r.red;
            yellow += r.yellow;
        }
        CHECK(red > 0);      // the demo has projects behind schedule
        CHECK(yellow > 0);
        {
            MESSAGE("2017 1-" << month << "月: completed " << format_yi(f.total.completed) << "亿 of plan " << format_yi(f.total.annual_plan)
                                              << "亿, 同比 " << f.total.yoy.percent_text() << ", red " << red << ", yellow " << yellow);
        }
    }
}
