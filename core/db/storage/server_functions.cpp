#include "core/db/storage/server_functions.h"

#include "core/stats/warning_lights.h"

namespace il::db::storage {

namespace {

// Each function restates one C++ rule; the comment names it. Arguments are bigint where the
// templates pass integers (bound parameters and bigint columns; an integer literal widens to it).
constexpr const char* kFunctions = R"SQL(
-- core/stats/warning_lights.cpp month_of: 'YYYY-MM…' -> year * 12 + month - 1, so that months
-- compare as integers; NULL unless the text starts with four digits, '-', a month 01-12.
-- (The casts see only what the patterns matched: no text can make them fail.)
CREATE OR REPLACE FUNCTION il_month_of(d text) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN substring(d FROM '^[0-9]{4}-([0-9]{2})')::integer BETWEEN 1 AND 12
              THEN substring(d FROM '^([0-9]{4})-[0-9]{2}')::integer * 12
                   + substring(d FROM '^[0-9]{4}-([0-9]{2})')::integer - 1 END
$$;

-- A function's period argument as il_month_of, or the error SQLite's functions give.
CREATE OR REPLACE FUNCTION il_period(period text, fn text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE m integer := il_month_of(period);
BEGIN
  IF m IS NULL THEN RAISE EXCEPTION '%: the period must be ''YYYY-MM''', fn; END IF;
  RETURN m;
END $$;

-- core/stats/stage_at.cpp stage_at (a NULL stage is '').
CREATE OR REPLACE FUNCTION il_stage_at(stage text, actual_start text, actual_completion text, period text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN il_period(period, 'il_stage_at') IS NULL THEN NULL  -- never: it raises (and is checked first, as in C++)
    WHEN stage IN ('停缓建', '取消') THEN stage
    WHEN il_month_of(actual_start) IS NULL THEN COALESCE(stage, '')
    WHEN il_month_of(actual_start) > il_period(period, 'il_stage_at') THEN '前期'
    WHEN il_month_of(actual_completion) <= il_period(period, 'il_stage_at')
      THEN CASE WHEN stage IN ('竣工', '投产') THEN stage ELSE '竣工' END
    WHEN il_month_of(actual_start) / 12 = il_period(period, 'il_stage_at') / 12 THEN '新开工'
    ELSE '续建' END
$$;

-- core/stats/stage_at.cpp counts_in_year. The completion's first characters compare with the
-- year as bytes (COLLATE "C"), as std::string does, whatever the database's locale. Boolean:
-- PostgreSQL wants one in WHERE, CASE WHEN and AND; sum(boolean) and boolean = bigint below
-- give what SQLite's 0/1 gives in SUM(…) and … = 1.
CREATE OR REPLACE FUNCTION il_counts_in_year(stage text, actual_completion text, report_year bigint)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN stage = '取消' THEN false
              WHEN actual_completion IS NULL OR actual_completion = '' THEN true
              ELSE substr(actual_completion, 1, 4) COLLATE "C" >= COALESCE(report_year, 0)::text END
$$;

-- core/stats/sql_functions.cpp: the latest progress row in months 1..month of the year.
CREATE OR REPLACE FUNCTION il_latest_month(project bigint, report_year bigint, report_month bigint)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT g.month FROM progress g
  WHERE g.project_id = project AND g.year = report_year AND g.month <= report_month
  ORDER BY g.month DESC LIMIT 1
$$;

CREATE OR REPLACE FUNCTION il_ytd(project bigint, report_year bigint, report_month bigint)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE((SELECT g.completed_ytd FROM progress g
                   WHERE g.project_id = project AND g.year = report_year AND g.month <= report_month
                   ORDER BY g.month DESC LIMIT 1), 0)
$$;

-- 自开工累计: each earlier year's last reported year-to-date, plus this year's.
CREATE OR REPLACE FUNCTION il_since_start(project bigint, report_year bigint, report_month bigint)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN project IS NULL THEN 0::bigint ELSE
    il_ytd(project, report_year, report_month)
    + COALESCE((SELECT sum(e.ytd) FROM (SELECT DISTINCT ON (g.year) g.completed_ytd AS ytd FROM progress g
                                        WHERE g.project_id = project AND g.year < report_year
                                        ORDER BY g.year, g.month DESC) e), 0)::bigint END
$$;

CREATE OR REPLACE FUNCTION il_renovation_latest_month(renovation bigint, report_year bigint, report_month bigint)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT g.month FROM renovation_progress g
  WHERE g.renovation_id = renovation AND g.year = report_year AND g.month <= report_month
  ORDER BY g.month DESC LIMIT 1
$$;

CREATE OR REPLACE FUNCTION il_renovation_ytd(renovation bigint, report_year bigint, report_month bigint)
RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT COALESCE((SELECT g.completed_ytd FROM renovation_progress g
                   WHERE g.renovation_id = renovation AND g.year = report_year AND g.month <= report_month
                   ORDER BY g.month DESC LIMIT 1), 0)
$$;

-- core/stats/warning_lights.cpp parse_points: '10', '12.5', ' 7.25 ' percentage points -> basis
-- points; anything else is refused with WarnThresholds::from_settings' message.
CREATE OR REPLACE FUNCTION il_parse_points(setting text, value text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  m text[] := regexp_match(value, '^[ \t\n\r\f\v]*([0-9]+)(?:\.([0-9]{0,2}))?[ \t\n\r\f\v]*$');
  bp numeric;
BEGIN
  IF m IS NOT NULL THEN
    IF m[1]::numeric <= 100 THEN
      bp := m[1]::numeric * 100 + CASE length(COALESCE(m[2], '')) WHEN 0 THEN 0
                                                                 WHEN 1 THEN m[2]::numeric * 10
                                                                 ELSE m[2]::numeric END;
      IF bp <= 10000 THEN RETURN bp; END IF;
    END IF;
  END IF;
  RAISE EXCEPTION '设置 % 的值“%”无效：应为 0-100 之间的百分点数（最多两位小数）', setting, value;
END $$;

-- WarnThresholds::from_settings: {yellow_bp, red_bp, not_started_red_months}, the defaults where
-- a setting is absent, the same refusals (std::stoi's leading blanks and sign included).
CREATE OR REPLACE FUNCTION il_warn_thresholds() RETURNS integer[]
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  yellow integer := @YELLOW@;
  red integer := @RED@;
  months integer := @MONTHS@;
  v text;
BEGIN
  SELECT s.value INTO v FROM settings s WHERE s.key = 'warn_yellow_points';
  IF FOUND THEN yellow := il_parse_points('warn_yellow_points', v); END IF;
  SELECT s.value INTO v FROM settings s WHERE s.key = 'warn_red_points';
  IF FOUND THEN red := il_parse_points('warn_red_points', v); END IF;
  SELECT s.value INTO v FROM settings s WHERE s.key = 'warn_not_started_red_months';
  IF FOUND THEN
    months := -1;
    IF v ~ '^[ \t\n\r\f\v]*[+-]?[0-9]+$' THEN
      IF regexp_replace(v, '^[ \t\n\r\f\v]+', '')::numeric BETWEEN 0 AND 120 THEN
        months := regexp_replace(v, '^[ \t\n\r\f\v]+', '')::numeric;
      END IF;
    END IF;
    IF months < 0 THEN
      RAISE EXCEPTION '设置 warn_not_started_red_months 的值“%”无效：应为 0-120 之间的整数月数', v;
    END IF;
  END IF;
  IF red < yellow THEN
    RAISE EXCEPTION '设置 warn_red_points（%）不能小于 warn_yellow_points（%）', red / 100, yellow / 100;
  END IF;
  RETURN ARRAY[yellow, red, months];
END $$;

-- core/stats/ratio.cpp scaled_round: round(num * scale / den) half away from zero, exactly
-- (div is numeric's exact integer quotient; 0 over a zero denominator).
CREATE OR REPLACE FUNCTION il_scaled_round(num numeric, den numeric, scale numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN den = 0 THEN 0
              ELSE sign(num * scale) * sign(den) * div(2 * abs(num * scale) + abs(den), 2 * abs(den)) END
$$;

-- Ratio::percent_text: '56.8%' with `decimals` (0..4) digits, '—' over zero.
CREATE OR REPLACE FUNCTION il_percent_text(num numeric, den numeric, decimals integer) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN den = 0 THEN '—' ELSE
    (SELECT CASE WHEN v < 0 THEN '-' ELSE '' END || trunc(div(abs(v), unit))::text
            || CASE WHEN d > 0 THEN '.' || lpad(trunc(mod(abs(v), unit))::text, d, '0') ELSE '' END || '%'
     FROM (SELECT d, unit, il_scaled_round(num, den, 100 * unit) AS v
           FROM (SELECT d, ('1' || repeat('0', d))::numeric AS unit
                 FROM (SELECT LEAST(GREATEST(decimals, 0), 4) AS d) a) b) c) END
$$;

-- warning_lights.cpp points_text: basis points -> '12.3' percentage points (tenths rounded half
-- away from zero; div truncates toward zero like C++'s integer division).
CREATE OR REPLACE FUNCTION il_points_text(bp numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN t < 0 THEN '-' ELSE '' END || trunc(div(abs(t), 10))::text || '.' || trunc(mod(abs(t), 10))::text
  FROM (SELECT div(bp + CASE WHEN bp >= 0 THEN 5 ELSE -5 END, 10) AS t) s
$$;

-- warning_lights.cpp evaluate_light: {light, reason}. The thresholds are read (and a malformed
-- setting refused) at every call, as SQLite's report reads them before its first statement.
CREATE OR REPLACE FUNCTION il_light_eval(stage text, planned_start text, actual_start text, plan bigint,
                                         completed bigint, period text)
RETURNS text[] LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  t integer[] := il_warn_thresholds();
  p integer := il_period(period, 'il_light');
  s text := COALESCE(stage, '');
  pl numeric := COALESCE(plan, 0);
  done numeric := COALESCE(completed, 0);
  m integer := p % 12 + 1;
  started integer;
  planned integer;
  late integer;
  gap numeric;
  light text;
BEGIN
  IF s = '取消' THEN RETURN ARRAY['', '']; END IF;
  IF s IN ('竣工', '投产') THEN RETURN ARRAY['绿灯', '']; END IF;
  IF s = '停缓建' THEN RETURN ARRAY['红灯', '停缓建']; END IF;
  started := il_month_of(actual_start);
  IF started IS NULL OR started > p THEN
    planned := il_month_of(planned_start);
    IF planned IS NULL OR planned > p THEN RETURN ARRAY['', '']; END IF;  -- not due yet
    late := p - planned;
    IF late >= t[3] THEN
      RETURN ARRAY['红灯', '计划' || (planned / 12) || '年' || (planned % 12 + 1) || '月开工，逾期' || late || '个月未开工'];
    END IF;
    RETURN ARRAY['黄灯', '计划' || (planned / 12) || '年' || (planned % 12 + 1) || '月开工，尚未开工'];
  END IF;
  IF pl <= 0 THEN RETURN ARRAY['', '']; END IF;  -- no plan for the year: nothing to measure against
  -- behind >= threshold  <=>  10000 * (N*plan - 12*done) >= threshold_bp * 12 * plan   (plan > 0)
  gap := 10000 * (m * pl - 12 * done);
  IF gap > t[2] * 12 * pl THEN
    light := '红灯';
  ELSIF gap >= t[1] * 12 * pl AND gap > 0 THEN
    light := '黄灯';
  ELSE
    RETURN ARRAY['绿灯', ''];
  END IF;
  RETURN ARRAY[light, '完成年度计划' || il_percent_text(done, pl, 1) || '，落后序时进度'
                      || il_points_text(il_scaled_round(m * pl - 12 * done, 12 * pl, 10000)) || '个百分点'];
END $$;

CREATE OR REPLACE FUNCTION il_light(stage text, planned_start text, actual_start text, plan bigint, completed bigint,
                                    period text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (il_light_eval(stage, planned_start, actual_start, plan, completed, period))[1]
$$;

CREATE OR REPLACE FUNCTION il_light_reason(stage text, planned_start text, actual_start text, plan bigint,
                                           completed bigint, period text)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (il_light_eval(stage, planned_start, actual_start, plan, completed, period))[2]
$$;

-- SQLite's instr(X, Y) (the lists' search): the 1-based position of Y in X, 0 when absent.
CREATE OR REPLACE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS 'SELECT strpos($1, $2)';

-- SQLite's group_concat(X, Y): the non-NULL values in the order they come, Y between them; NULL
-- when there are none. (string_agg's own state is `internal`, which only a superuser may use.)
CREATE OR REPLACE FUNCTION il_group_concat_step(acc text, value text, sep text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN acc WHEN acc IS NULL THEN value ELSE acc || COALESCE(sep, '') || value END
$$;
CREATE OR REPLACE AGGREGATE group_concat(text, text) (SFUNC = il_group_concat_step, STYPE = text);

-- SUM over a comparison or il_counts_in_year: SQLite adds its 0/1. NULL when nothing was added.
CREATE OR REPLACE FUNCTION il_sum_boolean_step(total bigint, value boolean) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN total ELSE COALESCE(total, 0) + value::integer END
$$;
CREATE OR REPLACE AGGREGATE sum(boolean) (SFUNC = il_sum_boolean_step, STYPE = bigint,
                                          COMBINEFUNC = pg_catalog.int8pl, PARALLEL = SAFE);

-- `il_counts_in_year(…) = 1`: a truth value against SQLite's 1 and 0.
CREATE OR REPLACE FUNCTION il_boolean_eq_bigint(a boolean, b bigint) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT a::integer = b $$;
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_operator WHERE oprname = '=' AND oprleft = 'boolean'::regtype
                 AND oprright = 'bigint'::regtype AND oprnamespace = current_schema()::regnamespace) THEN
    CREATE OPERATOR = (LEFTARG = boolean, RIGHTARG = bigint, FUNCTION = il_boolean_eq_bigint);
  END IF;
END $$;
)SQL";

void replace_all(std::string& s, const std::string& what, const std::string& with) {
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) s.replace(at, what.size(), with);
}

}  // namespace

std::string server_functions_sql() {
    // the defaults from the one place that defines them
    const stats::WarnThresholds defaults;
    std::string sql = kFunctions;
    replace_all(sql, "@YELLOW@", std::to_string(defaults.yellow_bp));
    replace_all(sql, "@RED@", std::to_string(defaults.red_bp));
    replace_all(sql, "@MONTHS@", std::to_string(defaults.not_started_red_months));
    return sql;
}

}  // namespace il::db::storage
