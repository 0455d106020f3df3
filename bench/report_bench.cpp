// report_bench: how long reports take (a program to run by hand or by scripts/bench.sh, not a
// timed test).
//  1. The whole standard set for the demo city (1,100 projects, two years of months).
//  2. For a big ledger (100,000 projects by default, or the ledger file --db): the project
//     progress report through the engine against libxlsxwriter alone writing the same cells
//     (same values, same formats, no query, no layout), with the ratios; the pre-report checks
//     and the query are timed on their own and taken out of the second ratio.
//  3. --checks-only (with --db FILE): the pre-report checks alone, the whole area and the scope
//     --scope NAME (default: the first region), then exits.
//  4. --queries (with --db FILE): each query of the standard set on its own, in the set's order
//     on one connection (as the report set runs them: the first fills the progress facts the
//     later ones reuse), then exits. --sql FILE: that statement alone, with the same parameters.
// Usage: report_bench [--big N] [--runs R] [--out DIR] [--db FILE] [--skip-demo-city]
//                     [--checks-only [--scope NAME]] [--queries]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "core/db/database.h"
#include "core/demo/demo_generator.h"
#include "core/model/money.h"
#include "core/platform/paths.h"
#include "core/report/report_generator.h"
#include "core/report/sql_query.h"
#include "core/stats/report_checks.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
// Process CPU time: on a shared, loaded machine wall time says little; both are printed.
double cpu_now() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }
double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// libxlsxwriter alone: the cells of the project report (title, header, 合计, one 小计 per region,
// every row) with the same formats, values precomputed.
double write_raw(const il::report::ResultTable& t, const fs::path& file) {
    auto t0 = Clock::now();
    lxw_workbook_options wo{};
    wo.constant_memory = LXW_TRUE;  // as the engine writes
    lxw_workbook* wb = workbook_new_opt(file.string().c_str(), &wo);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "raw");
    lxw_format* text = workbook_add_format(wb);
    format_set_font_name(text, "宋体");
    format_set_border(text, LXW_BORDER_THIN);
    format_set_text_wrap(text);
    lxw_format* money = workbook_add_format(wb);
    format_set_font_name(money, "宋体");
    format_set_border(money, LXW_BORDER_THIN);
    format_set_num_format(money, "#,##0.00");
    lxw_format* pct = workbook_add_format(wb);
    format_set_font_name(pct, "宋体");
    format_set_border(pct, LXW_BORDER_THIN);
    format_set_num_format(pct, "0.0%");
    const std::size_t ncols = t.columns.size();
    std::vector<bool> is_money(ncols, false);
    for (std::size_t c = 0; c < ncols; ++c)
        is_money[c] = t.columns[c] == "total_investment" || t.columns[c] == "plan" || t.columns[c] == "ytd" ||
                      t.columns[c] == "since_start";
    worksheet_merge_range(ws, 0, 0, 0, 13, "title", text);
    for (lxw_col_t c = 0; c < 14; ++c) worksheet_write_string(ws, 2, c, "header", text);
    lxw_row_t row = 4;
    std::string group;
    for (const auto& r : t.rows) {
        const std::string& g = std::get<std::string>(r[0]);
        if (g != group) {  // a 小计 row
            group = g;
            worksheet_write_string(ws, row, 0, (g + "小计").c_str(), text);
            for (lxw_col_t c = 5; c < 10; ++c) worksheet_write_number(ws, row, c, 1.0, money);
            ++row;
        }
        lxw_col_t out = 0;
        worksheet_write_number(ws, row, out++, static_cast<double>(row), text);
        for (std::size_t c = 1; c < ncols; ++c, ++out) {
            const auto& v = r[c];
            if (auto* i = std::get_if<std::int64_t>(&v)) {
                double d = is_money[c] ? il::Money::from_fen(*i).wan_for_cell() : static_cast<double>(*i);
                worksheet_write_number(ws, row, out, d, money);
                if (t.columns[c] == "ytd") worksheet_write_number(ws, row, ++out, 0.5, pct);  // the rate column
            } else if (auto* s = std::get_if<std::string>(&v)) {
                worksheet_write_string(ws, row, out, s->c_str(), text);
            }
        }
        ++row;
    }
    lxw_error e = workbook_close(wb);
    if (e) std::fprintf(stderr, "libxlsxwriter: %s\n", lxw_strerror(e));
    return since(t0);
}
}  // namespace

