#include <doctest/doctest.h>

#include "core/db/database.h"
#include "core/stats/stage_at.h"
#include "core/stats/warning_lights.h"
#include "core/util/error.h"

using namespace il;
using namespace il::stats;

namespace {
LightInput under_way(std::int64_t plan, std::int64_t done) {
    return LightInput{"续建", std::string("2016-05-01"), std::string("2016-05-10"), Money::from_fen(plan), Money::from_fen(done)};
}
}  // namespace

TEST_CASE("lights: against 序时进度 at the thresholds (1-6月: 50%)") {
    const Period june{2017, 6};
    const WarnThresholds t;  // 10 / 30 points
    // plan 1200: 40% is exactly 10 points behind -> yellow; a hair above -> green
    CHECK(evaluate_light(under_way(1200, 480), june, t).light == Light::Yellow);
    CHECK(evaluate_light(under_way(1200, 481), june, t).light == Light::Green);
    CHECK(evaluate_light(under_way(1200, 600), june, t).light == Light::Green);  // at 序时进度
    CHECK(evaluate_light(under_way(1200, 900), june, t).light == Light::Green);  // ahead
    CHECK(evaluate_light(under_way(1200, 540), june, t).light == Light::Green);  // 5 behind: still green
    // 20% is exactly 30 behind -> yellow; below -> red
    CHECK(evaluate_light(under_way(1200, 240), june, t).light == Light::Yellow);
    const auto red = evaluate_light(under_way(1200, 239), june, t);
    CHECK(red.light == Light::Red);
    CHECK(red.reason == "完成年度计划19.9%，落后序时进度30.1个百分点");
    CHECK(red.completion == Ratio::of(239, 1200));
    CHECK(evaluate_light(under_way(1200, 0), june, t).light == Light::Red);
    // Exactness with amounts where double arithmetic would wobble: 1/3 of a year, 10 points behind.
    const std::int64_t plan = 3'000'000'000'03;  // 30亿 and 3 分
    const Period april{2017, 4};
    // behind = 4/12 - done/plan; exactly 0.1 behind when done = plan*(1/3 - 1/10) = plan*7/30
    // plan*7/30 is not an integer: floor is a hair more behind (yellow), ceil a hair less (green)
    CHECK(evaluate_light(under_way(plan, plan * 7 / 30), april, t).light == Light::Yellow);
    CHECK(evaluate_light(under_way(plan, plan * 7 / 30 + 1), april, t).light == Light::Green);
}

TEST_CASE("lights: due to start and not started") {
    const WarnThresholds t;
    LightInput in{"前期", std::string("2017-04-01"), std::nullopt, Money::from_wan(5000), Money{}};
    CHECK(evaluate_light(in, {2017, 3}, t).light == Light::None);    // not due yet
    CHECK(evaluate_light(in, {2017, 4}, t).light == Light::Yellow);  // due this month
    const auto y = evaluate_light(in, {2017, 6}, t);
    CHECK(y.light == Light::Yellow);
    CHECK(y.reason == "计划2017年4月开工，尚未开工");
    const auto r = evaluate_light(in, {2017, 7}, t);  // three months after the planned start
    CHECK(r.light == Light::Red);
    CHECK(r.reason == "计划2017年4月开工，逾期3个月未开工");
    // Started after the period's month counts as not started then.
    in.actual_start = "2017-08-03";
    CHECK(evaluate_light(in, {2017, 7}, t).light == Light::Red);
    in.stage = "新开工";
    in.completed = Money::from_wan(2500);
    // Started in August: measured against the plan now, 50% against 66.7% is 16.7 points behind.
    const auto a = evaluate_light(in, {2017, 8}, t);
    CHECK(a.light == Light::Yellow);
    CHECK(a.reason == "完成年度计划50.0%，落后序时进度16.7个百分点");
}

