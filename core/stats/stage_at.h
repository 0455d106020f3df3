#pragma once
// A project's stage as it was in a period's month, from its current stage and dates, so that a
// report for 1-6月 made in December (or regenerated years later) counts what was true then:
//  - actual start after the month: 前期 (not started then);
//  - started, not completed by the end of the month, stage 新开工/续建/竣工/投产: 新开工 when
//    it started in the period's year, else 续建;
//  - completed in or before the month: the current stage if 竣工/投产, else 竣工;
//  - otherwise (no start date, 谋划/前期/停缓建/取消): the current stage.
// The same rule in SQL, for report templates (?1 = the period as 'YYYY-MM', p = projects):
//   CASE WHEN p.stage IN ('停缓建','取消') OR p.actual_start IS NULL OR p.actual_start = '' THEN p.stage
//        WHEN substr(p.actual_start,1,7) > ?1 THEN '前期'
//        WHEN p.actual_completion IS NOT NULL AND p.actual_completion <> '' AND substr(p.actual_completion,1,7) <= ?1
//             THEN CASE WHEN p.stage IN ('竣工','投产') THEN p.stage ELSE '竣工' END
//        WHEN substr(p.actual_start,1,4) = substr(?1,1,4) THEN '新开工' ELSE '续建' END
#include <optional>
#include <string>

#include "core/model/period.h"

namespace il::stats {

std::string stage_at(const std::string& stage, const std::optional<std::string>& actual_start,
                     const std::optional<std::string>& actual_completion, Period period);

// The SQL CASE expression above, for `alias` (the projects table's alias) and a parameter
// placeholder such as "?1" or ":period" bound to Period::key().
std::string stage_at_sql(const std::string& alias, const std::string& period_param);

}  // namespace il::stats
