-- Red and yellow projects of the period with the reason. The light and its reason come from
-- il_light / il_light_reason: core/stats/warning_lights.h's rules with the thresholds of the
-- settings (warn_yellow_points, warn_red_points, warn_not_started_red_months), the same as the 首页.
WITH proj AS (
  SELECT p.*, r.name AS region_name, r.sort_order AS region_order,
         il_stage_at(p.stage, p.actual_start, p.actual_completion, :period) AS stage_then,
         COALESCE(pl.planned_investment, 0) AS plan,
         il_ytd(p.id, :year, :month) AS ytd
  FROM projects p
  JOIN regions r ON r.id = p.region_id
  LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
  WHERE il_counts_in_year(p.stage, p.actual_completion, :year)
    AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
),
judged AS (
  SELECT q.*,
         -- for the order only: how far behind 序时进度 (the light itself is decided exactly by il_light)
         (:time_progress - CASE WHEN q.plan > 0 THEN q.ytd * 1.0 / q.plan ELSE 0 END) AS behind
  FROM proj q
),
lights AS (
  SELECT j.*,
         il_light(j.stage_then, j.planned_start, j.actual_start, j.plan, j.ytd, :period) AS light,
         il_light_reason(j.stage_then, j.planned_start, j.actual_start, j.plan, j.ytd, :period) AS reason
  FROM judged j
)
SELECT light, name, region_name AS region, stage_then AS stage, plan, ytd, reason,
       leader_name || CASE WHEN leader_title <> '' THEN '（' || leader_title || '）' ELSE '' END AS leader,
       responsible_unit
FROM lights
WHERE light IN ('红灯', '黄灯')
ORDER BY CASE light WHEN '红灯' THEN 0 ELSE 1 END, region_order, region_id, behind DESC, name
