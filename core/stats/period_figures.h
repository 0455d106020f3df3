#pragma once
// Figures for a period (1-N月 of a year), per project and per region / zone / industrial
// category: what the reports and the GUI overview show.
//
// Which projects count for year Y: every project not 取消 and not completed before Y (its
// actual completion, if any, is in Y or later). Counts by stage, total investment, annual plan
// and 1-N月 completed are sums over these. 上年同期 is the 1-N月 completed of year Y-1 of every
// project not 取消 (what was under way last year, including projects since completed), grouped
// by each project's current region, zone and category.
// Stages are counted as they were in the period's month (stage_at.h): a project that started in
// August is 前期 in a 1-6月 report made in December.
// 1-N月 completed of a project is the year-to-date of its latest month entry in 1..N of the
// year (months without an entry add nothing).
// Money in 分, percentages as exact Ratios; nothing here rounds.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/model/period.h"
#include "core/stats/ratio.h"
#include "core/stats/warning_lights.h"

namespace il::stats {

struct ProjectFigures {
    std::int64_t id = 0;
    std::string name;
    std::int64_t region_id = 0;
    std::optional<std::int64_t> zone_id, category_id;
    bool strategic_emerging = false;  // its category is a 战略性新兴产业 branch
    bool industrial = false;          // counts among 亿元以上产业项目
    std::string stage, level;         // as stored now
    std::string stage_in_period;      // as it was in the period's month (stage_at.h)
    bool is_jingjin = false, is_foreign = false;
    std::optional<std::string> planned_start, actual_start, actual_completion;
    Money total_investment;
    Money annual_plan;             // 年度计划 for the period's year
    Money completed;               // 1-N月完成
    Money completed_last_year;     // 上年同期 (1-N月 of the year before)
    Money completed_since_start;   // 自开工累计完成: year ends of earlier years + 1-N月
    std::string image_progress;    // 形象进度 of the latest month in 1..N
    std::string problems;          // 存在问题 of that month
    bool in_scope = false;         // counts for the period's year (see above)
    Ratio plan_completion;         // completed / annual_plan
    LightResult light;
};

struct StageCounts {
    int total = 0;
    int planning = 0;     // 谋划 + 前期
    int new_start = 0;    // 新开工
    int continuing = 0;   // 续建
    int completed = 0;    // 竣工
    int operating = 0;    // 投产
    int suspended = 0;    // 停缓建
    int under_way() const { return new_start + continuing; }
};

struct GroupFigures {
    std::int64_t id = 0;           // region / zone / category id; 0 for totals
    std::string name;              // 合计, 战略性新兴产业 … for totals
    std::optional<std::int64_t> region_id;  // a zone's region
    StageCounts counts;
    Money total_investment, annual_plan, completed, completed_last_year, completed_since_start;
    Ratio yoy;                     // 同比: (completed - last year) / last year
    Ratio plan_completion;         // 完成年度计划 %
    Ratio against_time_progress;   // plan_completion - 序时进度 (negative: behind)
    int rank = 0;                  // 名次 among its kind (0: not ranked)
    int red = 0, yellow = 0, green = 0;  // lights of its projects
    // Regions and zones: the year's targets (0 when none are set).
    int target_projects = 0;
    Money target_investment;
    Ratio target_completion;       // completed / target investment
    // Categories and the strategic total: shares of all 亿元以上产业项目.
    Ratio share_of_count, share_of_investment;
};

enum class RankBy { PlanCompletion, Completed, Yoy, TargetCompletion };

struct FigureOptions {
    std::optional<std::int64_t> region_id;  // only this region's projects
    std::optional<std::int64_t> zone_id;    // only this zone's projects
    RankBy rank_by = RankBy::PlanCompletion;
    std::optional<WarnThresholds> thresholds;  // default: from the database's settings
    // Each project's 形象进度, 存在问题 and 自开工累计 (ProjectFigures); the 首页 shows none of
    // them and leaves them out (at 100,000 projects they are a third of the time).
    bool project_details = true;
};

struct PeriodFigures {
    Period period;
    Ratio time_progress;           // 序时进度 N/12
    GroupFigures total;            // 合计
    GroupFigures industrial;       // 亿元以上产业项目
    GroupFigures strategic;        // 战略性新兴产业 as a whole
    std::vector<GroupFigures> regions, zones, categories;  // dictionary order, every active entry
    std::vector<ProjectFigures> projects;                  // every project (in_scope says which count)
};

PeriodFigures compute_period_figures(db::Database& db, Period period, const FigureOptions& options = {});

}  // namespace il::stats
