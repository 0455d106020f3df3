#pragma once
// The red and yellow projects of a period (红黄灯项目): the lights of compute_period_figures
// (warning_lights.h rules, thresholds from the settings), in the order of the 预警清单 report:
// red first, then regions in dictionary order, the furthest behind 序时进度 first, then name.
// What the 首页 lists, so it always agrees with the reports.
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/money.h"
#include "core/stats/period_figures.h"

namespace il::stats {

struct WarnedProject {
    std::int64_t id = 0;
    std::string name, region;
    std::string stage;       // as it was in the period's month
    Light light = Light::None;
    std::string reason;      // warning_lights.h's reason (Chinese)
    Money annual_plan, completed;
    Ratio completion;        // completed / annual plan (undefined without a plan)
    Ratio behind;            // 序时进度 - completion (undefined without a plan)
};

std::vector<WarnedProject> warned_projects(const PeriodFigures& figures);

}  // namespace il::stats
