-- Per 县（市、区）: projects that count for the year, plan and 1-N月 completed, and 序时进度.
WITH proj AS (
  SELECT p.region_id, COALESCE(pl.planned_investment, 0) AS plan, il_ytd(p.id, :year, :month) AS ytd
  FROM projects p
  LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
  WHERE il_counts_in_year(p.stage, p.actual_completion, :year)
    AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
)
SELECT r.name AS region, COUNT(q.region_id) AS projects,
       COALESCE(SUM(q.plan), 0) AS plan, COALESCE(SUM(q.ytd), 0) AS ytd, :time_progress AS time_progress
FROM regions r LEFT JOIN proj q ON q.region_id = r.id
WHERE r.active = 1 AND (:scope_region_id IS NULL OR r.id = :scope_region_id)
GROUP BY r.id
ORDER BY r.sort_order, r.id
