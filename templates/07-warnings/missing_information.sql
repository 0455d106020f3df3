-- Projects whose information is incomplete (the warnings stored on the record: 竣工 without
-- 实际竣工时间, no 项目代码 …; core/validate/completeness.h). They are counted in every report as
-- they are; this list is for completing them. ("char" quoted: PostgreSQL reads a bare char(10)
-- as the type; quoted, both engines call the function that gives the line break.)
SELECT r.name AS region, p.name, p.stage, p.total_investment, replace(p.warnings, "char"(10), '；') AS missing, p.responsible_unit
FROM projects p
JOIN regions r ON r.id = p.region_id
WHERE p.warnings <> ''
  AND il_counts_in_year(p.stage, p.actual_completion, :year) = 1
  AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
  AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
ORDER BY r.sort_order, r.id, p.id
