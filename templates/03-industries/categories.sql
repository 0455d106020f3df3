-- Per industrial category, grouped by its group (战略性新兴产业 first): 亿元以上产业项目 only
-- (categories marked is_industrial), the projects that count for the year.
WITH proj AS (
  SELECT p.id, p.category_id, p.total_investment,
         il_counts_in_year(p.stage, p.actual_completion, :year) AS counts,
         COALESCE(pl.planned_investment, 0) AS plan,
         -- 1-N月 of this year and of the last: the latest month reported up to N
         il_ytd(p.id, :year, :month) AS ytd,
         il_ytd(p.id, :last_year, :month) AS ytd_ly
  FROM projects p
  LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = :year
  WHERE p.stage <> '取消'
    AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
)
SELECT c.group_name, c.name AS category,
       COALESCE(SUM(q.counts), 0) AS projects,
       COALESCE(SUM(CASE WHEN q.counts THEN q.total_investment END), 0) AS total_investment,
       COALESCE(SUM(CASE WHEN q.counts THEN q.plan END), 0) AS plan,
       COALESCE(SUM(CASE WHEN q.counts THEN q.ytd END), 0) AS ytd,
       COALESCE(SUM(q.ytd_ly), 0) AS ytd_last_year
FROM categories c LEFT JOIN proj q ON q.category_id = c.id
WHERE c.is_industrial = 1 AND c.active = 1
GROUP BY c.id
ORDER BY CASE c.group_name WHEN '战略性新兴产业' THEN 0 WHEN '现代服务业' THEN 1 WHEN '传统产业' THEN 2
                           WHEN '现代农业' THEN 3 ELSE 4 END,
         c.sort_order, c.id