TEST_CASE("lights: other stages") {
    const WarnThresholds t;
    CHECK(evaluate_light({"停缓建", std::nullopt, std::string("2016-01-01"), Money::from_wan(10), Money{}}, {2017, 6}, t).light ==
          Light::Red);
    CHECK(evaluate_light({"竣工", std::nullopt, std::string("2016-01-01"), Money::from_wan(10), Money{}}, {2017, 6}, t).light ==
          Light::Green);
    CHECK(evaluate_light({"取消", std::string("2017-01-01"), std::nullopt, Money{}, Money{}}, {2017, 6}, t).light == Light::None);
    CHECK(evaluate_light({"谋划", std::string("2018-01-01"), std::nullopt, Money{}, Money{}}, {2017, 6}, t).light == Light::None);
    CHECK(evaluate_light({"续建", std::nullopt, std::string("2016-01-01"), Money{}, Money::from_wan(3)}, {2017, 6}, t).light ==
          Light::None);  // no plan to measure against
}

TEST_CASE("lights: thresholds come from settings") {
    auto db = db::Database::open_memory();
    auto t = WarnThresholds::from_settings(*db);
    CHECK(t.yellow_bp == 1000);
    CHECK(t.red_bp == 3000);
    CHECK(t.not_started_red_months == 3);
    db->set_setting("warn_yellow_points", "5");
    db->set_setting("warn_red_points", "20.5");
    db->set_setting("warn_not_started_red_months", "2");
    t = WarnThresholds::from_settings(*db);
    CHECK(t.yellow_bp == 500);
    CHECK(t.red_bp == 2050);
    CHECK(t.not_started_red_months == 2);
    // 1-6月, plan 1000: 45% is 5 behind -> yellow now; 29.4% is 20.6 behind -> red
    CHECK(evaluate_light(under_way(1000, 450), {2017, 6}, t).light == Light::Yellow);
    CHECK(evaluate_light(under_way(1000, 295), {2017, 6}, t).light == Light::Yellow);
    CHECK(evaluate_light(under_way(1000, 294), {2017, 6}, t).light == Light::Red);
    LightInput in{"前期", std::string("2017-04-01"), std::nullopt, Money{}, Money{}};
    CHECK(evaluate_light(in, {2017, 6}, t).light == Light::Red);

    db->set_setting("warn_yellow_points", "ten");
    CHECK_THROWS_AS(WarnThresholds::from_settings(*db), ValidationError);
    db->set_setting("warn_yellow_points", "10.123");
    CHECK_THROWS_AS(WarnThresholds::from_settings(*db), ValidationError);
    db->set_setting("warn_yellow_points", "40");  // above red
    CHECK_THROWS_AS(WarnThresholds::from_settings(*db), ValidationError);
    db->set_setting("warn_yellow_points", "10");
    db->set_setting("warn_not_started_red_months", "-1");
    CHECK_THROWS_AS(WarnThresholds::from_settings(*db), ValidationError);
}

TEST_CASE("stage_at: the stage as it was in the period's month") {
    const std::optional<std::string> none;
    CHECK(stage_at("新开工", std::string("2017-08-02"), none, {2017, 6}) == "前期");
    CHECK(stage_at("新开工", std::string("2017-06-30"), none, {2017, 6}) == "新开工");
    CHECK(stage_at("续建", std::string("2016-03-01"), none, {2017, 6}) == "续建");
    CHECK(stage_at("续建", std::string("2017-03-01"), none, {2017, 6}) == "新开工");  // as of a later year
    CHECK(stage_at("竣工", std::string("2016-03-01"), std::string("2017-09-10"), {2017, 6}) == "续建");
    CHECK(stage_at("投产", std::string("2016-03-01"), std::string("2017-05-10"), {2017, 6}) == "投产");
    CHECK(stage_at("续建", std::string("2016-03-01"), std::string("2017-05-10"), {2017, 6}) == "竣工");
    CHECK(stage_at("停缓建", std::string("2016-03-01"), none, {2017, 6}) == "停缓建");
    CHECK(stage_at("前期", none, none, {2017, 6}) == "前期");
    CHECK(stage_at("新开工", none, none, {2017, 6}) == "新开工");  // no date: as stored (the checks flag it)
}
