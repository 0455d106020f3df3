// Report templates' SQL on a PostgreSQL server (issue 14): the demo ledger in SQLite and the same
// ledger copied to the server (tests/pg/with_cluster.sh), every shipped template's every query
// run on both for several periods and scopes, the rows compared value by value; the server's
// il_* functions checked against the C++ rules they restate (core/stats) on a grid of inputs.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/db/storage/ledger_copy.h"
#include "core/db/storage/named_params.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_functions.h"
#include "core/db/storage/server_schema.h"
#include "core/db/storage/sqlite_connection.h"
#include "core/demo/demo_generator.h"
#include "core/report/report_generator.h"
#include "core/report/sql_query.h"
#include "core/report/template_catalog.h"
#include "core/stats/sql_functions.h"
#include "core/stats/stage_at.h"
#include "core/stats/warning_lights.h"
#include "core/util/error.h"

namespace st = il::db::storage;
namespace rp = il::report;

namespace {

// Its own schema: the other tests of this binary use the same database (and one of them
// replaces the public schema).
constexpr const char* kSchema = "il_report_sql_test";

std::unique_ptr<st::Connection> connect_to_schema() {
    const char* url = std::getenv("IL_TEST_PG_URL");
    REQUIRE_MESSAGE(url != nullptr, "run through tests/pg/with_cluster.sh (IL_TEST_PG_URL not set)");
    auto c = st::connect_postgresql(url);
    c->exec(std::string("SET search_path TO ") + kSchema);
    return c;
}

// The demo ledger (1100 projects: enough for SQLite's functions to load every project's figures
// in one pass, kLookupsBeforeLoad), thresholds other than the defaults, and one project whose
// three open problems make the 存在问题 cell (group_concat, in recorded order), then the same on
// the server.
struct Ledgers {
    std::unique_ptr<il::db::Database> local;
    std::unique_ptr<st::Connection> server;
    std::string region, zone;       // the scopes besides the whole ledger
    std::int64_t problem_project = 0;
};

Ledgers make_ledgers() {
    Ledgers l;
    l.local = il::db::Database::open_memory("tester");
    // registers the SQLite functions now: their registry (a function-local static) must be made
    // before this static ledger is complete, to be destroyed after it closes the connection
    il::stats::register_sql_functions(*l.local, {});
    il::demo::DemoOptions o;
    o.renovations = 150;
    o.deals = 120;
    o.seed = 20170614;
    il::demo::generate(*l.local, o);
    il::stats::WarnThresholds t;
    t.yellow_bp = 750;  // 7.5 points
    t.red_bp = 2550;
    t.not_started_red_months = 2;
    t.save(*l.local);
    SQLite::Database& db = l.local->sql();
    l.region = db.execAndGet("SELECT r.name FROM regions r JOIN projects p ON p.region_id = r.id GROUP BY r.id "
                             "ORDER BY count(*) DESC, r.id LIMIT 1").getString();
    l.zone = db.execAndGet("SELECT z.name FROM zones z JOIN projects p ON p.zone_id = z.id GROUP BY z.id "
                           "ORDER BY count(*) DESC, z.id LIMIT 1").getString();
    // a project that counts in 2017 and has figures in June, its month's 存在问题 empty (so the
    // open problems show), three open problems recorded out of alphabetical order, one closed
    l.problem_project = db.execAndGet("SELECT p.id FROM projects p JOIN progress g ON g.project_id = p.id "
                                      "WHERE g.year = 2017 AND g.month = 6 AND p.stage IN ('续建', '新开工') "
                                      "ORDER BY p.id LIMIT 1").getInt64();
    const std::string id = std::to_string(l.problem_project);
    db.exec("UPDATE progress SET problems = '' WHERE project_id = " + id);
    db.exec("DELETE FROM problems WHERE project_id = " + id);
    int n = 0;
    for (const char* status_and_text : {"'交办', '乙：征地未完成'", "'销号', '丙：已解决'", "'督办', '甲：环评待批'", "'交办', '丁：资金缺口'"})
        db.exec("INSERT INTO problems(uid, project_id, status, description, created_at, updated_at) VALUES ('pgtest-" +
                std::to_string(++n) + "', " + id + ", " + status_and_text + ", '2017-06-01T00:00:00', '2017-06-01T00:00:00')");

    l.server = connect_to_schema();
    l.server->exec(std::string("DROP SCHEMA IF EXISTS ") + kSchema + " CASCADE; CREATE SCHEMA " + kSchema);
    st::create_server_schema(*l.server);
    st::SqliteConnection from(db);
    il::NullProgress none;
    st::copy_ledger(from, *l.server, none);
    return l;
}

Ledgers& ledgers() {
    static Ledgers l = make_ledgers();
    return l;
}

st::SqlValue to_storage(const rp::SqlValue& v) {
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    return std::monostate{};
}

struct Rows {
    std::vector<std::string> columns;
    std::vector<std::vector<st::SqlValue>> rows;
};

Rows run_on_server(st::Connection& c, const std::string& sql, const rp::SqlParams& params, const std::string& label) {
    std::map<std::string, st::SqlValue> named;
    for (const auto& [k, v] : params) named[k] = to_storage(v);
    const st::PositionalQuery q = st::to_positional_params(sql, named, label);
    auto s = c.prepare(q.sql);
    for (std::size_t i = 0; i < q.values.size(); ++i) s->bind(static_cast<int>(i + 1), q.values[i]);
    Rows out;
    while (s->step()) {
        if (out.columns.empty())
            for (int col = 0; col < s->column_count(); ++col) out.columns.push_back(s->column_name(col));
        std::vector<st::SqlValue> row;
        for (int col = 0; col < s->column_count(); ++col) row.push_back(s->value(col));
        out.rows.push_back(std::move(row));
    }
    return out;
}

std::string shown(const st::SqlValue& v) {
    if (std::holds_alternative<std::monostate>(v)) return "NULL";
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i) + " (integer)";
    if (auto* d = std::get_if<double>(&v)) {
        std::ostringstream o;
        o.precision(17);
        o << *d << " (real)";
        return o.str();
    }
    if (auto* s = std::get_if<std::string>(&v)) return "'" + *s + "'";
    return "(blob)";
}

