-- Red and yellow projects of the period with the reason. The light and its reason come from
-- il_light / il_light_reason: core/stats/warning_lights.h's rules with the thresholds of the
-- settings (warn_yellow_points, warn_red_points, warn_not_started_red_months), the same as the 首页.
WITH proj AS (
  SELECT p.*, r.name AS region_name, r.sort_order AS region_order,
         CASE WHEN p.stage IN ('停缓建','取消') OR p.actual_start IS NULL OR p.actual_start = '' THEN p.stage
              WHEN substr(p.actual_start,1,7) > :period THEN '前期'
              WHEN p.actual_completion IS NOT NULL AND p.actual_completion <> '' AND substr(p.actual_completion,1,7) <= :period
                   THEN CASE WHEN p.stage IN ('竣工','投产') THEN p.stage ELSE '竣工' END
              WHEN substr(p.actual_start,1,4) = substr(:period,1,4) THEN '新开工' ELSE '续建' END AS stage_then,
         COALESCE(pl.planned_investment, 0) AS plan,
         COALESCE(c.completed_ytd, 0) AS ytd
  FROM projects p
  JOIN regions r ON r.id = p.region_id
  LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
  LEFT JOIN progress c ON c.project_id = p.id AND c.year = :year
       AND c.month = (SELECT MAX(g.month) FROM progress g WHERE g.project_id = p.id AND g.year = :year AND g.month <= :month)
  WHERE p.stage <> '取消'
    AND (p.actual_completion IS NULL OR p.actual_completion = '' OR substr(p.actual_completion,1,4) >= substr(:period,1,4))
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
