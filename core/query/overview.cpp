#include "core/query/overview.h"
#include "core/db/row_reader.h"


namespace il::query {

std::array<Money, 12> monthly_completed(db::Database& db, int year) {
    std::array<Money, 12> out{};
    db::Query q(db, "SELECT month, SUM(completed_month) FROM progress WHERE year = ? GROUP BY month");
    q.bind(1, year);
    while (q.executeStep()) {
        int m = q.getColumn(0).getInt();
        if (m >= 1 && m <= 12) out[static_cast<std::size_t>(m - 1)] = Money::from_fen(q.getColumn(1).getInt64());
    }
    return out;
}

std::optional<Period> latest_period(db::Database& db) {
    db::Query q(db, "SELECT year, month FROM progress ORDER BY year DESC, month DESC LIMIT 1");
    if (!q.executeStep()) return std::nullopt;
    return Period{q.getColumn(0).getInt(), q.getColumn(1).getInt()};
}

std::vector<RecentChange> recent_changes(db::Database& db, int limit) {
    db::Query q(db, R"sql(
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
        db::read_row(q, c.at, c.who, c.action, c.table, c.field, c.old_value, c.new_value, c.record_id, c.record);
        out.push_back(std::move(c));
    }
    return out;
}

Overview load_overview(db::Database& db, const Period& period, int changes_limit) {
    Overview o;
    o.period = period;
    stats::FigureOptions options;
    options.project_details = false;  // the 首页 shows no project's 形象进度 or 自开工累计
    o.figures = stats::compute_period_figures(db, period, options);
    o.warned = stats::warned_projects(o.figures);
    o.figures.projects.clear();
    o.figures.projects.shrink_to_fit();
    o.this_year = monthly_completed(db, period.year);
    o.last_year = monthly_completed(db, period.last_year());
    o.changes = recent_changes(db, changes_limit);
    return o;
}

}  // namespace il::query
