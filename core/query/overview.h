#pragma once
// Figures for the 首页 overview: 1-N月 completed against the annual plan by region, projects by
// stage, the monthly curve of a year, projects behind the 序时进度 (red/yellow) and recent changes.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/model/period.h"

namespace il::query {

struct RegionFigures {
    std::int64_t region_id = 0;
    std::string region;
    int projects = 0;
    Money plan;   // sum of annual plans of the period's year
    Money ytd;    // sum of 1-N月 completed
};
std::vector<RegionFigures> figures_by_region(db::Database& db, const Period& period);

struct StageCount {
    std::string stage;
    int projects = 0;
};
std::vector<StageCount> projects_by_stage(db::Database& db);

// Completed investment of each month (本月完成 summed over projects), January..December.
std::array<Money, 12> monthly_completed(db::Database& db, int year);

// The latest month with any progress entered, if any.
std::optional<Period> latest_period(db::Database& db);

struct LaggingProject {
    std::int64_t id = 0;
    std::string name, region;
    Money plan, ytd;
    int completion_bp = 0;  // ytd / plan in basis points
    int lag_bp = 0;         // 序时进度 minus completion, basis points
    bool red = false;
};
// Projects with an annual plan whose completion lags the 序时进度 by at least `yellow_points`
// percentage points (red from `red_points`), worst first, at most `limit`.
std::vector<LaggingProject> lagging_projects(db::Database& db, const Period& period, int yellow_points,
                                             int red_points, int limit);

struct RecentChange {
    std::string at, who, action, table, field, old_value, new_value, record;
    std::int64_t record_id = 0;
};
std::vector<RecentChange> recent_changes(db::Database& db, int limit);

}  // namespace il::query
