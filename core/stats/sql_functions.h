#pragma once
// The reporting rules as SQL functions on a connection, so that report templates (shipped and
// user-made), the 首页 (period_figures.cpp) and core/stats judge a project by one definition
// instead of each re-stating the rules in its own SQL or C++:
//   il_stage_at(stage, actual_start, actual_completion, period)  -> the stage in the period's month (stage_at.h)
//   il_counts_in_year(stage, actual_completion, year)            -> 1 when the project counts for that year, else 0
//   il_latest_month(project_id, year, month)   -> the latest month in 1..month of `year` with a progress row, or NULL
//   il_ytd(project_id, year, month)            -> completed_ytd of that row (1-N月完成, 分), 0 when none
//   il_since_start(project_id, year, month)    -> 自开工累计: each earlier year's last completed_ytd + il_ytd
//   il_renovation_latest_month(renovation_id, year, month), il_renovation_ytd(…)  -> the same for 技改 progress
//   il_light(stage, planned_start, actual_start, plan_fen, completed_fen, period)  -> '红灯' | '黄灯' | '绿灯' | ''
//   il_light_reason(same arguments)                                                -> the reason ('' when green or none)
// `period` is 'YYYY-MM'; `stage` for il_light is the stage in the period's month (il_stage_at).
// The light thresholds are those given when registered; registering again replaces them.
// The progress lookups run on the connection itself (primary-key seeks with statements kept in
// the Database's cache), so they cost what the correlated subqueries they replace cost; a
// statement over thousands of projects loads every project's answer in one pass instead, and
// the connection keeps those answers for its next statements until the ledger changes.
#include "core/db/database.h"
#include "core/stats/warning_lights.h"

namespace il::stats {

void register_sql_functions(db::Database& db, const WarnThresholds& thresholds);

}  // namespace il::stats
