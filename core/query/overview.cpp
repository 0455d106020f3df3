#include "core/query/overview.h"

#include <algorithm>

namespace il::query {

std::vector<RegionFigures> figures_by_region(db::Database& db, const Period& period) {
    SQLite::Statement q(db.sql(), R"sql(
        WITH ytd AS (
          SELECT pr.project_id, pr.completed_ytd AS v FROM progress pr
          JOIN (SELECT project_id, MAX(month) AS m FROM progress WHERE year = ?1 AND month <= ?2 GROUP BY project_id) last
            ON last.project_id = pr.project_id AND last.m = pr.month
          WHERE pr.year = ?1)
        SELECT r.id, r.name, COUNT(p.id), COALESCE(SUM(pl.planned_investment), 0), COALESCE(SUM(ytd.v), 0)
        FROM regions r
        LEFT JOIN projects p ON p.region_id = r.id AND p.stage <> '取消'
        LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = ?1
        LEFT JOIN ytd ON ytd.project_id = p.id
        WHERE r.active = 1
        GROUP BY r.id ORDER BY r.sort_order, r.id)sql");
    q.bind(1, period.year);
    q.bind(2, period.month);
    std::vector<RegionFigures> out;
    while (q.executeStep()) {
        RegionFigures f;
        f.region_id = q.getColumn(0).getInt64();
        f.region = q.getColumn(1).getString();
        f.projects = q.getColumn(2).getInt();
        f.plan = Money::from_fen(q.getColumn(3).getInt64());
        f.ytd = Money::from_fen(q.getColumn(4).getInt64());
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<StageCount> projects_by_stage(db::Database& db) {
    SQLite::Statement q(db.sql(), R"sql(
        SELECT stage, COUNT(*) FROM projects GROUP BY stage
        ORDER BY CASE stage WHEN '谋划' THEN 0 WHEN '前期' THEN 1 WHEN '新开工' THEN 2 WHEN '续建' THEN 3
                 WHEN '竣工' THEN 4 WHEN '投产' THEN 5 WHEN '停缓建' THEN 6 ELSE 7 END)sql");
    std::vector<StageCount> out;
    while (q.executeStep()) out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt()});
    return out;
}

std::array<Money, 12> monthly_completed(db::Database& db, int year) {
    std::array<Money, 12> out{};
    SQLite::Statement q(db.sql(), "SELECT month, SUM(completed_month) FROM progress WHERE year = ? GROUP BY month");
    q.bind(1, year);
    while (q.executeStep()) {
        int m = q.getColumn(0).getInt();
        if (m >= 1 && m <= 12) out[static_cast<std::size_t>(m - 1)] = Money::from_fen(q.getColumn(1).getInt64());
    }
    return out;
}

std::optional<Period> latest_period(db::Database& db) {
    SQLite::Statement q(db.sql(), "SELECT year, month FROM progress ORDER BY year DESC, month DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return Period{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
}

std::vector<LaggingProject> lagging_projects(db::Database& db, const Period& period, int yellow_points,
                                             int red_points, int limit) {
    SQLite::Statement q(db.sql(), R"sql(
        SELECT p.id, p.name, r.name, pl.planned_investment,
               COALESCE((SELECT pr.completed_ytd FROM progress pr WHERE pr.project_id = p.id AND pr.year = ?1
                         AND pr.month <= ?2 ORDER BY pr.month DESC LIMIT 1), 0)
        FROM projects p
        JOIN regions r ON r.id = p.region_id
        JOIN project_plans pl ON pl.project_id = p.id AND pl.year = ?1
        WHERE pl.planned_investment > 0 AND p.stage NOT IN ('取消','停缓建','谋划'))sql");
    q.bind(1, period.year);
    q.bind(2, period.month);
    const int time_bp = period.time_progress_bp();
    std::vector<LaggingProject> out;
    while (q.executeStep()) {
        LaggingProject l;
        l.id = q.getColumn(0).getInt64();
        l.plan = Money::from_fen(q.getColumn(3).getInt64());
        l.ytd = Money::from_fen(q.getColumn(4).getInt64());
        l.completion_bp = static_cast<int>(std::min<std::int64_t>(l.ytd.fen * 10000 / l.plan.fen, 1000000));
        l.lag_bp = time_bp - l.completion_bp;
        if (l.lag_bp < yellow_points * 100) continue;
        l.red = l.lag_bp >= red_points * 100;
        l.name = q.getColumn(1).getString();
        l.region = q.getColumn(2).getString();
        out.push_back(std::move(l));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.lag_bp > b.lag_bp; });
    if (limit >= 0 && out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
}

std::vector<RecentChange> recent_changes(db::Database& db, int limit) {
    SQLite::Statement q(db.sql(), R"sql(
        SELECT a.at, a.who, a.action, a.table_name, COALESCE(a.field,''), COALESCE(a.old_value,''),
               COALESCE(a.new_value,''), COALESCE(a.record_id, 0),
               COALESCE(CASE a.table_name WHEN 'projects' THEN (SELECT name FROM projects WHERE id = a.record_id)
                                          WHEN 'renovations' THEN (SELECT name FROM renovations WHERE id = a.record_id)
                                          WHEN 'deals' THEN (SELECT name FROM deals WHERE id = a.record_id) END, '')
        FROM audit_log a ORDER BY a.id DESC LIMIT ?)sql");
    q.bind(1, limit);
    std::vector<RecentChange> out;
    while (q.executeStep()) {
        RecentChange c;
        c.at = q.getColumn(0).getString();
        c.who = q.getColumn(1).getString();
        c.action = q.getColumn(2).getString();
        c.table = q.getColumn(3).getString();
        c.field = q.getColumn(4).getString();
        c.old_value = q.getColumn(5).getString();
        c.new_value = q.getColumn(6).getString();
        c.record_id = q.getColumn(7).getInt64();
        c.record = q.getColumn(8).getString();
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace il::query
