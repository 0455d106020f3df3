-- The pre-report checks (core/stats/report_checks.cpp) find investment reported before a
-- project's start in the same pass over progress_period that checks the year-to-date figures,
-- comparing each project's first invested month with its start month. The facts of a project
-- that pass needs, its total investment and its 实际开工日期, come from one narrow index
-- instead of the wide project rows; it takes the place of projects_total (its first column).
DROP INDEX projects_total;
CREATE INDEX projects_checks ON projects(total_investment, actual_start);
