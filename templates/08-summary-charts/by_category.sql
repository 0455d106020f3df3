-- 亿元以上产业项目 (categories marked is_industrial) that count for the year, by 产业类别 on two
-- levels: each group (战略性新兴产业 first) with its items under it; a group's own entry
-- (name = group_name) holds the projects classified only by their group, listed last as
-- "…（未细分）" and left out when empty (unless it is the group's only entry, like 现代农业).
WITH items AS (
  SELECT group_name FROM categories WHERE name <> group_name AND is_industrial = 1 AND active = 1
),
proj AS (
  SELECT p.category_id, p.total_investment
  FROM projects p
  WHERE il_counts_in_year(p.stage, p.actual_completion, :year) = 1
    AND (:scope_region_id IS NULL OR p.region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR p.zone_id = :scope_zone_id)
)
SELECT c.group_name,
       CASE WHEN c.name = c.group_name AND EXISTS (SELECT 1 FROM items i WHERE i.group_name = c.group_name)
            THEN c.name || '（未细分）' ELSE c.name END AS category,
       COUNT(q.category_id) AS projects,
       COALESCE(SUM(q.total_investment), 0) AS total_investment
FROM categories c LEFT JOIN proj q ON q.category_id = c.id
WHERE c.is_industrial = 1 AND c.active = 1
GROUP BY c.id
HAVING NOT (c.name = c.group_name AND COUNT(q.category_id) = 0
            AND EXISTS (SELECT 1 FROM items i WHERE i.group_name = c.group_name))
ORDER BY CASE c.group_name WHEN '战略性新兴产业' THEN 0 WHEN '现代服务业' THEN 1 WHEN '传统产业' THEN 2
                           WHEN '现代农业' THEN 3 ELSE 4 END,
         c.name = c.group_name, c.sort_order, c.id
