// Imports with progress and cancel: planning and writing report every N rows; a cancel before the
// commit leaves the database exactly as it was (and no pre-import backup behind).
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/db/dictionary_seed.h"
#include "core/import/import_run.h"
#include "core/util/progress.h"
#include "tests/core/import/import_fixture.h"
#include "tests/core/import/xlsx_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;
namespace fs = std::filesystem;

namespace {
// Records the steps; asks to stop at poll number `cancel_after_polls` (0: never), or once a step
// starting with `cancel_at` was reported.
struct Recorder final : ProgressSink {
    std::vector<std::pair<std::string, double>> steps;
    int polls = 0, cancel_after_polls = 0;
    std::string cancel_at;
    bool stop = false;
    void step(std::string_view what, double fraction) override {
        steps.emplace_back(std::string(what), fraction);
        if (!cancel_at.empty() && what.substr(0, cancel_at.size()) == cancel_at) stop = true;
    }
    bool cancelled() override {
        ++polls;
        if (cancel_after_polls > 0 && polls >= cancel_after_polls) stop = true;
        return stop;
    }
    int count_starting(const std::string& prefix) const {
        int n = 0;
        for (const auto& s : steps) n += s.first.rfind(prefix, 0) == 0 ? 1 : 0;
        return n;
    }
};

// A plain list of `n` projects: name, region, total investment.
Workbook project_list(int n) {
    SheetBuilder b("项目");
    b.row({"项目名称", "所属县市区", "总投资（万元）"});
    for (int i = 0; i < n; ++i) b.row({"测试项目" + std::to_string(i), i % 2 ? "广阳区" : "固安县", 10000 + i});
    return b.workbook();
}

// What a cancelled import must leave unchanged.
std::string fingerprint(db::Database& db) {
    std::string s;
    for (const char* t : {"projects", "project_plans", "progress", "audit_log", "import_presets"})
        s += std::string(t) + "=" + std::to_string(count_rows(db, t)) + ";";
    s += "sum=" + il::db::scalar_text(db, "SELECT coalesce(sum(total_investment), 0) FROM projects");
    return s;
}
}  // namespace

TEST_CASE("Planning an import reports every kPlanChunk rows and stops on cancel") {
    auto db = seeded_db();
    Workbook wb = project_list(450);
    ImportOptions o;
    Recorder rec;
    ImportPlan plan = plan_import(*db, wb, o, DictionaryLookup::load(*db), rec);
    CHECK(plan.records.size() == 450);
    CHECK(rec.count_starting("检查第 ") == 450 / kPlanChunk);
    for (std::size_t i = 1; i < rec.steps.size(); ++i) CHECK(rec.steps[i].second >= rec.steps[i - 1].second);
    CHECK(rec.steps.back().second == doctest::Approx(1.0));

    Recorder stop;
    stop.cancel_at = "检查第 200";
    CHECK_THROWS_AS(plan_import(*db, wb, o, DictionaryLookup::load(*db), stop), Cancelled);
    CHECK(stop.count_starting("检查第 ") == 1);  // stopped at the next poll
}

TEST_CASE("Writing an import reports every kWriteChunk records; a cancel during writing rolls everything back") {
    auto db = seeded_db();
    ImportOptions o;
    o.source_name = "list.xlsx";
    {  // 120 projects already in the ledger
        ImportPlan first = plan_import(*db, project_list(120), o);
        REQUIRE(apply_import(*db, first, o).written);
    }
    // The file changes the totals of those 120 (the first sheet had 10000 + i, this one 20000 + i) and adds 330.
    SheetBuilder b("项目");
    b.row({"项目名称", "所属县市区", "总投资（万元）"});
    for (int i = 0; i < 450; ++i) b.row({"测试项目" + std::to_string(i), i % 2 ? "广阳区" : "固安县", 20000 + i});
    Workbook wb = b.workbook();
    const std::string before = fingerprint(*db);

    Recorder rec;
    rec.cancel_at = "写入第 300";
    ImportPlan plan = plan_import(*db, wb, o);
    CHECK(plan.count(Outcome::Changed) == 120);
    CHECK_THROWS_AS(apply_import(*db, plan, o, rec), Cancelled);
    CHECK(rec.count_starting("写入第 ") == 3);
    CHECK(fingerprint(*db) == before);
    CHECK(db->autocommit());  // no transaction left open

    // A cancel at any poll: either nothing at all, or the whole import.
    bool completed = false;
    for (int k = 1; k < 50 && !completed; ++k) {
        CAPTURE(k);
        Recorder r;
        r.cancel_after_polls = k;
        ImportPlan p = plan_import(*db, wb, o);
        try {
            ImportResult res = apply_import(*db, p, o, r);
            completed = true;
            CHECK(res.written);
            CHECK(res.added == 330);
            CHECK(res.updated == 120);
            CHECK(count_rows(*db, "projects") == 450);
        } catch (const Cancelled&) {
            CHECK(fingerprint(*db) == before);
        }
    }
    CHECK(completed);
}

TEST_CASE("import_file with progress: a cancel keeps a database file untouched and removes the unneeded backup") {
    auto dir = scratch_dir("progress-file");
    const fs::path db_file = dir / "ledger.db";
    {
        auto db = db::Database::open(db_file, {});
        db::seed_dictionaries(*db, db::default_dictionaries_json());
    }
    XlsxFixture x(dir / "list.xlsx");
    x.sheet("项目").row(0, {"项目名称", "所属县市区", "总投资（万元）"});
    for (int i = 0; i < 250; ++i) x.row(i + 1, {"文件项目" + std::to_string(i), "广阳区", 5000.0 + i});
    x.close();

    auto db = db::Database::open(db_file, {});
    const std::string before = fingerprint(*db);
    auto backups = [&] {
        std::size_t n = 0;
        for (const auto& e : fs::recursive_directory_iterator(dir))
            n += e.path().filename().string().find("import") != std::string::npos ? 1 : 0;
        return n;
    };
    Recorder rec;
    rec.cancel_at = "写入第 200";
    ImportOptions o;
    CHECK_THROWS_AS(import_file(*db, dir / "list.xlsx", o, nullptr, rec), Cancelled);
    CHECK(fingerprint(*db) == before);
    CHECK(backups() == 0);
    // The steps went through reading, checking and writing, in order.
    CHECK(rec.count_starting("读取 ") == 1);
    CHECK(rec.count_starting("检查第 200") == 1);
    for (std::size_t i = 1; i < rec.steps.size(); ++i) CHECK(rec.steps[i].second >= rec.steps[i - 1].second);

    Recorder all;
    ImportResult r = import_file(*db, dir / "list.xlsx", o, nullptr, all);
    CHECK(r.written);
    CHECK(r.added == 250);
    CHECK(count_rows(*db, "projects") == 250);
    CHECK(backups() == 1);
    CHECK(all.steps.back().second == doctest::Approx(1.0));
}
