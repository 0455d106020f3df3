#include "core/stats/stage_at.h"

#include "core/stats/warning_lights.h"

namespace il::stats {

std::string stage_at(const std::string& stage, const std::optional<std::string>& actual_start,
                     const std::optional<std::string>& actual_completion, Period period) {
    if (stage == "停缓建" || stage == "取消") return stage;
    const auto start = month_of(actual_start);
    if (!start) return stage;
    if (*start > period) return "前期";
    if (const auto done = month_of(actual_completion); done && *done <= period)
        return stage == "竣工" || stage == "投产" ? stage : "竣工";
    return start->year == period.year ? "新开工" : "续建";
}

std::string stage_at_sql(const std::string& a, const std::string& p) {
    return "CASE WHEN " + a + ".stage IN ('停缓建','取消') OR " + a + ".actual_start IS NULL OR " + a + ".actual_start = '' THEN " + a +
           ".stage WHEN substr(" + a + ".actual_start,1,7) > " + p + " THEN '前期' WHEN " + a + ".actual_completion IS NOT NULL AND " + a +
           ".actual_completion <> '' AND substr(" + a + ".actual_completion,1,7) <= " + p + " THEN CASE WHEN " + a +
           ".stage IN ('竣工','投产') THEN " + a + ".stage ELSE '竣工' END WHEN substr(" + a + ".actual_start,1,4) = substr(" + p +
           ",1,4) THEN '新开工' ELSE '续建' END";
}

}  // namespace il::stats
