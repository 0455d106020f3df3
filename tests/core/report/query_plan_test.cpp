#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "core/demo/demo_generator.h"
#include "core/report/report_generator.h"
#include "core/report/sql_query.h"
#include "core/report/template_catalog.h"

using namespace il::report;

namespace {

// The lines of the query plan of `sql` that scan the monthly table (progress, by its name or an
// alias) row by row instead of searching it by an index or its primary key.
std::vector<std::string> monthly_scans(il::db::Database& db, const std::string& sql, const SqlParams& params,
                                       const std::string& label, std::string& plan_text) {
    std::set<std::string> names{"progress"};
    static const std::regex alias(R"(\bprogress\s+(?:AS\s+)?([A-Za-z_][A-Za-z0-9_]*))", std::regex::icase);
    static const std::set<std::string> keywords{"WHERE", "JOIN", "ON", "GROUP", "ORDER", "LEFT", "INNER", "CROSS",
                                                "USING", "WINDOW", "LIMIT", "UNION", "AS", "INDEXED", "NOT"};
    for (std::sregex_iterator it(sql.begin(), sql.end(), alias), end; it != end; ++it) {
        std::string a = (*it)[1].str(), upper = a;
        for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (!keywords.count(upper)) names.insert(a);
    }
    const ResultTable plan = run_read_only_query(db.sql(), "EXPLAIN QUERY PLAN " + sql, params, label);
    const int detail = plan.column_index("detail");
    REQUIRE(detail >= 0);
    std::vector<std::string> out;
    plan_text.clear();
    for (const auto& row : plan.rows) {
        const std::string& d = std::get<std::string>(row[static_cast<std::size_t>(detail)]);
        plan_text += d + "\n";
        if (d.rfind("SCAN ", 0) != 0) continue;
        const auto space = d.find(' ', 5);
        if (names.count(d.substr(5, space == std::string::npos ? std::string::npos : space - 5))) out.push_back(d);
    }
    return out;
}

}  // namespace

// Every shipped template's SQL, planned by SQLite on a demo ledger: none may scan the monthly
// table (progress) row by row where an index fits (progress_period covers year, month, project
// and both figures; the primary key is project, year, month). A scan of the 1.5 million monthly
// rows of a 100,000-project ledger per query is what makes a report set slow.
TEST_CASE("template queries: no full scan of the monthly table") {
    auto db = il::db::Database::open_memory("tester");
    il::demo::DemoOptions o;
    o.projects = 60;
    o.renovations = 10;
    o.deals = 10;
    il::demo::generate(*db, o);
    TemplateCatalog catalog({std::filesystem::path(IL_TEMPLATES_DIR)});
    const SqlParams params = report_params(*db, {2017, 6}, "");
    std::size_t planned = 0;
    std::string plan;
    for (const auto& entry : catalog.entries()) {
        REQUIRE_MESSAGE(entry.error.empty(), entry.error);
        const TemplateDef t = catalog.load(entry.folder.string());
        for (const auto& sheet : t.sheets) {
            CAPTURE(t.id);
            CAPTURE(sheet.query_file);
            const auto scans = monthly_scans(*db, sheet.sql, params, sheet.query_file, plan);
            CAPTURE(plan);
            for (const auto& s : scans) CHECK_MESSAGE(false, "full scan of the monthly table: " << s);
            ++planned;
        }
    }
    CHECK(planned >= 10);  // every shipped template sheet was planned

    // The check sees a scan when there is one: a month's figures are found on progress_period,
    // and scanned once the index is gone.
    const std::string month_total = "SELECT sum(g.completed_ytd) FROM progress g WHERE g.year = :year AND g.month = :month";
    CHECK(monthly_scans(*db, month_total, params, "control", plan).empty());
    db->sql().exec("DROP INDEX progress_period");
    CHECK(monthly_scans(*db, month_total, params, "control", plan).size() == 1);
}