int main(int argc, char** argv) {
    int big = 100000, runs = 5;
    bool demo_city = true, checks_only = false, queries_only = false;
    std::string scope;
    fs::path out = fs::temp_directory_path() / "il_report_bench", db_file, sql_file;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--skip-demo-city")) { demo_city = false; continue; }
        if (!std::strcmp(argv[i], "--checks-only")) { checks_only = true; continue; }
        if (!std::strcmp(argv[i], "--queries")) { queries_only = true; continue; }
        if (!std::strcmp(argv[i], "--sql") && i + 1 < argc) { queries_only = true; sql_file = argv[++i]; continue; }
        if (i + 1 >= argc) break;
        if (!std::strcmp(argv[i], "--big")) big = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs")) runs = std::max(1, std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--out")) out = argv[++i];
        else if (!std::strcmp(argv[i], "--db")) db_file = argv[++i];
        else if (!std::strcmp(argv[i], "--scope")) scope = argv[++i];
    }
    if (checks_only) {
        if (db_file.empty()) {
            std::fprintf(stderr, "--checks-only needs --db FILE\n");
            return 2;
        }
        il::db::OpenOptions o;
        o.auto_backup = false;
        o.user = "bench";
        auto db = il::db::Database::open(db_file, o);
        if (scope.empty()) {
            SQLite::Statement q(db->sql(), "SELECT name FROM regions ORDER BY sort_order, id LIMIT 1");
            if (q.executeStep()) scope = q.getColumn(0).getString();
        }
        for (const std::string& s : {std::string(), scope}) {
            std::vector<double> wall, cpu;
            std::size_t found = 0;
            for (int r = 0; r < runs; ++r) {
                auto t0 = Clock::now();
                double c0 = cpu_now();
                found = il::report::run_report_checks(*db, {2017, 6}, s).size();
                wall.push_back(since(t0));
                cpu.push_back(cpu_now() - c0);
            }
            std::printf("pre-report checks 2017-06, scope %s: median %.3f s wall, %.3f s CPU over %d runs (%zu findings)\n",
                        s.empty() ? "(all)" : s.c_str(), median(wall), median(cpu), runs, found);
        }
        return 0;
    }
    fs::create_directories(out);
    il::report::TemplateCatalog catalog({il::platform::templates_dir()});
    if (queries_only) {
        if (db_file.empty()) {
            std::fprintf(stderr, "--queries needs --db FILE\n");
            return 2;
        }
        il::db::OpenOptions o;
        o.auto_backup = false;
        o.user = "bench";
        auto db = il::db::Database::open(db_file, o);
        db->exec("PRAGMA cache_size = -131072");  // as generate_report sizes it for reporting
        if (std::getenv("TEMPX")) db->exec(std::getenv("TEMPX"));
        auto params = il::report::report_params(*db, {2017, 6}, scope);
        if (!sql_file.empty()) {  // one statement of one's own (a template being tuned), warm
            std::ifstream in(sql_file);
            std::string sql((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            for (int r = 0; r < runs + 1; ++r) {
                auto t0 = Clock::now();
                auto table = il::report::run_read_only_query(*db, sql, params, sql_file.string());
                std::printf("%s: %zu rows %.3f s%s\n", sql_file.string().c_str(), table.rows.size(), since(t0),
                            r == 0 ? " (first: fills the progress facts)" : "");
            }
            return 0;
        }
        double total = 0, total_cpu = 0;
        for (int r = 0; r < runs; ++r) {
            total = total_cpu = 0;
            std::printf("run %d:\n", r + 1);
            for (const auto& t : catalog.load_standard_set())
                for (const auto& sheet : t.sheets) {
                    auto t0 = Clock::now();
                    double c0 = cpu_now();
                    auto table = il::report::run_read_only_query(*db, sheet.sql, params, sheet.query_file);
                    double w = since(t0), c = cpu_now() - c0;
                    total += w;
                    total_cpu += c;
                    std::printf("  %-20s %-24s %7zu rows %.3f s wall %.3f s CPU\n", t.id.c_str(),
                                sheet.query_file.c_str(), table.rows.size(), w, c);
                }
            std::printf("  all queries: %.3f s wall, %.3f s CPU\n", total, total_cpu);
        }
        return 0;
    }

    // 1. The demo city, whole standard set.
    if (demo_city) {
        auto db = il::db::Database::open_memory("bench");
        auto t0 = Clock::now();
        il::demo::generate(*db, il::demo::DemoOptions{});
        std::printf("demo city generated in %.2f s\n", since(t0));
        std::vector<double> times, cpu;
        std::size_t rows = 0, sheets = 0;
        for (int r = 0; r < runs; ++r) {
            il::report::ReportRequest req;
            req.all = true;
            req.period = {2017, 6};
            req.out = out / "standard.xlsx";
            req.record = false;
            auto t1 = Clock::now();
            double c1 = cpu_now();
            auto res = il::report::generate_report(*db, catalog, req);
            times.push_back(since(t1));
            cpu.push_back(cpu_now() - c1);
            rows = 0;
            for (const auto& s : res.sheets) rows += s.data_rows;
            sheets = res.sheets.size();
        }
        std::printf("standard set, demo city (%zu sheets, %zu rows): median %.3f s wall (%.3f s CPU), best %.3f s over %d runs\n",
                    sheets, rows, median(times), median(cpu), *std::min_element(times.begin(), times.end()), runs);
    }

    // 2. A big ledger: engine against libxlsxwriter alone.
    {
        std::unique_ptr<il::db::Database> db;
        if (!db_file.empty()) {
            il::db::OpenOptions o;
            o.auto_backup = false;
            o.user = "bench";
            db = il::db::Database::open(db_file, o);
            std::printf("\nledger %s\n", db_file.string().c_str());
        } else {
            db = il::db::Database::open_memory("bench");
            il::demo::DemoOptions opt;
            opt.projects = big;
            opt.renovations = 10;
            opt.deals = 10;
            auto t0 = Clock::now();
            il::demo::generate(*db, opt);
            std::printf("\n%d projects generated in %.1f s\n", big, since(t0));
        }
        auto tpl = catalog.load("01-projects");
        auto params = il::report::report_params(*db, {2017, 6}, "");
        std::vector<double> engine, query, raw, checks, engine_cpu, query_cpu, raw_cpu, checks_cpu;
        il::report::ResultTable table;
        for (int r = 0; r < std::max(1, runs / 2); ++r) {
            auto t0 = Clock::now();
            double c0 = cpu_now();
            (void)il::report::run_report_checks(*db, {2017, 6}, "");
            checks.push_back(since(t0));
            checks_cpu.push_back(cpu_now() - c0);
            auto t1 = Clock::now();
            double c1 = cpu_now();
            table = il::report::run_read_only_query(db->sql(), tpl.sheets[0].sql, params, "rows.sql");
            query.push_back(since(t1));
            query_cpu.push_back(cpu_now() - c1);
            il::report::ReportRequest req;
            req.templates = {"01-projects"};
            req.period = {2017, 6};
            req.out = out / "big_engine.xlsx";
            req.record = false;
            auto t2 = Clock::now();
            double c2 = cpu_now();
            il::report::generate_report(*db, catalog, req);
            engine.push_back(since(t2));
            engine_cpu.push_back(cpu_now() - c2);
            double c3 = cpu_now();
            raw.push_back(write_raw(table, out / "big_raw.xlsx"));
            raw_cpu.push_back(cpu_now() - c3);
        }
        double e = median(engine), q = median(query), w = median(raw), k = median(checks);
        double ec = median(engine_cpu), qc = median(query_cpu), wc = median(raw_cpu), kc = median(checks_cpu);
        std::printf("project report, %zu rows x %zu columns:\n", table.rows.size(), tpl.sheets[0].columns.size());
        std::printf("                                            wall      CPU\n");
        std::printf("  engine (checks + query + layout + write): %.3f s  %.3f s\n", e, ec);
        std::printf("    of which the pre-report checks:        %.3f s  %.3f s\n", k, kc);
        std::printf("    of which the query alone:              %.3f s  %.3f s\n", q, qc);
        std::printf("  libxlsxwriter alone, same cells:          %.3f s  %.3f s\n", w, wc);
        std::printf("  ratio engine / libxlsxwriter:             %.2f      %.2f   (goal <= 1.3 for the report set)\n", e / w, ec / wc);
        std::printf("  ratio without checks and query:           %.2f      %.2f   (layout + writing only; goal ~1.0)\n",
                    (e - q - k) / w, (ec - qc - kc) / wc);
    }
    return 0;
}
