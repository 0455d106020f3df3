// The centre of the city level: the demo city split into its offices' ledgers, each office
// submits its package, the city takes them all in, and the city's reports equal the reports of
// the unsplit demo ledger cell for cell; the city-wide 合计 is the sum of the offices' own reports.
#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "core/city/intake.h"
#include "core/city/package_reader.h"
#include "core/city/status_board.h"
#include "core/db/period_lock.h"
#include "core/report/report_generator.h"
#include "tests/core/city/city_fixture.h"

namespace fs = std::filesystem;
using namespace il;

namespace {
// The 总投资 of the 合计 row of the 01-projects sheet (in 万元, as the cell shows it).
double projects_grand_total(const fs::path& xlsx) {
    auto wb = import::read_xlsx(xlsx);
    for (const auto& s : wb.sheets) {
        if (s.name.find("项目进展") == std::string::npos) continue;
        for (const auto& r : s.rows)
            for (std::size_t c = 0; c < r.cells.size(); ++c)
                if (r.cells[c].type == import::CellType::Text && r.cells[c].text == "合计") {
                    // 总投资 is the first money column: the first number right of the label.
                    for (std::size_t k = c + 1; k < r.cells.size(); ++k)
                        if (r.cells[k].type == import::CellType::Number) return r.cells[k].number;
                }
    }
    return -1;
}
}  // namespace

TEST_CASE("city round trip: split, submit, intake, report equals the unsplit demo cell for cell") {
    test::CityDir dir("roundtrip");
    auto catalog = test::shipped_templates();
    const Period period{2017, 6};
    const std::string report_date = "2017-07-05";

    auto demo = test::open_ledger(dir.path / "demo.db");
    demo::DemoOptions opt;
    opt.projects = 160;
    opt.renovations = 60;
    opt.deals = 50;
    demo::generate(*demo, opt);

    // Split and submit, one package per office.
    std::vector<fs::path> packages;
    std::map<std::string, double> office_totals;
    for (const auto& region : test::region_names(*demo)) {
        auto file = test::split_office(*demo, region, dir.path);
        auto county = test::open_ledger(file, region);
        city::SubmitRequest req;
        req.period = period;
        req.out = dir.path / (region + "-2017-06.ilpkg");
        req.report_date = report_date;
        auto res = city::submit_package(*county, catalog, req);
        CHECK(res.locked_now);
        CHECK(db::PeriodLocks(*county).is_locked(2017, 6));
        CHECK(res.manifest.office == region);
        packages.push_back(req.out);
        // The office's own submitted report, as it travels in the package.
        auto opened = city::open_package(req.out);
        fs::path own = dir.path / (region + "-own.xlsx");
        { std::ofstream(own, std::ios::binary) << opened->report; }
        CHECK(db::PeriodLocks(*county).get(2017, 6)->archived_reports >= 1);
        office_totals[region] = projects_grand_total(own);
    }
    REQUIRE(packages.size() == 11);

    auto city = test::new_city(dir.path / "city.db");
    int added = 0;
    for (const auto& p : packages) {
        city::Intake intake(*city, p);
        CHECK(intake.preview().conflicts.empty());
        CHECK(intake.preview().count(city::ChangeKind::Removed) == 0);
        auto r = intake.accept();
        CHECK(r.conflicts == 0);
        added += r.added;
    }
    auto count = [](db::Database& db, const char* sql) { return db.sql().execAndGet(sql).getInt64(); };
    CHECK(count(*city, "SELECT count(*) FROM projects") == count(*demo, "SELECT count(*) FROM projects"));
    CHECK(count(*city, "SELECT count(*) FROM projects WHERE origin_office IS NULL") == 0);
    CHECK(count(*city, "SELECT count(*) FROM targets") == count(*demo, "SELECT count(*) FROM targets"));
    CHECK(count(*city, "SELECT count(*) FROM progress") ==
          count(*demo, "SELECT count(*) FROM progress WHERE year * 100 + month <= 201706"));
    CHECK(added == count(*demo, "SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM renovations) +"
                                " (SELECT count(*) FROM deals) + (SELECT count(*) FROM targets)"));

    // Every template of the standard set, on the city ledger and on the unsplit demo.
    report::ReportRequest rq;
    rq.all = true;
    rq.period = period;
    rq.report_date = report_date;
    rq.record = false;
    rq.out = dir.path / "demo-report.xlsx";
    auto demo_report = report::generate_report(*demo, catalog, rq);
    rq.out = dir.path / "city-report.xlsx";
    auto city_report = report::generate_report(*city, catalog, rq);
    CHECK(demo_report.template_ids == city_report.template_ids);
    CHECK(city_report.template_ids.size() >= 8);
    auto a = test::workbook_cells(dir.path / "demo-report.xlsx");
    auto b = test::workbook_cells(dir.path / "city-report.xlsx");
    REQUIRE(a.size() == b.size());
    std::size_t cells = 0;
    for (std::size_t s = 0; s < a.size(); ++s) {
        CAPTURE(a[s].first);
        CHECK(a[s].first == b[s].first);
        REQUIRE(a[s].second.size() == b[s].second.size());
        for (std::size_t i = 0; i < a[s].second.size(); ++i) {
            if (a[s].second[i] != b[s].second[i]) {
                CHECK(a[s].second[i] == b[s].second[i]);
                break;  // one difference per sheet is enough to read
            }
            ++cells;
        }
    }
    MESSAGE("cells compared: " << cells);
    CHECK(cells > 1000);

    // The city-wide 合计 (总投资) is the sum of the offices' own submitted reports, to the cent.
    double city_total = projects_grand_total(dir.path / "city-report.xlsx");
    std::int64_t sum_cents = 0;
    for (const auto& [office, total] : office_totals) sum_cents += static_cast<std::int64_t>(total * 100 + 0.5);
    CHECK(city_total > 0);
    CHECK(static_cast<std::int64_t>(city_total * 100 + 0.5) == sum_cents);

    auto board = city::status_board(*city, period, "2017-07-05");
    CHECK(board.count(city::BoardStatus::Accepted) == 11);
    CHECK(board.count(city::BoardStatus::NotSubmitted) == 0);
}
