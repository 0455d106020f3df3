// Benchmark: import N (default 10,000) project rows from an .xlsx written like a county ledger
// (title, unit line, two-row header, 20 columns, figures per year and month), into a new ledger
// file. Prints the time of reading the file alone, of the whole import (read, plan, write in one
// transaction; wall and CPU time of each phase), and of importing the same file again (everything
// unchanged), with rows/s and the goal (< 1 s for 10,000 rows, < 10 s for 100,000), said "met" or
// "NOT met" for wall and for CPU time. Usage: import_bench [rows] (default 10000); BENCH_CACHE=n
// runs `PRAGMA cache_size = n` on the ledger first. A benchmark (bench/), not a test.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include <unistd.h>
#include <xlsxwriter.h>

#include "core/db/database.h"
#include "core/db/dictionary_seed.h"
#include "core/import/import_run.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
// CPU time of this process: on a loaded machine (CI, other builds) wall time says little.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

void write_ledger(const fs::path& file, int rows) {
    static const char* regions[] = {"广阳区", "安次区", "三河市", "霸州市", "香河县", "大厂回族自治县", "固安县", "永清县", "文安县", "大城县"};
    static const char* stages[] = {"前期", "新开工", "续建", "续建"};
    static const char* levels[] = {"省重点", "市重点", "县重点"};
    lxw_workbook* wb = workbook_new(file.string().c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "项目台账");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    worksheet_merge_range(ws, 0, 0, 0, 19, "廊坊市2017年1-6月亿元以上项目台账", nullptr);
    worksheet_write_string(ws, 1, 19, "单位：万元", nullptr);
    const char* single[] = {"序号", "项目代码", "项目名称", "建设单位", "所属县市区", "建设地点", "建设性质", "项目级别",
                            "建设阶段", "总投资", "计划开工时间", "计划竣工时间", "建设内容", "包联领导", "责任单位"};
    for (int c = 0; c < 15; ++c) worksheet_merge_range(ws, 2, static_cast<lxw_col_t>(c), 3, static_cast<lxw_col_t>(c), single[c], nullptr);
    worksheet_merge_range(ws, 2, 15, 2, 17, "2017年", nullptr);
    worksheet_write_string(ws, 3, 15, "计划投资", nullptr);
    worksheet_write_string(ws, 3, 16, "1-6月完成", nullptr);
    worksheet_write_string(ws, 3, 17, "本月完成", nullptr);
    worksheet_merge_range(ws, 2, 18, 3, 18, "形象进度", nullptr);
    worksheet_merge_range(ws, 2, 19, 3, 19, "存在问题", nullptr);
    char buf[128];
    for (int i = 0; i < rows; ++i) {
        auto r = static_cast<lxw_row_t>(4 + i);
        worksheet_write_number(ws, r, 0, i + 1, nullptr);
        std::snprintf(buf, sizeof buf, "2017-131000-47-03-%06d", i + 1);
        worksheet_write_string(ws, r, 1, buf, nullptr);
        std::snprintf(buf, sizeof buf, "测试项目%05d", i + 1);
        worksheet_write_string(ws, r, 2, buf, nullptr);
        std::snprintf(buf, sizeof buf, "测试建设单位%05d有限公司", i + 1);
        worksheet_write_string(ws, r, 3, buf, nullptr);
        worksheet_write_string(ws, r, 4, regions[i % 10], nullptr);
        worksheet_write_string(ws, r, 5, "某镇某村", nullptr);
        worksheet_write_string(ws, r, 6, "新建", nullptr);
        worksheet_write_string(ws, r, 7, levels[i % 3], nullptr);
        worksheet_write_string(ws, r, 8, stages[i % 4], nullptr);
        double total = 10000 + (i % 997) * 13.25;
        worksheet_write_number(ws, r, 9, total, nullptr);
        lxw_datetime start = {2016 + i % 2, 1 + i % 12, 1 + i % 28, 0, 0, 0};
        worksheet_write_datetime(ws, r, 10, &start, date);
        worksheet_write_string(ws, r, 11, "2019年12月", nullptr);
        worksheet_write_string(ws, r, 12, "建设厂房及配套设施，购置生产设备", nullptr);
        worksheet_write_string(ws, r, 13, "王某某（副县长）", nullptr);
        worksheet_write_string(ws, r, 14, "县发改局", nullptr);
        worksheet_write_number(ws, r, 15, total / 4, nullptr);
        bool started = i % 4 == 1 || i % 4 == 2 || i % 4 == 3;
        worksheet_write_number(ws, r, 16, started ? total / 10 : 0, nullptr);
        worksheet_write_number(ws, r, 17, started ? total / 50 : 0, nullptr);
        worksheet_write_string(ws, r, 18, started ? "主体施工" : "办理前期手续", nullptr);
        if (i % 7 == 0) worksheet_write_string(ws, r, 19, "用地指标待落实", nullptr);
    }
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("cannot write " + file.string());
}
}  // namespace

