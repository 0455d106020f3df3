#pragma once
// The checks a city reviewer runs before a report goes out, over the months 1..N of the
// period's year (and of the year before, whose 1-N月 the report compares with):
//  - month_equals_ytd_delta: 本月完成 = 1-N月累计 - the previous entry's 累计 of the same year
//    (0 before the first entry of a year);
//  - ytd_not_falling: 1-N月累计 never below the previous entry's;
//  - ytd_within_total: 1-N月累计 at most the project's total investment;
//  - under_way_started: a project counted as under way has started by the report month: one
//    whose stage is 新开工 or 续建 has an actual start date, and no project reports completed
//    investment (1-N月累计 above zero) in a month before its actual start. (Reports count
//    stages as they were in the period's month, stage_at.h, so a start after the report month
//    is not counted as under way there.)
// Each finding names the project (id and name), the month and the rule.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"

namespace il::stats {

struct CheckFinding {
    std::int64_t project_id = 0;
    std::string project_name;
    Period month;           // the month the finding is about
    std::string rule;       // one of the rule ids above
    std::string message;    // a sentence for the user (Chinese), amounts in 万元
};

// Rule ids, for callers that filter or count.
inline constexpr const char* kRuleMonthEqualsYtdDelta = "month_equals_ytd_delta";
inline constexpr const char* kRuleYtdNotFalling = "ytd_not_falling";
inline constexpr const char* kRuleYtdWithinTotal = "ytd_within_total";
inline constexpr const char* kRuleUnderWayStarted = "under_way_started";

// The projects a report covers: all, or those of one region or one zone.
struct CheckScope {
    std::optional<std::int64_t> region_id, zone_id;
};

// Findings ordered by project id, then month, then rule. Empty: the data is fit to report.
// The cost is that of the period and scope asked for: the monthly entries of months 1..N of the
// two years are read once — for the whole area from the narrow index progress_period
// (migration 0003) in month order, for a region or a zone by primary key per project of it —
// and the projects' totals and start months from the index projects_checks (migration 0007);
// every rule but "under way without a start date" (a seek on projects_stage_start) is decided
// in that one visit of each entry.
std::vector<CheckFinding> run_report_checks(db::Database& db, Period period, const CheckScope& scope = {});

}  // namespace il::stats
