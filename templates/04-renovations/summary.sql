-- Per 县（市、区）: the 技改项目 of the report year (same selection as detail.sql).
WITH items AS (
  SELECT v.region_id, v.in_statistics, v.total_investment, v.equipment_investment,
         COALESCE(pl.planned_investment, 0) AS plan, COALESCE(c.completed_ytd, 0) AS ytd
  FROM renovations v
  LEFT JOIN renovation_plans pl ON pl.renovation_id = v.id AND pl.year = :year
  LEFT JOIN renovation_progress c ON c.renovation_id = v.id AND c.year = :year
       AND c.month = il_renovation_latest_month(v.id, :year, :month)
  WHERE v.stage <> '取消'
    AND (pl.renovation_id IS NOT NULL OR c.renovation_id IS NOT NULL)
    AND (:scope_zone_id IS NULL OR v.zone_id = :scope_zone_id)
)
SELECT r.name AS region,
       COUNT(i.region_id) AS items,
       COALESCE(SUM(i.in_statistics), 0) AS in_statistics,
       COALESCE(SUM(i.total_investment), 0) AS total_investment,
       COALESCE(SUM(i.equipment_investment), 0) AS equipment_investment,
       COALESCE(SUM(i.plan), 0) AS plan,
       COALESCE(SUM(i.ytd), 0) AS ytd
FROM regions r LEFT JOIN items i ON i.region_id = r.id
WHERE r.active = 1 AND (:scope_region_id IS NULL OR r.id = :scope_region_id)
GROUP BY r.id
ORDER BY r.sort_order, r.id
