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

bool counts_in_year(const std::string& stage, const std::optional<std::string>& actual_completion, int year) {
    if (stage == "取消") return false;
    if (!actual_completion || actual_completion->empty()) return true;
    // as text, like the templates always compared it: a malformed date is judged by its first characters
    return actual_completion->substr(0, 4) >= std::to_string(year);
}

}  // namespace il::stats
