-- Deals signed in 1-N月 (not 终止) and funds in place in 1-N月 of this year and the last, per
-- 县（市、区）. 京津项目: origin 北京 or 天津. Funds in 分 (CNY equivalent); foreign capital in US cents.
WITH d AS (
  SELECT * FROM deals
  WHERE (:scope_region_id IS NULL OR region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR zone_id = :scope_zone_id)
),
signed AS (
  SELECT region_id,
         COUNT(*) AS signed_count,
         SUM(CASE WHEN contract_currency = 'CNY' THEN contract_amount ELSE 0 END) AS signed_cny,
         SUM(CASE WHEN contract_currency = 'USD' THEN contract_amount ELSE 0 END) AS signed_usd,
         SUM(origin IN ('北京','天津')) AS jj_count,
         SUM(CASE WHEN origin IN ('北京','天津') AND contract_currency = 'CNY' THEN contract_amount ELSE 0 END) AS jj_cny
  FROM d
  WHERE stage <> '终止' AND substr(signed_date, 1, 7) BETWEEN (:year || '-01') AND :period
  GROUP BY region_id
),
funds AS (
  SELECT d.region_id,
         SUM(CASE WHEN substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period THEN f.amount_cny ELSE 0 END) AS funds,
         SUM(CASE WHEN substr(f.date, 1, 7) BETWEEN (:last_year || '-01') AND (:last_year || substr(:period, 5))
                  THEN f.amount_cny ELSE 0 END) AS funds_last_year,
         SUM(CASE WHEN f.currency = 'USD' AND substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period
                  THEN f.amount ELSE 0 END) AS foreign_usd
  FROM d JOIN deal_funds f ON f.deal_id = d.id
  GROUP BY d.region_id
)
SELECT r.name AS region,
       COALESCE(s.signed_count, 0) AS signed_count, COALESCE(s.signed_cny, 0) AS signed_cny,
       COALESCE(s.signed_usd, 0) AS signed_usd, COALESCE(s.jj_count, 0) AS jj_count, COALESCE(s.jj_cny, 0) AS jj_cny,
       COALESCE(f.funds, 0) AS funds, COALESCE(f.funds_last_year, 0) AS funds_last_year,
       COALESCE(f.foreign_usd, 0) AS foreign_usd
FROM regions r
LEFT JOIN signed s ON s.region_id = r.id
LEFT JOIN funds f ON f.region_id = r.id
WHERE r.active = 1 AND (:scope_region_id IS NULL OR r.id = :scope_region_id)
ORDER BY r.sort_order, r.id