struct Tally {
    std::size_t rows = 0, cells = 0;
    std::size_t integers_as_numeric = 0;  // SQLite integer, server numeric (SUM over bigint): equal values
    std::vector<std::string> differences;
};

// Integers equal; a real within 1e-9; text equal; NULL only against NULL. An integer from SQLite
// may come back from the server as a whole-number real: SUM over bigint is numeric there, and
// the storage layer reads numeric as a double (sheet_values takes a whole double for an integer
// column).
bool same_value(const st::SqlValue& a, const st::SqlValue& b, Tally& tally) {
    if (a.index() == b.index()) {
        if (auto* x = std::get_if<double>(&a)) return std::fabs(*x - std::get<double>(b)) <= 1e-9;
        return a == b;
    }
    const auto* i = std::get_if<std::int64_t>(&a);
    const auto* d = std::get_if<double>(&b);
    if (i && d && std::fabs(*d) < 9e15 && static_cast<double>(*i) == *d) {
        ++tally.integers_as_numeric;
        return true;
    }
    return false;
}

void compare(const rp::ResultTable& lite, const Rows& pg, const std::string& label, Tally& tally) {
    auto differ = [&](const std::string& what) { tally.differences.push_back(label + ": " + what); };
    if (lite.rows.size() != pg.rows.size()) {
        differ(std::to_string(lite.rows.size()) + " rows on SQLite, " + std::to_string(pg.rows.size()) + " on the server");
        return;
    }
    if (!pg.rows.empty() && lite.columns != pg.columns) return differ("the columns differ");
    for (std::size_t r = 0; r < lite.rows.size(); ++r) {
        ++tally.rows;
        for (std::size_t c = 0; c < lite.columns.size(); ++c) {
            ++tally.cells;
            const st::SqlValue a = to_storage(lite.rows[r][c]);
            if (!same_value(a, pg.rows[r][c], tally))
                differ("row " + std::to_string(r + 1) + " column " + lite.columns[c] + ": SQLite " + shown(a) + ", server " +
                       shown(pg.rows[r][c]));
        }
    }
}

