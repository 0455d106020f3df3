-- Red and yellow projects of the period with the reason (rules as in core/stats/warning_lights.h):
--  - under way with an annual plan: yellow when warn_yellow_points to warn_red_points percentage
--    points behind 序时进度 (month/12), red when more than warn_red_points behind;
--  - due to start (planned start in or before the month) and not started: yellow, red once
--    warn_not_started_red_months months have passed since the planned start;
--  - 停缓建: red.
WITH settings_n AS (
  SELECT COALESCE((SELECT CAST(value AS REAL) FROM settings WHERE key = 'warn_yellow_points'), 10) AS yellow,
         COALESCE((SELECT CAST(value AS REAL) FROM settings WHERE key = 'warn_red_points'), 30) AS red,
         COALESCE((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'warn_not_started_red_months'), 3) AS red_months
),
proj AS (
  SELECT p.*, r.name AS region_name, r.sort_order AS region_order,
         CASE WHEN p.stage IN ('停缓建','取消') OR p.actual_start IS NULL OR p.actual_start = '' THEN p.stage
              WHEN substr(p.actual_start,1,7) > :period THEN '前期'
              WHEN p.actual_completion IS NOT NULL AND p.actual_completion <> '' AND substr(p.actual_completion,1,7) <= :period
                   THEN CASE WHEN p.stage IN ('竣工','投产') THEN p.stage ELSE '竣工' END
              WHEN substr(p.actual_start,1,4) = substr(:period,1,4) THEN '新开工' ELSE '续建' END AS stage_then,
         COALESCE(pl.planned_investment, 0) AS plan,
         COALESCE(c.completed_ytd, 0) AS ytd,
         -- months since the planned start (0 in its own month)
         (CAST(substr(:period,1,4) AS INTEGER) * 12 + CAST(substr(:period,6,2) AS INTEGER))
           - (CAST(substr(p.planned_start,1,4) AS INTEGER) * 12 + CAST(substr(p.planned_start,6,2) AS INTEGER)) AS months_late
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
         (:time_progress - CASE WHEN q.plan > 0 THEN q.ytd * 1.0 / q.plan ELSE 0 END) * 100 AS behind
  FROM proj q
),
lights AS (
  SELECT j.*,
    CASE
      WHEN j.stage_then = '停缓建' THEN '红灯'
      WHEN j.stage_then IN ('谋划','前期') AND j.planned_start IS NOT NULL AND j.planned_start <> ''
           AND substr(j.planned_start,1,7) <= :period
        THEN CASE WHEN j.months_late >= s.red_months THEN '红灯' ELSE '黄灯' END
      WHEN j.stage_then IN ('新开工','续建') AND j.plan > 0 AND j.behind > s.red THEN '红灯'
      WHEN j.stage_then IN ('新开工','续建') AND j.plan > 0 AND j.behind >= s.yellow AND j.behind > 0 THEN '黄灯'
    END AS light,
    CASE
      WHEN j.stage_then = '停缓建' THEN '项目停缓建'
      WHEN j.stage_then IN ('谋划','前期') AND j.planned_start IS NOT NULL AND j.planned_start <> ''
           AND substr(j.planned_start,1,7) <= :period
        THEN '计划' || substr(j.planned_start,1,4) || '年' || CAST(substr(j.planned_start,6,2) AS INTEGER) || '月开工，尚未开工'
             || CASE WHEN j.months_late > 0 THEN '（已逾期' || j.months_late || '个月）' ELSE '' END
      ELSE '完成年度计划' || printf('%.1f', CASE WHEN j.plan > 0 THEN j.ytd * 100.0 / j.plan ELSE 0 END)
           || '%，落后序时进度' || printf('%.1f', j.behind) || '个百分点'
    END AS reason
  FROM judged j, settings_n s
)
SELECT light, name, region_name AS region, stage_then AS stage, plan, ytd, reason,
       leader_name || CASE WHEN leader_title <> '' THEN '（' || leader_title || '）' ELSE '' END AS leader,
       responsible_unit
FROM lights
WHERE light IS NOT NULL
ORDER BY CASE light WHEN '红灯' THEN 0 ELSE 1 END, region_order, region_id, behind DESC, name
