#include "core/stats/report_checks.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

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

namespace {

void bind_scope(SQLite::Statement& q, int first, const CheckScope& scope) {
    if (scope.region_id) q.bind(first, *scope.region_id);
    else q.bind(first);
    if (scope.zone_id) q.bind(first + 1, *scope.zone_id);
    else q.bind(first + 1);
}

constexpr const char* kScopeFilter = " (?4 IS NULL OR p.region_id = ?4) AND (?5 IS NULL OR p.zone_id = ?5) ";

}  // namespace

std::vector<CheckFinding> run_report_checks(db::Database& db, Period period, const CheckScope& scope) {
    if (period.month < 1 || period.month > 12) throw ValidationError("统计期间无效：月份须为 1-12");
    std::vector<CheckFinding> out;

    // The total investment of every project in scope (the narrow index projects_total when the
    // scope is the whole area). Projects outside it are skipped in the pass below.
    std::unordered_map<std::int64_t, std::int64_t> total_of;
    {
        SQLite::Statement t(db.sql(), scope.region_id || scope.zone_id
                                          ? "SELECT p.id, p.total_investment FROM projects p WHERE (?1 IS NULL OR p.region_id = ?1) "
                                            "AND (?2 IS NULL OR p.zone_id = ?2)"
                                          : "SELECT p.id, p.total_investment FROM projects p");
        if (scope.region_id || scope.zone_id) bind_scope(t, 1, scope);
        while (t.executeStep()) total_of.emplace(t.getColumn(0).getInt64(), t.getColumn(1).getInt64());
    }
    auto name_of = [&db](std::int64_t id) {
        SQLite::Statement n(db.sql(), "SELECT name FROM projects WHERE id = ?");
        n.bind(1, id);
        return n.executeStep() ? n.getColumn(0).getString() : std::string();
    };

    // Month entries in month order, each compared with the previous entry of the same project
    // and year (0 before the first). One pass over the covering index progress_period: no
    // window, no sort, no table rows.
    SQLite::Statement q(db.sql(),
                        "SELECT project_id, month, completed_month, completed_ytd FROM progress "
                        "WHERE year = ?1 AND month <= ?2 ORDER BY month, project_id");
    for (const int year : {period.year - 1, period.year}) {
        std::unordered_map<std::int64_t, std::int64_t> last_ytd;
        last_ytd.reserve(total_of.size());
        q.reset();
        q.bind(1, year);
        q.bind(2, period.month);
        while (q.executeStep()) {
            const std::int64_t id = q.getColumn(0).getInt64();
            const auto total = total_of.find(id);
            if (total == total_of.end()) continue;
            const int month = q.getColumn(1).getInt();
            const std::int64_t this_month = q.getColumn(2).getInt64(), ytd = q.getColumn(3).getInt64();
            std::int64_t& last = last_ytd[id];  // 0 for the first entry of the year
            const std::int64_t prev = last;
            last = ytd;
            if (this_month == ytd - prev && ytd >= prev && ytd <= total->second) continue;
            const std::string name = name_of(id);
            const Period m{year, month};
            const std::string where = "项目 " + std::to_string(id) + "“" + name + "” " + month_label(year, month) + "：";
            if (this_month != ytd - prev)
                out.push_back({id, name, m, kRuleMonthEqualsYtdDelta,
                               where + "本月完成 " + wan(this_month) + " 不等于累计 " + wan(ytd) + " 减上月累计 " + wan(prev) +
                                   "（应为 " + wan(ytd - prev) + "）"});
            if (ytd < prev)
                out.push_back({id, name, m, kRuleYtdNotFalling, where + "累计完成 " + wan(ytd) + " 小于上月累计 " + wan(prev)});
            if (ytd > total->second)
                out.push_back({id, name, m, kRuleYtdWithinTotal,
                               where + "累计完成 " + wan(ytd) + " 超过总投资 " + wan(total->second)});
        }
    }
    // Under way without a start date (seeks on projects_stage_start).
    SQLite::Statement s(db.sql(), std::string("SELECT p.id, p.name, p.stage FROM projects p WHERE p.stage IN ('新开工', '续建') "
                                              "AND (p.actual_start IS NULL OR length(p.actual_start) < 7) AND") +
                                      kScopeFilter);
    bind_scope(s, 4, scope);
    while (s.executeStep()) {
        const std::int64_t id = s.getColumn(0).getInt64();
        const std::string name = s.getColumn(1).getString();
        out.push_back({id, name, period, kRuleUnderWayStarted,
                       "项目 " + std::to_string(id) + "“" + name + "” " + month_label(period.year, period.month) + "：阶段为" +
                           s.getColumn(2).getString() + "，但未填写实际开工日期"});
    }
    // Investment reported before the start: the first such month of each project and year. Only
    // a project whose start lies after January of the year before can have such a month
    // (substr(start, 1, 7) > 'Y-01' implies start > 'Y-01'): those are found on
    // projects_actual_start, and their entries by primary key (CROSS JOIN keeps that order).
    char lo[16];
    std::snprintf(lo, sizeof lo, "%04d-01", period.year - 1);
    SQLite::Statement e(db.sql(),
                        std::string("SELECT p.id, p.name, g.year, MIN(g.month), p.actual_start FROM projects p CROSS JOIN progress g "
                                    "ON g.project_id = p.id AND g.year IN (?1, ?2) "
                                    "WHERE p.actual_start > ?6 AND length(p.actual_start) >= 7 AND g.month <= ?3 AND "
                                    "g.completed_ytd > 0 AND printf('%04d-%02d', g.year, g.month) < substr(p.actual_start, 1, 7) AND") +
                            kScopeFilter + "GROUP BY p.id, g.year");
    e.bind(1, period.year);
    e.bind(2, period.year - 1);
    e.bind(3, period.month);
    bind_scope(e, 4, scope);
    e.bind(6, std::string(lo));
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