struct Run {
    il::Period period;
    std::string scope;
};

// Every shipped template query, for each run, on both engines.
Tally compare_templates(const std::vector<Run>& runs, std::size_t* queries = nullptr, st::Connection* server = nullptr) {
    Ledgers& l = ledgers();
    if (!server) server = l.server.get();
    rp::TemplateCatalog catalog({std::filesystem::path(IL_TEMPLATES_DIR)});
    Tally tally;
    std::size_t n = 0;
    for (const auto& entry : catalog.entries()) {
        REQUIRE_MESSAGE(entry.error.empty(), entry.error);
        const rp::TemplateDef t = catalog.load(entry.folder.string());
        for (const auto& sheet : t.sheets)
            for (const Run& run : runs) {
                const std::string label = t.id + "/" + sheet.query_file + " " + run.period.key() + " " +
                                          (run.scope.empty() ? "全市" : run.scope);
                const rp::SqlParams params = rp::report_params(*l.local, run.period, run.scope);
                const rp::ResultTable lite = rp::run_read_only_query(l.local->sql(), sheet.sql, params, label);
                Rows pg;
                try {
                    pg = run_on_server(*server, sheet.sql, params, label);
                } catch (const std::exception& e) {
                    tally.differences.push_back(label + ": the server refused it: " + e.what());
                    continue;
                }
                compare(lite, pg, label, tally);
                ++n;
            }
    }
    if (queries) *queries = n;
    return tally;
}

void report_differences(const Tally& tally) {
    std::size_t shown_count = 0;
    for (const auto& d : tally.differences) {
        if (++shown_count > 25) break;
        CHECK_MESSAGE(false, d);
    }
    CHECK(tally.differences.empty());
}

std::vector<Run> all_runs() {
    const Ledgers& l = ledgers();
    std::vector<Run> runs;
    for (il::Period p : {il::Period{2017, 6}, il::Period{2017, 12}, il::Period{2017, 1}, il::Period{2016, 9}})
        for (const std::string& scope : {std::string(), l.region, l.zone}) runs.push_back({p, scope});
    return runs;
}

}  // namespace

TEST_CASE("report SQL on the server: every template query gives SQLite's rows, value for value") {
    Ledgers& l = ledgers();
    std::size_t queries = 0;
    const Tally tally = compare_templates(all_runs(), &queries);
    MESSAGE(queries << " queries, " << tally.rows << " rows, " << tally.cells << " values compared ("
                    << tally.integers_as_numeric << " integers came back as numeric sums)");
    report_differences(tally);
    CHECK(queries >= 12 * 12);   // 12 query files, 4 periods x 3 scopes
    CHECK(tally.rows > 2000);    // the ledger is what the comparison needs: rows, not empty tables

    // what the comparison must have seen to mean anything: lights of both colours, the open
    // problems joined in the order they were recorded, a 自开工累计 beyond this year's figure
    const rp::SqlParams june = rp::report_params(*l.local, {2017, 6}, "");
    auto count = [&](const std::string& sql) {
        return l.local->sql().execAndGet(sql).getInt64();
    };
    rp::TemplateCatalog catalog({std::filesystem::path(IL_TEMPLATES_DIR)});
    const auto warnings = rp::run_read_only_query(l.local->sql(), catalog.load("07-warnings").sheets.at(0).sql, june, "warnings");
    std::set<std::string> lights;
    for (const auto& row : warnings.rows) lights.insert(std::get<std::string>(row.at(0)));
    CHECK(lights == std::set<std::string>{"红灯", "黄灯"});
    const auto projects = rp::run_read_only_query(l.local->sql(), catalog.load("01-projects").sheets.at(0).sql, june, "rows");
    const int problems = projects.column_index("problems");
    bool joined = false;
    for (const auto& row : projects.rows)
        if (std::get<std::string>(row.at(static_cast<std::size_t>(problems))) == "乙：征地未完成；甲：环评待批；丁：资金缺口") joined = true;
    CHECK(joined);
    CHECK(count("SELECT count(*) FROM projects WHERE il_since_start(id, 2017, 6) > il_ytd(id, 2017, 6)") > 100);
    CHECK(count("SELECT count(*) FROM projects WHERE il_stage_at(stage, actual_start, actual_completion, '2017-06') "
                "<> stage") > 10);
}

