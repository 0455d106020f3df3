// Reports with progress and cancel: steps are reported in order, and a cancel at any point before
// the file is complete leaves no file, no temporary file and no report_runs row.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/report/layout.h"
#include "core/report/report_generator.h"
#include "core/util/error.h"
#include "core/util/progress.h"
#include "tests/core/report/report_test_util.h"

namespace fs = std::filesystem;
using namespace il::report;

namespace {
TemplateCatalog shipped() { return TemplateCatalog({fs::path(IL_TEMPLATES_DIR)}); }

ReportRequest request(const fs::path& out) {
    ReportRequest req;
    req.templates = {"01-projects", "04-renovations"};
    req.period = {2017, 6};
    req.out = out;
    req.report_date = "2017-07-05";
    return req;
}

// Records every step; asks to stop once `cancel_after_polls` polls of cancelled() have been made
// (0: never).
struct Recorder final : il::ProgressSink {
    std::vector<std::pair<std::string, double>> steps;
    int polls = 0;
    int cancel_after_polls = 0;
    std::string cancel_at_step;  // or: stop once a step starting with this text was reported
    bool stop = false;
    void step(std::string_view what, double fraction) override {
        steps.emplace_back(std::string(what), fraction);
        if (!cancel_at_step.empty() && std::string_view(what).substr(0, cancel_at_step.size()) == cancel_at_step) stop = true;
    }
    bool cancelled() override {
        ++polls;
        if (cancel_after_polls > 0 && polls >= cancel_after_polls) stop = true;
        return stop;
    }
};

std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST_CASE("A report reports its steps in order, ending at 1") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("progress_steps");
    Recorder rec;
    auto res = generate_report(*db, shipped(), request(dir / "r.xlsx"), rec);
    CHECK(fs::exists(dir / "r.xlsx"));
    REQUIRE(rec.steps.size() >= 6);
    for (std::size_t i = 1; i < rec.steps.size(); ++i) {
        CAPTURE(rec.steps[i].first);
        CHECK(rec.steps[i].second >= rec.steps[i - 1].second);
    }
    CHECK(rec.steps.back().second == doctest::Approx(1.0));
    bool per_template = false, checks = false;
    for (const auto& [what, f] : rec.steps) {
        per_template = per_template || what.find("生成：04-renovations") == 0;
        checks = checks || what == "报表前检查";
    }
    CHECK(per_template);
    CHECK(checks);
    CHECK(rec.polls > 0);
    CHECK(list_report_runs(*db).size() == 2);
}

TEST_CASE("Cancelling after the first step: no file, no temporary file, no report_runs row") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("progress_cancel_first");
    Recorder rec;
    rec.cancel_after_polls = 1;
    CHECK_THROWS_AS(generate_report(*db, shipped(), request(dir / "r.xlsx"), rec), il::Cancelled);
    CHECK(files_in(dir) == 0);
    CHECK(list_report_runs(*db).empty());
}

TEST_CASE("Cancelling while the sheets are rendered leaves an existing file as it was") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("progress_cancel_render");
    { std::ofstream(dir / "r.xlsx") << "the old report"; }
    Recorder rec;
    rec.cancel_at_step = "生成：04-renovations";  // the first template is already rendered
    CHECK_THROWS_AS(generate_report(*db, shipped(), request(dir / "r.xlsx"), rec), il::Cancelled);
    CHECK(files_in(dir) == 1);
    CHECK(il::test::read_file_text(dir / "r.xlsx") == "the old report");
    CHECK(list_report_runs(*db).empty());
}

TEST_CASE("A cancel at any poll either stops with nothing written or completes the whole report") {
    auto db = il::test::report_fixture_db();
    auto dir = il::test::scratch_dir("progress_cancel_every");
    bool completed = false;
    int cancelled = 0;
    for (int k = 1; k < 500 && !completed; ++k) {
        CAPTURE(k);
        Recorder rec;
        rec.cancel_after_polls = k;
        try {
            generate_report(*db, shipped(), request(dir / "r.xlsx"), rec);
            completed = true;
            CHECK(fs::exists(dir / "r.xlsx"));
            CHECK(files_in(dir) == 1);
            CHECK(list_report_runs(*db).size() == 2);
        } catch (const il::Cancelled&) {
            ++cancelled;
            CHECK(files_in(dir) == 0);
            CHECK(list_report_runs(*db).empty());
        }
    }
    CHECK(completed);
    CHECK(cancelled >= 4);  // checks, queries, each template, writing
}

TEST_CASE("A long query is interrupted when the sink asks to stop") {
    auto db = il::test::report_fixture_db();
    if (db->server()) {  // on a server a report is cancelled between its sheets' queries, not inside one
        MESSAGE("not on a server ledger: a query there is not interrupted");
        return;
    }
    auto dir = il::test::scratch_dir("progress_interrupt");
    // A template whose query runs for a long time (a recursive count to 10^9).
    fs::path tpl = dir / "templates" / "99-slow";
    fs::create_directories(tpl);
    std::ofstream(tpl / "query.sql")
        << "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)\n"
           "SELECT 'a' AS name, count(*) AS n FROM c\n";
    std::ofstream(tpl / "template.json") << R"({"id": "99-slow", "name": "slow", "version": "1",
        "sheets": [{"sheet_name": "s", "title": "t", "query": "query.sql",
                    "columns": [{"key": "name", "header": "名称", "source": "name", "type": "text"},
                                {"key": "n", "header": "数", "source": "n", "type": "integer"}]}]})";
    TemplateCatalog catalog({dir / "templates"});
    ReportRequest req = request(dir / "slow.xlsx");
    req.templates = {"99-slow"};
    struct Later final : il::ProgressSink {
        int polls = 0;
        void step(std::string_view, double) override {}
        // Stops only from inside the query (the polls before it are the generator's own).
        bool cancelled() override { return ++polls > 3; }
    } later;
    auto t0 = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(generate_report(*db, catalog, req, later), il::Cancelled);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));  // hang guard
    CHECK_FALSE(fs::exists(req.out));
    CHECK(list_report_runs(*db).empty());
}

TEST_CASE("render_sheet reports its rows in chunks") {
    SheetDef s;
    s.sheet_name = "s";
    s.title = "t";
    ColumnDef name;
    name.key = name.source = "name";
    name.header = "名称";
    ColumnDef n;
    n.key = n.source = "n";
    n.header = "数";
    n.type = ColumnType::Integer;
    n.total = TotalRule::Sum;
    s.columns = {name, n};
    ResultTable data;
    data.columns = {"name", "n"};
    for (int i = 0; i < 1200; ++i) data.rows.push_back({std::string("项目") + std::to_string(i), std::int64_t{i}});
    auto dir = il::test::scratch_dir("render_rows");
    XlsxWorkbook wb(dir / "rows.xlsx");
    FormatCache formats(wb);
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    render_sheet(wb, formats, s, data, ReportContext{}, "test", [&](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
    });
    CHECK(calls == std::vector<std::pair<std::size_t, std::size_t>>{{500, 1200}, {1000, 1200}, {1200, 1200}});
    // A callback that throws stops rendering; the unfinished workbook leaves no file behind.
    {
        XlsxWorkbook wb2(dir / "stopped.xlsx");
        FormatCache f2(wb2);
        CHECK_THROWS_AS(render_sheet(wb2, f2, s, data, ReportContext{}, "test",
                                     [](std::size_t, std::size_t) { throw il::Cancelled(); }),
                        il::Cancelled);
    }
    CHECK_FALSE(fs::exists(dir / "stopped.xlsx"));
}
