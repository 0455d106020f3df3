-- 亿元以上项目建设进展情况表: one row per project that counts for the report year (not 取消,
-- not completed before the year), its stage as it was in the report month.
-- Amounts in 分 (the engine shows 万元). Parameters: :year :month :period :scope_region_id :scope_zone_id.
WITH open_problems AS (
  -- in the order they were recorded, on SQLite and PostgreSQL alike (group_concat takes its
  -- rows as they come; an ordered subquery is how both engines fix that order)
  SELECT project_id, group_concat(description, '；') AS text
  FROM (SELECT project_id, description FROM problems WHERE status <> '销号' ORDER BY project_id, id) AS open_rows
  GROUP BY project_id
)
SELECT r.name AS region,
       p.name, p.owner, p.site,
       il_stage_at(p.stage, p.actual_start, p.actual_completion, :period) AS stage,
       p.total_investment,
       COALESCE(pl.planned_investment, 0) AS plan,
       COALESCE(c.completed_ytd, 0) AS ytd,
       -- 自开工累计: each earlier year's last reported year-to-date, plus this year's
       il_since_start(p.id, :year, :month) AS since_start,
       COALESCE(c.image_progress, '') AS image_progress,
       CASE WHEN COALESCE(c.problems, '') <> '' THEN c.problems ELSE COALESCE(op.text, '') END AS problems,
       p.leader_name || CASE WHEN p.leader_title <> '' THEN '（' || p.leader_title || '）' ELSE '' END AS leader,
       p.responsible_unit
FROM projects p
JOIN regions r ON r.id = p.region_id
LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
-- the latest month reported up to the period (its 1-N月, 形象进度 and 存在问题)
LEFT JOIN progress c ON c.project_id = p.id AND c.year = :year AND c.month = il_latest_month(p.id, :year, :month)
LEFT JOIN open_problems op ON op.project_id = p.id
WHERE il_counts_in_year(p.stage, p.actual_completion, :year)
  AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
  AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
ORDER BY r.sort_order, r.id,
         CASE p.level WHEN '省重点' THEN 0 WHEN '市重点' THEN 1 ELSE 2 END,
         p.total_investment DESC, p.name