TEST_CASE("report SQL on the server: a wrong function or other thresholds on the server are seen") {
    Ledgers& l = ledgers();
    const std::vector<Run> june{{{2017, 6}, ""}};
    // il_ytd giving the month's figure instead of 1-N月
    l.server->exec("CREATE OR REPLACE FUNCTION il_ytd(project bigint, report_year bigint, report_month bigint) "
                   "RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT COALESCE((SELECT g.completed_month FROM progress g "
                   "WHERE g.project_id = project AND g.year = report_year AND g.month <= report_month "
                   "ORDER BY g.month DESC LIMIT 1), 0) $$");
    CHECK(compare_templates(june).differences.size() > 10);
    // il_stage_at ignoring the period (today's stage)
    l.server->exec(st::server_functions_sql());
    l.server->exec("CREATE OR REPLACE FUNCTION il_stage_at(stage text, actual_start text, actual_completion text, period text) "
                   "RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT COALESCE(stage, '') $$");
    CHECK(compare_templates(june).differences.size() > 10);
    l.server->exec(st::server_functions_sql());
    // the server's lights follow its settings table (the yellow threshold doubled there only)
    l.server->exec("UPDATE settings SET value = '15.00' WHERE key = 'warn_yellow_points'");
    const Tally other = compare_templates(june);
    CHECK_FALSE(other.differences.empty());
    for (const auto& d : other.differences) CHECK_MESSAGE(d.find("07-warnings") == 0, d);
    l.server->exec("UPDATE settings SET value = '7.50' WHERE key = 'warn_yellow_points'");
    CHECK(compare_templates(june).differences.empty());
}

TEST_CASE("report SQL on the server: a database made with a Chinese locale orders rows as SQLite does") {
    Ledgers& l = ledgers();
    const std::string url = std::getenv("IL_TEST_PG_URL");
    auto admin = st::connect_postgresql(url);
    admin->exec("DROP DATABASE IF EXISTS il_test_zh");
    admin->exec("CREATE DATABASE il_test_zh TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'zh' "
                "LOCALE 'C.UTF-8'");
    {
        auto zh = st::connect_postgresql(url.substr(0, url.rfind('/')) + "/il_test_zh");
        // the database's own order is by pinyin (甲 jiǎ before 乙 yǐ); SQLite's by code point
        auto order = zh->prepare("SELECT '甲' < '乙', '甲' < '乙' COLLATE \"C\"");
        REQUIRE(order->step());
        REQUIRE(order->i64(0) == 1);
        REQUIRE(order->i64(1) == 0);
        st::create_server_schema(*zh);
        st::SqliteConnection from(l.local->sql());
        il::NullProgress none;
        st::copy_ledger(from, *zh, none);
        report_differences(compare_templates({{{2017, 6}, ""}, {{2016, 12}, l.region}}, nullptr, zh.get()));
    }
    admin->exec("DROP DATABASE il_test_zh");
}

