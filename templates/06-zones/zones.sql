-- Per 开发区: its projects that count for the year, 1-N月 completed (this year and last), 技改
-- items of the year, funds in place and foreign capital of its deals, against the zone's targets.
-- 名次 by completed / target investment.
WITH proj AS (
  SELECT p.zone_id,
         -- 1-N月 of this year (projects that count for it) and of the last: the latest month reported up to N
         SUM(il_counts_in_year(p.stage, p.actual_completion, :year)) AS projects,
         SUM(CASE WHEN il_counts_in_year(p.stage, p.actual_completion, :year) THEN il_ytd(p.id, :year, :month) ELSE 0 END) AS ytd,
         SUM(il_ytd(p.id, :last_year, :month)) AS ytd_last_year
  FROM projects p
  WHERE p.stage <> '取消' AND p.zone_id IS NOT NULL
  GROUP BY p.zone_id
),
renov AS (
  SELECT v.zone_id, COUNT(*) AS renovations
  FROM renovations v
  WHERE v.zone_id IS NOT NULL AND v.stage <> '取消'
    AND (EXISTS (SELECT 1 FROM renovation_plans pl WHERE pl.renovation_id = v.id AND pl.year = :year)
         OR il_renovation_latest_month(v.id, :year, :month) IS NOT NULL)
  GROUP BY v.zone_id
),
funds AS (
  SELECT d.zone_id,
         SUM(CASE WHEN substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period THEN f.amount_cny ELSE 0 END) AS funds,
         SUM(CASE WHEN f.currency = 'USD' AND substr(f.date, 1, 7) BETWEEN (:year || '-01') AND :period
                  THEN f.amount ELSE 0 END) AS foreign_usd
  FROM deals d JOIN deal_funds f ON f.deal_id = d.id
  WHERE d.zone_id IS NOT NULL
  GROUP BY d.zone_id
),
rows AS (
  SELECT z.id, z.sort_order, z.name AS zone, z.level,
         COALESCE(p.projects, 0) AS projects, COALESCE(t.projects_count, 0) AS target_projects,
         COALESCE(p.ytd, 0) AS ytd, COALESCE(t.investment, 0) AS target_investment,
         COALESCE(p.ytd_last_year, 0) AS ytd_last_year,
         COALESCE(r.renovations, 0) AS renovations, COALESCE(t.renovation_count, 0) AS target_renovations,
         COALESCE(f.funds, 0) AS funds, COALESCE(t.funds_in_place, 0) AS target_funds,
         COALESCE(f.foreign_usd, 0) AS foreign_usd, COALESCE(t.foreign_capital_usd, 0) AS target_usd
  FROM zones z
  LEFT JOIN proj p ON p.zone_id = z.id
  LEFT JOIN renov r ON r.zone_id = z.id
  LEFT JOIN funds f ON f.zone_id = z.id
  LEFT JOIN targets t ON t.zone_id = z.id AND t.year = :year
  WHERE z.active = 1
    AND (:scope_region_id IS NULL OR z.region_id = :scope_region_id)
    AND (:scope_zone_id IS NULL OR z.id = :scope_zone_id)
)
SELECT *, CASE WHEN target_investment > 0
               THEN RANK() OVER (ORDER BY CASE WHEN target_investment > 0 THEN ytd * 1.0 / target_investment END DESC NULLS LAST)
          END AS rank
FROM rows
ORDER BY sort_order, id
