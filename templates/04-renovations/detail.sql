-- 技改项目 of the report year: not 取消, with a plan for the year or progress in it.
SELECT r.name AS region, v.enterprise, v.name, COALESCE(v.filing_number, '') AS filing_number, v.kind, v.stage,
       -- (<> 0: PostgreSQL takes no integer as a truth value)
       CASE WHEN v.in_statistics <> 0 THEN '是' ELSE '否' END AS in_statistics,
       v.total_investment, v.equipment_investment,
       COALESCE(pl.planned_investment, 0) AS plan,
       COALESCE(c.completed_ytd, 0) AS ytd,
       v.expected_output, v.expected_tax
FROM renovations v
JOIN regions r ON r.id = v.region_id
LEFT JOIN renovation_plans pl ON pl.renovation_id = v.id AND pl.year = :year
LEFT JOIN renovation_progress c ON c.renovation_id = v.id AND c.year = :year
       AND c.month = il_renovation_latest_month(v.id, :year, :month)
WHERE v.stage <> '取消'
  AND (pl.renovation_id IS NOT NULL OR c.renovation_id IS NOT NULL)
  AND (:scope_region_id IS NULL OR v.region_id = :scope_region_id)
  AND (:scope_zone_id IS NULL OR v.zone_id = :scope_zone_id)
ORDER BY r.sort_order, r.id, v.total_investment DESC, v.name
