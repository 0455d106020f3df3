-- 亿元以上项目建设进展情况表: one row per project being carried out in the report year.
-- Amounts in 分 (the engine shows 万元). Parameters: :year :month :scope_region_id :scope_zone_id.
WITH last_month AS (          -- the latest month reported up to the period, per project
  SELECT project_id, MAX(month) AS month
  FROM progress WHERE year = :year AND month <= :month
  GROUP BY project_id
),
cur AS (
  SELECT g.project_id, g.completed_ytd, g.image_progress, g.problems
  FROM last_month l JOIN progress g ON g.project_id = l.project_id AND g.year = :year AND g.month = l.month
),
year_end AS (                 -- each earlier year's total: its last reported month's year-to-date
  SELECT project_id, year, MAX(month) AS month FROM progress WHERE year < :year GROUP BY project_id, year
),
before AS (
  SELECT e.project_id, SUM(g.completed_ytd) AS amount
  FROM year_end e JOIN progress g ON g.project_id = e.project_id AND g.year = e.year AND g.month = e.month
  GROUP BY e.project_id
),
open_problems AS (
  SELECT project_id, group_concat(description, '；') AS text
  FROM problems WHERE status <> '销号' GROUP BY project_id
)
SELECT r.name AS region,
       p.name, p.owner, p.site, p.stage,
       p.total_investment,
       COALESCE(pl.planned_investment, 0) AS plan,
       COALESCE(c.completed_ytd, 0) AS ytd,
       COALESCE(b.amount, 0) + COALESCE(c.completed_ytd, 0) AS since_start,
       COALESCE(c.image_progress, '') AS image_progress,
       CASE WHEN COALESCE(c.problems, '') <> '' THEN c.problems ELSE COALESCE(op.text, '') END AS problems,
       p.leader_name || CASE WHEN p.leader_title <> '' THEN '（' || p.leader_title || '）' ELSE '' END AS leader,
       p.responsible_unit
FROM projects p
JOIN regions r ON r.id = p.region_id
LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
LEFT JOIN cur c ON c.project_id = p.id
LEFT JOIN before b ON b.project_id = p.id
LEFT JOIN open_problems op ON op.project_id = p.id
WHERE p.stage NOT IN ('谋划', '取消')
  AND (pl.project_id IS NOT NULL OR c.project_id IS NOT NULL)
  AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
  AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
ORDER BY r.sort_order, r.id,
         CASE p.level WHEN '省重点' THEN 0 WHEN '市重点' THEN 1 ELSE 2 END,
         p.total_investment DESC, p.name