int main(int argc, char** argv) {
    int rows = argc > 1 ? std::atoi(argv[1]) : 10000;
    fs::path dir = fs::temp_directory_path() / ("il-import-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    try {
        fs::path xlsx = dir / "ledger.xlsx";
        auto t0 = Clock::now();
        write_ledger(xlsx, rows);
        std::printf("wrote %d rows to %s in %.3f s (%.1f MB)\n", rows, xlsx.c_str(), seconds_since(t0),
                    static_cast<double>(fs::file_size(xlsx)) / 1e6);

        t0 = Clock::now();
        auto wb = il::import::read_workbook(xlsx);
        double t_read = seconds_since(t0);

        auto db = il::db::Database::open(dir / "ledger.db");
        il::db::seed_dictionaries(*db, il::db::default_dictionaries_json());
        il::import::ImportOptions o;
        if (std::getenv("BENCH_CACHE")) db->sql().exec(std::string("PRAGMA cache_size = ") + std::getenv("BENCH_CACHE"));
        t0 = Clock::now();
        double c0 = cpu_seconds();
        auto wb1 = il::import::read_workbook(xlsx);
        double t1 = seconds_since(t0), c1 = cpu_seconds() - c0;
        il::import::ImportPlan plan = il::import::plan_import(*db, wb1, o);
        double t2 = seconds_since(t0), c2 = cpu_seconds() - c0;
        auto res = il::import::apply_import(*db, plan, o);
        double t_import = seconds_since(t0);
        double c_import = cpu_seconds() - c0;
        std::printf("  wall (read %.3f, plan %.3f, write %.3f)\n", t1, t2 - t1, t_import - t2);
        std::printf("  CPU  (read %.3f, plan %.3f, write %.3f)\n", c1, c2 - c1, c_import - c2);

        t0 = Clock::now();
        c0 = cpu_seconds();
        il::import::ImportPlan plan2;
        auto res2 = il::import::import_file(*db, xlsx, o, &plan2);
        double t_again = seconds_since(t0);
        double c_again = cpu_seconds() - c0;

        std::printf("read only:            %.3f s\n", t_read);
        std::printf("import (new records): %.3f s (CPU %.3f s)  new %d, rejected %d, written %s\n", t_import, c_import, res.added, res.rejected,
                    res.written ? "yes" : "no");
        std::printf("import again:         %.3f s (CPU %.3f s)  unchanged %d, updated %d\n", t_again, c_again, res2.unchanged, res2.updated);
        // The goals (issues 13 and 19): 10,000 rows in < 1 s, 100,000 in < 10 s, i.e. 10,000
        // rows/s; a smaller file has the 10,000-row goal. Judged on wall time (what the user
        // waits) and, because a shared machine's wall time says more about the other programs
        // than about this one, also on CPU time; both imports (new records, again) must be under it.
        const double goal = rows <= 10000 ? 1.0 : rows * 1e-4;
        std::printf("rows/s: %.0f new, %.0f again\n", rows / t_import, rows / t_again);
        std::printf("goal < %g s for %d rows (new and again), wall: %s (%.3f s, %.3f s)\n", goal, rows,
                    t_import < goal && t_again < goal ? "met" : "NOT met", t_import, t_again);
        std::printf("goal < %g s for %d rows (new and again), CPU:  %s (%.3f s, %.3f s)\n", goal, rows,
                    c_import < goal && c_again < goal ? "met" : "NOT met", c_import, c_again);
        std::printf("import_rows=%d import_wall=%.3f import_cpu=%.3f again_wall=%.3f again_cpu=%.3f write_wall=%.3f write_cpu=%.3f\n",
                    rows, t_import, c_import, t_again, c_again, t_import - t2, c_import - c2);
        if (!plan.rejected.empty()) {
            const auto& r = plan.rejected.front();
            std::printf("first rejected row %d: %s %s\n", r.source.row, r.issues.at(0).field.c_str(), r.issues.at(0).reason.c_str());
        }
        fs::remove_all(dir);
        return res.added == rows && res2.unchanged == rows ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "import_bench: " << e.what() << "\n";
        fs::remove_all(dir);
        return 1;
    }
}
