-- Per 县（市、区）: the projects that count for the year (not 取消, not completed before it), counted
-- by their stage in the report month; 上年同期 over every project not 取消; 名次 by 完成年度计划%.
WITH proj AS (
  SELECT p.id, p.region_id, p.total_investment,
         il_stage_at(p.stage, p.actual_start, p.actual_completion, :period) AS stage_then,
         il_counts_in_year(p.stage, p.actual_completion, :year) AS counts,
         COALESCE(pl.planned_investment, 0) AS plan,
         -- 1-N月 of this year and of the last: the latest month reported up to N
         il_ytd(p.id, :year, :month) AS ytd,
         il_ytd(p.id, :last_year, :month) AS ytd_ly
  FROM projects p
  LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
  WHERE p.stage <> '取消'
    AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
),
agg AS (
  SELECT r.id, r.name, r.sort_order,
         COALESCE(SUM(q.counts), 0) AS projects,
         COALESCE(SUM(q.counts AND q.stage_then = '新开工'), 0) AS new_start,
         COALESCE(SUM(q.counts AND q.stage_then = '续建'), 0) AS continuing,
         COALESCE(SUM(q.counts AND q.stage_then IN ('竣工','投产')), 0) AS completed,
         COALESCE(SUM(CASE WHEN q.counts THEN q.total_investment END), 0) AS total_investment,
         COALESCE(SUM(CASE WHEN q.counts THEN q.plan END), 0) AS plan,
         COALESCE(SUM(CASE WHEN q.counts THEN q.ytd END), 0) AS ytd,
         COALESCE(SUM(q.ytd_ly), 0) AS ytd_last_year
  FROM regions r LEFT JOIN proj q ON q.region_id = r.id
  WHERE r.active = 1 AND (:scope_region_id IS NULL OR r.id = :scope_region_id)
  GROUP BY r.id
)
SELECT name AS region, projects, new_start, continuing, completed, total_investment, plan, ytd, ytd_last_year,
       :time_progress AS time_progress,
       CASE WHEN plan > 0 THEN RANK() OVER (ORDER BY CASE WHEN plan > 0 THEN ytd * 1.0 / plan END DESC NULLS LAST) END AS rank
FROM agg
ORDER BY sort_order, id
