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
    struct Early {
        std::int64_t id;
        Period month;
    };
    std::vector<Early> early;  // investment reported before the start: project and first month

    // The total investment and the start month (the first 7 characters of 实际开工日期, when it
    // has that many) of every project in scope: one pass over the narrow index projects_checks
    // (migration 0007) when the scope is the whole area. Projects outside it are skipped below.
    struct Facts {
        std::int64_t total = 0;
        std::string start7;  // empty: no start date of 7 characters or more
    };
    std::unordered_map<std::int64_t, Facts> facts_of;
    {
        const char* cols = "SELECT p.id, p.total_investment, "
                           "CASE WHEN length(p.actual_start) >= 7 THEN substr(p.actual_start, 1, 7) END FROM projects p";
        // Only the filters given, so that a region's or a zone's projects are sought on its index.
        std::string sql = cols;
        if (scope.region_id) sql += " WHERE p.region_id = ?1";
        if (scope.zone_id) sql += std::string(scope.region_id ? " AND" : " WHERE") + " p.zone_id = ?2";
        SQLite::Statement t(db.sql(), sql);
        if (scope.region_id) t.bind(1, *scope.region_id);
        if (scope.zone_id) t.bind(2, *scope.zone_id);
        while (t.executeStep()) {
            Facts f{t.getColumn(1).getInt64(), {}};
            if (!t.getColumn(2).isNull()) f.start7 = t.getColumn(2).getString();
            facts_of.emplace(t.getColumn(0).getInt64(), std::move(f));
        }
    }
    auto name_of = [&db](std::int64_t id) {
        SQLite::Statement n(db.sql(), "SELECT name FROM projects WHERE id = ?");
        n.bind(1, id);
        return n.executeStep() ? n.getColumn(0).getString() : std::string();
    };
    auto start_of = [&db](std::int64_t id) {
        SQLite::Statement n(db.sql(), "SELECT actual_start FROM projects WHERE id = ?");
        n.bind(1, id);
        return n.executeStep() ? n.getColumn(0).getString() : std::string();
    };

    // Month entries in month order, each compared with the previous entry of the same project
    // and year (0 before the first). One pass over the covering index progress_period: no
    // window, no sort, no table rows. The same pass finds investment reported before the start:
    // the first entry of a project and year with 1-N月累计 above zero is the earliest such month;
    // when its 'YYYY-MM' sorts (as text, as SQLite compares) before the start month, it is the
    // finding, and no later month of that year can be one if it is not.
    SQLite::Statement q(db.sql(),
                        "SELECT project_id, month, completed_month, completed_ytd FROM progress "
                        "WHERE year = ?1 AND month <= ?2 ORDER BY month, project_id");
    for (const int year : {period.year - 1, period.year}) {
        struct Seen {
            std::int64_t last_ytd = 0;  // 0 for the first entry of the year
            bool invested = false;      // an entry with 1-N月累计 above zero was seen
        };
        char ym[13][16];  // 'YYYY-MM' of each month of the year, as printf('%04d-%02d') wrote it
        for (int m = 1; m <= 12; ++m) std::snprintf(ym[m], sizeof ym[m], "%04d-%02d", year, m);
        std::unordered_map<std::int64_t, Seen> seen;
        seen.reserve(facts_of.size());
        q.reset();
        q.bind(1, year);
        q.bind(2, period.month);
        while (q.executeStep()) {
            const std::int64_t id = q.getColumn(0).getInt64();
            const auto facts = facts_of.find(id);
            if (facts == facts_of.end()) continue;
            const int month = q.getColumn(1).getInt();
            const std::int64_t this_month = q.getColumn(2).getInt64(), ytd = q.getColumn(3).getInt64();
            Seen& s = seen[id];
            if (ytd > 0 && !s.invested) {
                s.invested = true;
                if (!facts->second.start7.empty() && month >= 1 && month <= 12 &&
                    std::string_view(ym[month]) < std::string_view(facts->second.start7))
                    early.push_back({id, Period{year, month}});
            }
            const std::int64_t prev = s.last_ytd;
            s.last_ytd = ytd;
            const std::int64_t total = facts->second.total;
            if (this_month == ytd - prev && ytd >= prev && ytd <= total) continue;
            const std::string name = name_of(id);
            const Period m{year, month};
            const std::string where = "项目 " + std::to_string(id) + "“" + name + "” " + month_label(year, month) + "：";
            if (this_month != ytd - prev)
                out.push_back({id, name, m, kRuleMonthEqualsYtdDelta,
                               where + "本月完成 " + wan(this_month) + " 不等于累计 " + wan(ytd) + " 减上月累计 " + wan(prev) +
                                   "（应为 " + wan(ytd - prev) + "）"});
            if (ytd < prev)
                out.push_back({id, name, m, kRuleYtdNotFalling, where + "累计完成 " + wan(ytd) + " 小于上月累计 " + wan(prev)});
            if (ytd > total)
                out.push_back({id, name, m, kRuleYtdWithinTotal,
                               where + "累计完成 " + wan(ytd) + " 超过总投资 " + wan(total)});
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
    // Investment reported before the start (found in the pass above).
    for (const auto& [id, m] : early) {
        const std::string name = name_of(id);
        out.push_back({id, name, m, kRuleUnderWayStarted,
                       "项目 " + std::to_string(id) + "“" + name + "” " + month_label(m.year, m.month) + "：已填报完成投资，但实际开工日期 " +
                           start_of(id) + " 在此之后"});
    }
    std::stable_sort(out.begin(), out.end(), [](const CheckFinding& a, const CheckFinding& b) {
        if (a.project_id != b.project_id) return a.project_id < b.project_id;
        if (a.month != b.month) return a.month < b.month;
        return std::string_view(a.rule) < std::string_view(b.rule);
    });
    return out;
}

}  // namespace il::stats