TEST_CASE("report SQL on the server: il_stage_at and il_counts_in_year are stage_at and counts_in_year") {
    auto& server = *ledgers().server;
    const std::vector<std::string> stages{"谋划", "前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消", ""};
    const std::vector<std::optional<std::string>> dates{std::nullopt, std::string(""), std::string("2016-03-15"),
                                                        std::string("2017-01"), std::string("2017-06-30"),
                                                        std::string("2017-07-01"), std::string("2018-02"),
                                                        std::string("二〇一七年"), std::string("2017-13-01"),
                                                        std::string("2017/06/01")};
    auto q = server.prepare("SELECT il_stage_at(?, ?, ?, ?), il_counts_in_year(?, ?, ?)");
    auto opt = [](const std::optional<std::string>& d) { return d ? st::SqlValue(*d) : st::SqlValue(std::monostate{}); };
    int checked = 0;
    for (const auto& stage : stages)
        for (const auto& start : dates)
            for (const auto& done : dates)
                for (const il::Period period : {il::Period{2017, 6}, il::Period{2017, 1}, il::Period{2016, 12}}) {
                    q->reset();
                    q->bind(1, stage);
                    q->bind(2, opt(start));
                    q->bind(3, opt(done));
                    q->bind(4, period.key());
                    q->bind(5, stage);
                    q->bind(6, opt(done));
                    q->bind(7, std::int64_t{period.year});
                    REQUIRE(q->step());
                    CAPTURE(stage);
                    CAPTURE(start.value_or("NULL"));
                    CAPTURE(done.value_or("NULL"));
                    CAPTURE(period.key());
                    CHECK(q->text(0) == il::stats::stage_at(stage, start, done, period));
                    CHECK((q->i64(1) == 1) == il::stats::counts_in_year(stage, done, period.year));
                    ++checked;
                }
    CHECK(checked == 9 * 10 * 10 * 3);
    // NULL arguments as SQLite's functions take them; a period that is not one is refused
    const std::string nulls = "SELECT il_stage_at(NULL, NULL, NULL, '2017-06') AS a, il_counts_in_year(NULL, NULL, 2017) AS b, "
                              "il_latest_month(NULL, 2017, 6) AS c, il_ytd(NULL, 2017, 6) AS d, il_since_start(NULL, 2017, 6) AS e, "
                              "il_renovation_latest_month(NULL, 2017, 6) AS f, il_renovation_ytd(NULL, 2017, 6) AS g, "
                              "il_light(NULL, NULL, NULL, NULL, NULL, '2017-06') AS h, "
                              "il_light_reason(NULL, NULL, NULL, NULL, NULL, '2017-06') AS i";
    Tally tally;
    compare(rp::run_read_only_query(ledgers().local->sql(), nulls, {}, "nulls"), run_on_server(server, nulls, {}, "nulls"),
            "NULL arguments", tally);
    report_differences(tally);
    CHECK_THROWS_WITH_AS(server.exec("SELECT il_stage_at('续建', NULL, NULL, '2017年6月')"),
                         doctest::Contains("il_stage_at: the period must be 'YYYY-MM'"), il::DatabaseError);
    CHECK_THROWS_WITH_AS(server.exec("SELECT il_light_reason('续建', NULL, NULL, 0, 0, '')"),
                         doctest::Contains("il_light: the period must be 'YYYY-MM'"), il::DatabaseError);
}

TEST_CASE("report SQL on the server: il_light and il_light_reason are evaluate_light with the settings' thresholds") {
    Ledgers& l = ledgers();
    auto& server = *l.server;
    const il::stats::WarnThresholds t = il::stats::WarnThresholds::from_settings(*l.local);
    REQUIRE(t.yellow_bp == 750);  // the ledger's, not the defaults
    const std::vector<std::string> stages{"前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消", "谋划", ""};
    const std::vector<std::optional<std::string>> dates{std::nullopt, std::string("2016-11-20"), std::string("2017-04"),
                                                        std::string("2017-05-31"), std::string("2017-06"),
                                                        std::string("2017-09"), std::string("bad")};
    // around the thresholds at June (plan 1200: yellow from done 510 down, red below 300 at 25.5
    // points: 297), rounding of the reason's percentages, nothing done, more than planned, negative
    const std::vector<std::pair<std::int64_t, std::int64_t>> figures{
        {0, 0}, {1200, 600}, {1200, 511}, {1200, 510}, {1200, 298}, {1200, 297}, {1200, 1}, {1200, -6},
        {1200, 1300}, {-5, 3}, {987654321987LL, 12345678901LL}, {3, 1}};
    auto q = server.prepare("SELECT il_light(?, ?, ?, ?, ?, ?), il_light_reason(?, ?, ?, ?, ?, ?)");
    auto opt = [](const std::optional<std::string>& d) { return d ? st::SqlValue(*d) : st::SqlValue(std::monostate{}); };
    std::set<std::string> seen;
    for (const auto& stage : stages)
        for (const auto& planned : dates)
            for (const auto& started : dates)
                for (const auto& [plan, done] : figures)
                    for (const il::Period period : {il::Period{2017, 6}, il::Period{2017, 8}, il::Period{2017, 12}}) {
                        q->reset();
                        for (int base : {0, 6}) {
                            q->bind(base + 1, stage);
                            q->bind(base + 2, opt(planned));
                            q->bind(base + 3, opt(started));
                            q->bind(base + 4, plan);
                            q->bind(base + 5, done);
                            q->bind(base + 6, period.key());
                        }
                        REQUIRE(q->step());
                        il::stats::LightInput in{stage, planned, started, il::Money{plan}, il::Money{done}};
                        const il::stats::LightResult want = il::stats::evaluate_light(in, period, t);
                        CAPTURE(stage);
                        CAPTURE(planned.value_or("NULL"));
                        CAPTURE(started.value_or("NULL"));
                        CAPTURE(plan);
                        CAPTURE(done);
                        CAPTURE(period.key());
                        CHECK(q->text(0) == il::stats::light_name(want.light));
                        CHECK(q->text(1) == want.reason);
                        seen.insert(q->text(0) + (want.reason.find("逾期") != std::string::npos ? "逾期" : ""));
                    }
    CHECK(seen == std::set<std::string>{"", "绿灯", "黄灯", "红灯", "红灯逾期"});
}

