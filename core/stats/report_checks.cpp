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

void bind_scope(db::Query& q, int first, const CheckScope& scope) {
    if (scope.region_id) q.bind(first, *scope.region_id);
    else q.bind(first);
    if (scope.zone_id) q.bind(first + 1, *scope.zone_id);
    else q.bind(first + 1);
}

constexpr const char* kScopeFilter = " (CAST(?4 AS INTEGER) IS NULL OR p.region_id = ?4) AND (CAST(?5 AS INTEGER) IS NULL OR p.zone_id = ?5) ";

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
    // (migration 0007) for the whole area, a seek on projects_region / projects_zone for a scope.
    struct Seen {
        std::int64_t last_ytd = 0;  // the previous entry's 1-N月累计 of the year; 0 before the first
        bool invested = false;      // an entry of the year with 1-N月累计 above zero was seen
    };
    struct Facts {
        std::int64_t id = 0, total = 0;
        std::string start7;  // empty: no start date of 7 characters or more
        Seen seen[2];        // the year before, the period's year
    };
    std::vector<Facts> facts;
    {
        std::string sql = "SELECT p.id, p.total_investment, "
                          "CASE WHEN length(p.actual_start) >= 7 THEN substr(p.actual_start, 1, 7) END FROM projects p";
        // Only the filters given, so that a region's or a zone's projects are sought on its index.
        if (scope.region_id) sql += " WHERE p.region_id = ?1";
        if (scope.zone_id) sql += std::string(scope.region_id ? " AND" : " WHERE") + " p.zone_id = ?2";
        db::Query t(db, sql);
        if (scope.region_id) t.bind(1, *scope.region_id);
        if (scope.zone_id) t.bind(2, *scope.zone_id);
        while (t.executeStep()) {
            Facts f;
            f.id = t.getColumn(0).getInt64();
            f.total = t.getColumn(1).getInt64();
            if (!t.getColumn(2).isNull()) f.start7 = t.getColumn(2).getString();
            facts.push_back(std::move(f));
        }
    }
    // From a project id to its facts: a table by id when the ids are dense (as row ids are), a
    // hash map otherwise.
    std::int64_t max_id = 0;
    bool dense = true;
    for (const auto& f : facts) {
        if (f.id < 0) dense = false;
        max_id = std::max(max_id, f.id);
    }
    dense = dense && max_id <= 4 * static_cast<std::int64_t>(facts.size()) + 1024;
    std::vector<std::int32_t> slot_by_id;
    std::unordered_map<std::int64_t, std::int32_t> slot_by_key;
    if (dense) slot_by_id.assign(static_cast<std::size_t>(max_id) + 1, -1);
    for (std::size_t i = 0; i < facts.size(); ++i) {
        if (dense) slot_by_id[static_cast<std::size_t>(facts[i].id)] = static_cast<std::int32_t>(i);
        else slot_by_key.emplace(facts[i].id, static_cast<std::int32_t>(i));
    }
    auto facts_of = [&](std::int64_t id) -> Facts* {
        if (dense) return id >= 0 && id <= max_id && slot_by_id[static_cast<std::size_t>(id)] >= 0
                              ? &facts[static_cast<std::size_t>(slot_by_id[static_cast<std::size_t>(id)])]
                              : nullptr;
        const auto it = slot_by_key.find(id);
        return it == slot_by_key.end() ? nullptr : &facts[static_cast<std::size_t>(it->second)];
    };
    auto name_of = [&db](std::int64_t id) {
        db::Query n(db, "SELECT name FROM projects WHERE id = ?");
        n.bind(1, id);
        return n.executeStep() ? n.getColumn(0).getString() : std::string();
    };
    auto start_of = [&db](std::int64_t id) {
        db::Query n(db, "SELECT actual_start FROM projects WHERE id = ?");
        n.bind(1, id);
        return n.executeStep() ? n.getColumn(0).getString() : std::string();
    };
    char ym[2][13][16];  // 'YYYY-MM' of each month of the two years, as printf('%04d-%02d') writes it
    for (int y = 0; y < 2; ++y)
        for (int m = 1; m <= 12; ++m) std::snprintf(ym[y][m], sizeof ym[y][m], "%04d-%02d", period.last_year() + y, m);

    // Each month entry, in month order within its project and year, compared with the previous
    // entry of the same project and year (0 before the first). The same visit finds investment
    // reported before the start: the first entry of a project and year with 1-N月累计 above zero
    // is the earliest such month; when its 'YYYY-MM' sorts (as text, as SQLite compares) before
    // the start month, it is the finding, and no later month of that year can be one if it is not.
    auto visit = [&](Facts& f, int year, int month, std::int64_t this_month, std::int64_t ytd) {
        const int y = year - (period.last_year());
        Seen& s = f.seen[y];
        const std::int64_t id = f.id;
        if (ytd > 0 && !s.invested) {
            s.invested = true;
            if (!f.start7.empty() && month >= 1 && month <= 12 && std::string_view(ym[y][month]) < std::string_view(f.start7))
                early.push_back({id, Period{year, month}});
        }
        const std::int64_t prev = s.last_ytd;
        s.last_ytd = ytd;
        const std::int64_t total = f.total;
        if (this_month == ytd - prev && ytd >= prev && ytd <= total) return;
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
            out.push_back({id, name, m, kRuleYtdWithinTotal, where + "累计完成 " + wan(ytd) + " 超过总投资 " + wan(total)});
    };
    if (!scope.region_id && !scope.zone_id) {
        // The whole area: one pass per year over the covering index progress_period in month
        // order (no window, no sort, no table rows).
        db::Query q(db,
                    "SELECT project_id, month, completed_month, completed_ytd FROM progress "
                    "WHERE year = ?1 AND month <= ?2 ORDER BY month, project_id");
        for (const int year : {period.last_year(), period.year}) {
            q.reset();
            q.bind(1, year);
            q.bind(2, period.month);
            while (q.executeStep())
                if (Facts* f = facts_of(q.getColumn(0).getInt64()))
                    visit(*f, year, q.getColumn(1).getInt(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64());
        }
    } else {
        // A region or a zone: its projects' entries of the two years, sought by primary key.
        db::Query q(db,
                    "SELECT year, month, completed_month, completed_ytd FROM progress "
                    "WHERE project_id = ?1 AND year BETWEEN ?2 AND ?3 AND month <= ?4 ORDER BY year, month");
        q.bind(2, period.last_year());
        q.bind(3, period.year);
        q.bind(4, period.month);
        for (auto& f : facts) {
            q.reset();
            q.bind(1, f.id);
            while (q.executeStep())
                visit(f, q.getColumn(0).getInt(), q.getColumn(1).getInt(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64());
        }
    }
    // Under way without a start date (seeks on projects_stage_start).
    db::Query s(db, std::string("SELECT p.id, p.name, p.stage FROM projects p WHERE p.stage IN ('新开工', '续建') "
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
