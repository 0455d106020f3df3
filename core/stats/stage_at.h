#pragma once
// A project's stage as it was in a period's month, from its current stage and dates, so that a
// report for 1-6月 made in December (or regenerated years later) counts what was true then:
//  - actual start after the month: 前期 (not started then);
//  - started, not completed by the end of the month, stage 新开工/续建/竣工/投产: 新开工 when
//    it started in the period's year, else 续建;
//  - completed in or before the month: the current stage if 竣工/投产, else 竣工;
//  - otherwise (no start date, 谋划/前期/停缓建/取消): the current stage.
// Whether a project counts for a year (counts_in_year): not 取消 and not completed before the
// year (no actual completion, or one in the year or later).
// Templates and the 首页 get both as SQL functions, il_stage_at and il_counts_in_year
// (sql_functions.h).
#include <optional>
#include <string>

#include "core/model/period.h"

namespace il::stats {

std::string stage_at(const std::string& stage, const std::optional<std::string>& actual_start,
                     const std::optional<std::string>& actual_completion, Period period);

bool counts_in_year(const std::string& stage, const std::optional<std::string>& actual_completion, int year);

}  // namespace il::stats
