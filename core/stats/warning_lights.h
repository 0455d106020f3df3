#pragma once
// 红黄绿灯: a light per project for a period, with the reason.
//  - under way with an annual plan: green at or above 序时进度 (month/12) or less than
//    `yellow` points behind it; yellow from `yellow` to `red` points behind (both inclusive);
//    red more than `red` points behind. Defaults 10 and 30.
//  - due to start (planned start in or before the period's month) and not started: yellow;
//    red once `not_started_red_months` (default 3) months have passed since the planned start.
//  - 停缓建: red. 竣工/投产: green. Not yet due, no plan for the year, 取消: no light.
// Thresholds are settings: warn_yellow_points, warn_red_points (percentage points, up to two
// decimals), warn_not_started_red_months.
#include <optional>
#include <string>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/model/period.h"
#include "core/stats/ratio.h"

namespace il::stats {

enum class Light { None, Green, Yellow, Red };
// "绿灯" / "黄灯" / "红灯" / "" (None)
const char* light_name(Light light);

struct WarnThresholds {
    int yellow_bp = 1000;             // 10 percentage points, in basis points of the plan
    int red_bp = 3000;                // 30 points
    int not_started_red_months = 3;

    // The thresholds set in the database, defaults where unset. A malformed setting throws
    // ValidationError naming the setting and the value.
    static WarnThresholds from_settings(db::Database& db);
    // Throws ValidationError unless both points are 0-100, the months 0-120 and red >= yellow
    // (a project cannot be red before it is yellow): the rule from_settings and save apply.
    void check() const;
    // check(), then the three settings (points as "12.50"), in the caller's transaction if any.
    void save(db::Database& db) const;
};

// What a light is decided from (a project's figures for the period).
struct LightInput {
    std::string stage;
    std::optional<std::string> planned_start;  // YYYY-MM[-DD]
    std::optional<std::string> actual_start;
    Money annual_plan;                         // for the period's year
    Money completed;                           // 1-N月
};

struct LightResult {
    Light light = Light::None;
    std::string reason;   // empty for green and none
    Ratio completion;     // completed / annual plan (undefined without a plan)
    Ratio behind;         // 序时进度 - completion, as a fraction (positive: behind)
};

LightResult evaluate_light(const LightInput& input, Period period, const WarnThresholds& thresholds);

// "2017-03-15" -> {2017, 3}; nullopt when the text does not start with YYYY-MM.
std::optional<Period> month_of(const std::optional<std::string>& date);

}  // namespace il::stats
