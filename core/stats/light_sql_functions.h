#pragma once
// The warning-light rules (warning_lights.h) as SQL functions on a connection, so that report
// templates judge a project exactly as core/stats and the 首页 do, instead of re-stating the rules
// in SQL with floating point:
//   il_light(stage, planned_start, actual_start, plan_fen, completed_fen, period)  -> '红灯' | '黄灯' | '绿灯' | ''
//   il_light_reason(same arguments)                                                -> the reason ('' when green or none)
// `stage` is the stage in the period's month (stage_at), `period` 'YYYY-MM'. The thresholds are
// those of the settings when registered; registering again replaces them.
#include "core/db/database.h"
#include "core/stats/warning_lights.h"

namespace il::stats {

void register_light_functions(db::Database& db, const WarnThresholds& thresholds);

}  // namespace il::stats
