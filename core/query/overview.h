#pragma once
// Figures for the 首页 overview: 1-N月 completed against the annual plan by region, projects by
// stage, the monthly curve of a year, the red and yellow projects and recent changes. Regions,
// stages and lights come from core/stats (compute_period_figures, warning_lights): the same
// rules, scope and thresholds as the reports.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/model/period.h"
#include "core/stats/period_figures.h"
#include "core/stats/warning_list.h"

namespace il::query {

// Completed investment of each month (本月完成 summed over projects), January..December.
std::array<Money, 12> monthly_completed(db::Database& db, int year);

// The latest month with any progress entered, if any.
std::optional<Period> latest_period(db::Database& db);

struct RecentChange {
    std::string at, who, action, table, field, old_value, new_value, record;
    std::int64_t record_id = 0;
};
std::vector<RecentChange> recent_changes(db::Database& db, int limit);

// Everything the 首页 shows for a period. Reads only, so the GUI can run it on a worker thread
// with its own connection.
struct Overview {
    Period period;
    stats::PeriodFigures figures;               // regions, stage counts, light counts; projects cleared
    std::vector<stats::WarnedProject> warned;   // red and yellow projects (warning_list.h order)
    std::array<Money, 12> this_year{}, last_year{};  // monthly_completed of the year and the one before
    std::vector<RecentChange> changes;          // the latest `changes_limit` audit lines
};
Overview load_overview(db::Database& db, const Period& period, int changes_limit = 100);

}  // namespace il::query
