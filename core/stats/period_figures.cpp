#include "core/stats/period_figures.h"

#include <unordered_map>

#include "core/stats/ranking.h"
#include "core/stats/sql_functions.h"
#include "core/util/error.h"
#include "core/db/row_reader.h"

namespace il::stats {
namespace {

void add_project(GroupFigures& g, const ProjectFigures& p) {
    g.completed_last_year += p.completed_last_year;
    if (!p.in_scope) return;
    auto& c = g.counts;
    ++c.total;
    const std::string& st = p.stage_in_period;
    if (st == "谋划" || st == "前期") ++c.planning;
    else if (st == "新开工") ++c.new_start;
    else if (st == "续建") ++c.continuing;
    else if (st == "竣工") ++c.completed;
    else if (st == "投产") ++c.operating;
    else if (st == "停缓建") ++c.suspended;
    g.total_investment += p.total_investment;
    g.annual_plan += p.annual_plan;
    g.completed += p.completed;
    g.completed_since_start += p.completed_since_start;
    switch (p.light.light) {
        case Light::Red: ++g.red; break;
        case Light::Yellow: ++g.yellow; break;
        case Light::Green: ++g.green; break;
        case Light::None: break;
    }
}

void finish(GroupFigures& g, Period period, const GroupFigures& industrial) {
    g.yoy = g.completed_last_year.fen != 0 ? Ratio::growth(g.completed.fen, g.completed_last_year.fen) : Ratio{};
    if (g.annual_plan.fen > 0) {
        g.plan_completion = Ratio::of(g.completed.fen, g.annual_plan.fen);
        g.against_time_progress = Ratio::of(12 * g.completed.fen - period.month * g.annual_plan.fen, 12 * g.annual_plan.fen);
    }
    if (g.target_investment.fen > 0) g.target_completion = Ratio::of(g.completed.fen, g.target_investment.fen);
    if (industrial.counts.total > 0) g.share_of_count = Ratio::of(g.counts.total, industrial.counts.total);
    if (industrial.total_investment.fen > 0)
        g.share_of_investment = Ratio::of(g.total_investment.fen, industrial.total_investment.fen);
}

void rank(std::vector<GroupFigures>& groups, RankBy by) {
    std::vector<std::optional<Ratio>> ratio_keys;
    std::vector<std::optional<std::int64_t>> money_keys;
    for (const auto& g : groups) {
        auto key = [](const Ratio& r) { return r.defined() ? std::optional<Ratio>(r) : std::nullopt; };
        switch (by) {
            case RankBy::PlanCompletion: ratio_keys.push_back(key(g.plan_completion)); break;
            case RankBy::Yoy: ratio_keys.push_back(key(g.yoy)); break;
            case RankBy::TargetCompletion: ratio_keys.push_back(key(g.target_completion)); break;
            case RankBy::Completed:
                money_keys.push_back(g.counts.total > 0 || g.completed.fen != 0 ? std::optional(g.completed.fen) : std::nullopt);
                break;
        }
    }
    const auto ranks = by == RankBy::Completed ? rank_descending(money_keys) : rank_descending(ratio_keys);
    for (std::size_t i = 0; i < groups.size(); ++i) groups[i].rank = ranks[i];
}

std::optional<std::string> text_or_null(db::QueryColumn c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

}  // namespace

PeriodFigures compute_period_figures(db::Database& db, Period period, const FigureOptions& options) {
    if (period.month < 1 || period.month > 12 || period.year < 1900 || period.year > 2200)
        throw ValidationError("统计期间无效：" + std::to_string(period.year) + "年" + std::to_string(period.month) + "月");
    PeriodFigures out;
    out.period = period;
    out.time_progress = Ratio::of(period.month, 12);
    const WarnThresholds thresholds = options.thresholds ? *options.thresholds : WarnThresholds::from_settings(db);
    const int y = period.year;

    // Every project with its figures for the period, by the rules of sql_functions.h (the ones
    // the report templates use): stage in the month, whether it counts for the year, 1-N月 of this
    // year and the last (the latest month reported up to N), 自开工累计.
    // (A server has them as server functions: core/db/storage/server_functions.h.)
    if (!db.server()) register_sql_functions(db, thresholds);
    {
        std::string sql =
            "SELECT p.id, p.name, p.region_id, p.zone_id, p.category_id, COALESCE(c.strategic_emerging, 0), "
            "COALESCE(c.is_industrial, 0), p.stage, p.level, p.is_jingjin, p.is_foreign, p.planned_start, p.actual_start, "
            "p.actual_completion, p.total_investment, COALESCE(pp.planned_investment, 0), "
            "il_stage_at(p.stage, p.actual_start, p.actual_completion, :period), "
            "il_counts_in_year(p.stage, p.actual_completion, :year), "
            "CASE WHEN p.stage <> '取消' THEN il_ytd(p.id, :last_year, :month) ELSE 0 END, ";
        sql += options.project_details
                   ? "COALESCE(g.completed_ytd, 0), COALESCE(g.image_progress, ''), COALESCE(g.problems, ''), "
                     "il_since_start(p.id, :year, :month) "
                   : "il_ytd(p.id, :year, :month), '', '', 0 ";
        sql += "FROM projects p LEFT JOIN categories c ON c.id = p.category_id "
               "LEFT JOIN project_plans pp ON pp.project_id = p.id AND pp.year = :year ";
        if (options.project_details)
            sql += "LEFT JOIN progress g ON g.project_id = p.id AND g.year = :year AND g.month = il_latest_month(p.id, :year, :month) ";
        sql += "WHERE 1 = 1";
        if (options.region_id) sql += " AND p.region_id = :region";
        if (options.zone_id) sql += " AND p.zone_id = :zone";
        sql += " ORDER BY p.id";
        db::Query q(db, sql);
        q.bind(":period", period.key());
        q.bind(":year", y);
        q.bind(":last_year", period.last_year());
        q.bind(":month", period.month);
        if (options.region_id) q.bind(":region", *options.region_id);
        if (options.zone_id) q.bind(":zone", *options.zone_id);
        while (q.executeStep()) {
            ProjectFigures p;
            p.id = q.getColumn(0).getInt64();
            p.name = q.getColumn(1).getString();
            p.region_id = q.getColumn(2).getInt64();
            if (!q.getColumn(3).isNull()) p.zone_id = q.getColumn(3).getInt64();
            if (!q.getColumn(4).isNull()) p.category_id = q.getColumn(4).getInt64();
            db::read_row_from(q, 5, p.strategic_emerging, p.industrial, p.stage, p.level, p.is_jingjin, p.is_foreign);
            p.planned_start = text_or_null(q.getColumn(11));
            p.actual_start = text_or_null(q.getColumn(12));
            p.actual_completion = text_or_null(q.getColumn(13));
            db::read_row_from(q, 14, p.total_investment, p.annual_plan, p.stage_in_period, p.in_scope,
                                     p.completed_last_year, p.completed, p.image_progress, p.problems,
                                     p.completed_since_start);
            out.projects.push_back(std::move(p));
        }
    }
    for (auto& p : out.projects) {
        if (p.annual_plan.fen > 0) p.plan_completion = Ratio::of(p.completed.fen, p.annual_plan.fen);
        if (p.in_scope)
            p.light = evaluate_light({p.stage_in_period, p.planned_start, p.actual_start, p.annual_plan, p.completed}, period, thresholds);
    }

    // Groups in dictionary order.
    std::unordered_map<std::int64_t, std::size_t> region_at, zone_at, category_at;
    {
        db::Query q(db, "SELECT id, name FROM regions WHERE active = 1 OR id IN (SELECT region_id FROM projects) "
                                      "ORDER BY sort_order, id");
        while (q.executeStep()) {
            const auto id = q.getColumn(0).getInt64();
            if (options.region_id && id != *options.region_id) continue;
            region_at[id] = out.regions.size();
            GroupFigures g;
            g.id = id;
            g.name = q.getColumn(1).getString();
            out.regions.push_back(std::move(g));
        }
    }
    {
        db::Query q(db, "SELECT id, name, region_id FROM zones WHERE active = 1 OR id IN "
                                      "(SELECT zone_id FROM projects WHERE zone_id IS NOT NULL) ORDER BY sort_order, id");
        while (q.executeStep()) {
            const auto id = q.getColumn(0).getInt64();
            const auto region = q.getColumn(2).getInt64();
            if (options.zone_id && id != *options.zone_id) continue;
            if (options.region_id && region != *options.region_id) continue;
            zone_at[id] = out.zones.size();
            GroupFigures g;
            g.id = id;
            g.name = q.getColumn(1).getString();
            g.region_id = region;
            out.zones.push_back(std::move(g));
        }
    }
    {
        db::Query q(db, "SELECT id, name FROM categories WHERE active = 1 OR id IN "
                                      "(SELECT category_id FROM projects WHERE category_id IS NOT NULL) ORDER BY sort_order, id");
        while (q.executeStep()) {
            category_at[q.getColumn(0).getInt64()] = out.categories.size();
            GroupFigures g;
            g.id = q.getColumn(0).getInt64();
            g.name = q.getColumn(1).getString();
            out.categories.push_back(std::move(g));
        }
    }
    out.total.name = "合计";
    out.industrial.name = "亿元以上产业项目";
    out.strategic.name = "战略性新兴产业";
    for (const auto& p : out.projects) {
        add_project(out.total, p);
        if (p.industrial) add_project(out.industrial, p);
        if (p.strategic_emerging) add_project(out.strategic, p);
        if (auto it = region_at.find(p.region_id); it != region_at.end()) add_project(out.regions[it->second], p);
        if (p.zone_id)
            if (auto it = zone_at.find(*p.zone_id); it != zone_at.end()) add_project(out.zones[it->second], p);
        if (p.category_id)
            if (auto it = category_at.find(*p.category_id); it != category_at.end()) add_project(out.categories[it->second], p);
    }
    // Targets of the year.
    {
        db::Query q(db, "SELECT region_id, zone_id, projects_count, investment FROM targets WHERE year = ?1");
        q.bind(1, y);
        while (q.executeStep()) {
            GroupFigures* g = nullptr;
            if (!q.getColumn(0).isNull()) {
                if (auto it = region_at.find(q.getColumn(0).getInt64()); it != region_at.end()) g = &out.regions[it->second];
            } else if (auto it = zone_at.find(q.getColumn(1).getInt64()); it != zone_at.end()) {
                g = &out.zones[it->second];
            }
            if (!g) continue;
            g->target_projects = q.getColumn(2).getInt();
            g->target_investment = Money::from_fen(q.getColumn(3).getInt64());
        }
    }
    for (const auto& r : out.regions) {
        out.total.target_projects += r.target_projects;
        out.total.target_investment += r.target_investment;
    }
    finish(out.industrial, period, out.industrial);
    for (GroupFigures* g : {&out.total, &out.strategic}) finish(*g, period, out.industrial);
    for (auto* list : {&out.regions, &out.zones, &out.categories})
        for (auto& g : *list) finish(g, period, out.industrial);
    for (auto* list : {&out.regions, &out.zones, &out.categories}) rank(*list, options.rank_by);
    return out;
}

}  // namespace il::stats
