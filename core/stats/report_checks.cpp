#include "core/stats/report_checks.h"

#include <algorithm>

#include "core/model/money.h"
#include "core/util/error.h"

namespace il::stats {
namespace {

std::string month_label(int year, int month) { return std::to_string(year) + "年" + std::to_string(month) + "月"; }

// 万元 with two decimals, or more when the amount has finer digits: a finding about a 1-分
// difference must not show two equal numbers.
std::string wan(std::int64_t fen) {
    constexpr std::int64_t step = kFenPerWan / 100;
    if (fen % step == 0) return format_wan(Money::from_fen(fen)) + "万元";
    const std::int64_t a = fen < 0 ? -fen : fen;
    std::string frac = std::to_string(a % kFenPerWan);
    frac.insert(0, 6 - frac.size(), '0');
    while (frac.size() > 2 && frac.back() == '0') frac.pop_back();
    return (fen < 0 ? "-" : "") + std::to_string(a / kFenPerWan) + "." + frac + "万元";
}

}  // namespace

std::vector<CheckFinding> run_report_checks(db::Database& db, Period period) {
    if (period.month < 1 || period.month > 12) throw ValidationError("统计期间无效：月份须为 1-12");
    std::vector<CheckFinding> out;
    // Month entries with the previous entry's year-to-date (same project and year). Only rows
    // that break a rule come back from SQLite.
    SQLite::Statement q(db.sql(),
                        "SELECT g.project_id, p.name, g.year, g.month, g.completed_month, g.completed_ytd, g.prev_ytd, "
                        "p.total_investment FROM ("
                        "  SELECT project_id, year, month, completed_month, completed_ytd, "
                        "  LAG(completed_ytd, 1, 0) OVER (PARTITION BY project_id, year ORDER BY month) AS prev_ytd "
                        "  FROM progress WHERE year IN (?1, ?2) AND month <= ?3) g "
                        "JOIN projects p ON p.id = g.project_id "
                        "WHERE g.completed_month <> g.completed_ytd - g.prev_ytd OR g.completed_ytd < g.prev_ytd "
                        "OR g.completed_ytd > p.total_investment");
    q.bind(1, period.year);
    q.bind(2, period.year - 1);
    q.bind(3, period.month);
    while (q.executeStep()) {
        const std::int64_t id = q.getColumn(0).getInt64();
        const std::string name = q.getColumn(1).getString();
        const int year = q.getColumn(2).getInt(), month = q.getColumn(3).getInt();
        const std::int64_t this_month = q.getColumn(4).getInt64(), ytd = q.getColumn(5).getInt64(),
                           prev = q.getColumn(6).getInt64(), total = q.getColumn(7).getInt64();
        const Period m{year, month};
        const std::string where = "项目 " + std::to_string(id) + "“" + name + "” " + month_label(year, month) + "：";
        if (this_month != ytd - prev)
            out.push_back({id, name, m, kRuleMonthEqualsYtdDelta,
                           where + "本月完成 " + wan(this_month) + " 不等于累计 " + wan(ytd) + " 减上月累计 " + wan(prev) + "（应为 " +
                               wan(ytd - prev) + "）"});
        if (ytd < prev)
            out.push_back({id, name, m, kRuleYtdNotFalling, where + "累计完成 " + wan(ytd) + " 小于上月累计 " + wan(prev)});
        if (ytd > total)
            out.push_back({id, name, m, kRuleYtdWithinTotal, where + "累计完成 " + wan(ytd) + " 超过总投资 " + wan(total)});
    }
    // Under way without a start date.
    SQLite::Statement s(db.sql(),
                        "SELECT id, name, stage FROM projects WHERE stage IN ('新开工', '续建') "
                        "AND (actual_start IS NULL OR length(actual_start) < 7)");
    while (s.executeStep()) {
        const std::int64_t id = s.getColumn(0).getInt64();
        const std::string name = s.getColumn(1).getString();
        out.push_back({id, name, period, kRuleUnderWayStarted,
                       "项目 " + std::to_string(id) + "“" + name + "” " + month_label(period.year, period.month) + "：阶段为" +
                           s.getColumn(2).getString() + "，但未填写实际开工日期"});
    }
    // Investment reported before the start: the first such month of each project and year.
    SQLite::Statement e(db.sql(),
                        "SELECT g.project_id, p.name, g.year, MIN(g.month), p.actual_start FROM progress g "
                        "JOIN projects p ON p.id = g.project_id "
                        "WHERE g.year IN (?1, ?2) AND g.month <= ?3 AND g.completed_ytd > 0 AND p.actual_start IS NOT NULL "
                        "AND length(p.actual_start) >= 7 "
                        "AND printf('%04d-%02d', g.year, g.month) < substr(p.actual_start, 1, 7) GROUP BY g.project_id, g.year");
    e.bind(1, period.year);
    e.bind(2, period.year - 1);
    e.bind(3, period.month);
    while (e.executeStep()) {
        const std::int64_t id = e.getColumn(0).getInt64();
        const std::string name = e.getColumn(1).getString();
        const int year = e.getColumn(2).getInt(), month = e.getColumn(3).getInt();
        out.push_back({id, name, Period{year, month}, kRuleUnderWayStarted,
                       "项目 " + std::to_string(id) + "“" + name + "” " + month_label(year, month) + "：已填报完成投资，但实际开工日期 " +
                           e.getColumn(4).getString() + " 在此之后"});
    }
    std::stable_sort(out.begin(), out.end(), [](const CheckFinding& a, const CheckFinding& b) {
        if (a.project_id != b.project_id) return a.project_id < b.project_id;
        if (a.month != b.month) return a.month < b.month;
        return std::string_view(a.rule) < std::string_view(b.rule);
    });
    return out;
}

}  // namespace il::stats
