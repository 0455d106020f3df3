-- The same figures as by_region.sql per origin; 京津项目 (北京, 天津) as their own group.
WITH origins(origin, origin_group, ord) AS (
  VALUES ('北京', '京津项目', 1), ('天津', '京津项目', 2), ('省内', '其他来源', 3), ('省外', '其他来源', 4), ('境外', '其他来源', 5)
),
d AS (
  SELECT * FROM deals
  WHERE (:scope_region_id IS NULL OR region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR zone_id = :scope_zone_id)
),
signed AS (
  SELECT origin,
         COUNT(*) AS signed_count,
         SUM(CASE WHEN contract_currency = 'CNY' THEN contract_amount ELSE 0 END) AS signed_cny,
         SUM(CASE WHEN contract_currency = 'USD' THEN contract_amount ELSE 0 END) AS signed_usd
  FROM d
  WHERE stage <> '终止' AND substr(signed_date, 1, 7) BETWEEN (:year || '-01') AND :period
  GROUP BY origin
),
funds AS (
  SELECT d.origin,
         SUM(CASE WHEN substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period THEN f.amount_cny ELSE 0 END) AS funds,
         SUM(CASE WHEN substr(f.date, 1, 7) BETWEEN (:last_year || '-01') AND (:last_year || substr(:period, 5))
                  THEN f.amount_cny ELSE 0 END) AS funds_last_year,
         SUM(CASE WHEN f.currency = 'USD' AND substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period
                  THEN f.amount ELSE 0 END) AS foreign_usd
  FROM d JOIN deal_funds f ON f.deal_id = d.id
  GROUP BY d.origin
)
SELECT o.origin_group, o.origin,
       COALESCE(s.signed_count, 0) AS signed_count, COALESCE(s.signed_cny, 0) AS signed_cny,
       COALESCE(s.signed_usd, 0) AS signed_usd,
       COALESCE(f.funds, 0) AS funds, COALESCE(f.funds_last_year, 0) AS funds_last_year,
       COALESCE(f.foreign_usd, 0) AS foreign_usd
FROM origins o
LEFT JOIN signed s ON s.origin = o.origin
LEFT JOIN funds f ON f.origin = o.origin
ORDER BY o.ord