TEST_CASE("report SQL on the server: a malformed threshold setting is refused with the desktop's message") {
    Ledgers& l = ledgers();
    for (const auto& [key, value] : {std::pair{"warn_yellow_points", "7.555"}, std::pair{"warn_red_points", "101"},
                                     std::pair{"warn_not_started_red_months", "3个月"},
                                     std::pair{"warn_red_points", "5"}}) {
        CAPTURE(key);
        CAPTURE(value);
        std::string desktop;
        {
            SQLite::Transaction undo(l.local->sql());  // rolled back
            l.local->set_setting(key, value);
            try {
                il::stats::WarnThresholds::from_settings(*l.local);
            } catch (const il::ValidationError& e) {
                desktop = e.what();
            }
        }
        REQUIRE_FALSE(desktop.empty());
        st::Transaction undo(*l.server);  // rolled back
        auto set = l.server->prepare("UPDATE settings SET value = ? WHERE key = ?");
        set->bind(1, std::string(value));
        set->bind(2, std::string(key));
        set->step();
        REQUIRE(set->changes() == 1);
        CHECK_THROWS_WITH_AS(l.server->exec("SELECT il_light('续建', NULL, '2017-01', 1200, 600, '2017-06')"),
                             doctest::Contains(desktop.c_str()), il::DatabaseError);
    }
    // months as std::stoi reads them: leading blanks and a sign
    st::Transaction undo(*l.server);
    l.server->exec("UPDATE settings SET value = ' +0' WHERE key = 'warn_not_started_red_months'");
    auto light = l.server->prepare("SELECT il_light('前期', '2017-06', NULL, 0, 0, '2017-06')");
    REQUIRE(light->step());
    CHECK(light->text(0) == "红灯");
}

TEST_CASE("named template parameters become typed positional ones") {
    const std::map<std::string, st::SqlValue> p{{"year", std::int64_t{2017}}, {"tp", 0.5}, {"period", std::string("2017-06")},
                                                {"scope", std::monostate{}}};
    const auto q = st::to_positional_params(
        "SELECT :year || '-01', @tp, $period -- :not_a_parameter\n, ':year', \":x\", x::text /* :year */ "
        "WHERE :scope IS NULL OR id = :scope",
        p, "t.sql");
    CHECK(q.sql ==
          "SELECT CAST(? AS bigint) || '-01', CAST(? AS double precision), CAST(? AS text) -- :not_a_parameter\n, ':year', "
          "\":x\", x::text /* :year */ WHERE CAST(? AS bigint) IS NULL OR id = CAST(? AS bigint)");
    CHECK(q.values == std::vector<st::SqlValue>{std::int64_t{2017}, 0.5, std::string("2017-06"), std::monostate{}, std::monostate{}});
    CHECK_THROWS_WITH_AS(st::to_positional_params("SELECT :yaer", p, "t.sql"), doctest::Contains("未知参数 :yaer"),
                         il::TemplateError);
    CHECK_THROWS_AS(st::to_positional_params("SELECT ?", p, "t.sql"), il::TemplateError);
}
