// A ledger whose name column has a header the tool does not know ("工程"): refused by
// plan_import, offered by map_workbook for manual mapping, imported once the user names the
// name column and saves the mapping as a preset, which the next import then picks by itself.
#include <doctest/doctest.h>

#include <cstdio>

#include "core/import/import_plan.h"
#include "core/import/import_run.h"
#include "core/import/presets.h"
#include "core/import/read/workbook.h"
#include "core/util/error.h"
#include "tests/core/import/import_fixture.h"
#include "tests/core/import/xlsx_fixture.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
fs::path write_gongcheng_ledger(const fs::path& dir) {
    fs::path file = dir / "gongcheng.xlsx";
    XlsxFixture x(file);
    x.sheet("固安县")
        .row(0, {"固安县重点建设台账"})
        .row(1, {"序号", "工程", "建设单位", "总投资（万元）", "建设性质"})
        .row(2, {1.0, "固安新材料产业园", "固安新材料有限公司", 52000.0, "新开工"})
        .row(3, {2.0, "固安智能装备基地", "智装科技有限公司", 31000.5, "续建"});
    x.close();
    return file;
}

std::string run_cli(const std::string& args) {
    int st = -1;
    std::string out = il_test::run_capture(il_test::quoted_cli(IL_CLI_PATH) + " " + args + " 2>&1", &st);
    out += "\nstatus=" + std::to_string(st);
    return out;
}

const ColumnBinding* at_col(const Mapping& m, int col) {
    for (const auto& b : m.columns)
        if (b.col == col) return &b;
    return nullptr;
}
}  // namespace

TEST_CASE("a ledger with an unknown name header: refused, offered for mapping, imported with a saved preset") {
    auto dir = scratch_dir("guessed_header");
    auto db = seeded_db();
    Workbook wb = read_workbook(write_gongcheng_ledger(dir));

    // Refused as before, naming what was looked for
    std::string message;
    try {
        plan_import(*db, wb, {});
    } catch (const ValidationError& e) {
        message = e.what();
    }
    CHECK(message.find("项目名称") != std::string::npos);
    CHECK(message.find("没有可识别的表头") != std::string::npos);

    // Offered for manual mapping: the guessed header, the columns that could be mapped
    auto sheets = map_workbook(*db, wb, {});
    REQUIRE(sheets.size() == 1);
    SheetPlan sp = sheets[0];
    CHECK(sp.needs_confirmation);
    CHECK(sp.layout.guessed);
    CHECK(sp.layout.header_first == 1);
    CHECK(sp.layout.data_first == 2);
    CHECK_FALSE(sp.mapping.has("name"));
    REQUIRE(at_col(sp.mapping, 1));
    CHECK(at_col(sp.mapping, 1)->field.empty());
    CHECK(at_col(sp.mapping, 1)->header == "工程");
    REQUIRE(at_col(sp.mapping, 2));
    CHECK(at_col(sp.mapping, 2)->field == "owner");
    CHECK(at_col(sp.mapping, 3)->field == "total_investment");
    CHECK_FALSE(sp.mapping.problems().empty());

    // A preset without a name column still does not make the sheet importable
    CHECK_THROWS_AS(
        [&] {
            ImportOptions o;
            o.preset = mapping_to_json(sp.mapping);
            plan_import(*db, wb, o);
        }(),
        ValidationError);

    // The user names the name column
    Mapping edited = sp.mapping;
    for (auto& b : edited.columns)
        if (b.col == 1) b.field = "name";
    CHECK(edited.problems().empty());

    // Given as the preset directly (the GUI, or `--preset` before saving)
    {
        ImportOptions o;
        o.preset = mapping_to_json(edited);
        o.auto_preset = false;
        auto given = map_workbook(*db, wb, o);
        REQUIRE(given.size() == 1);
        CHECK_FALSE(given[0].needs_confirmation);
        ImportPlan plan = plan_import(*db, wb, o);
        CHECK(plan.rejected.empty());
        CHECK(plan.count(Outcome::New) == 2);
    }

    // Saved as a preset: the next import of this layout is automatic
    save_preset(*db, "工程台账", sp.mapping.signature, edited);
    auto found = preset_for_workbook(*db, wb);
    REQUIRE(found);
    CHECK(found->name == "工程台账");
    auto again = map_workbook(*db, wb, {});
    REQUIRE(again.size() == 1);
    CHECK_FALSE(again[0].needs_confirmation);
    CHECK(again[0].preset_name == "工程台账");

    ImportPlan plan = plan_import(*db, wb, {});
    for (const auto& r : plan.rejected) FAIL_CHECK(r.source.row << " " << r.issues.at(0).field << " " << r.issues.at(0).reason);
    REQUIRE(plan.sheets.size() == 1);
    CHECK(plan.sheets[0].preset_auto);
    CHECK(plan.sheets[0].preset_name == "工程台账");
    CHECK(plan.count(Outcome::New) == 2);
    bool found_runze = false;
    for (const auto& r : plan.records)
        if (r.project && r.project->name == "固安新材料产业园") {
            found_runze = true;
            CHECK(r.project->owner == "固安新材料有限公司");
            CHECK(r.project->total_investment == Money::from_wan(52000));
        }
    CHECK(found_runze);
    CHECK(apply_import(*db, plan, {}).written);
    CHECK(count_rows(*db, "projects") == 2);

    // By name, as `--preset NAME` does
    {
        auto p = load_preset(*db, "工程台账");
        REQUIRE(p);
        ImportOptions o;
        o.preset = p->mapping;
        o.preset_name = p->name;
        ImportPlan by_name = plan_import(*db, wb, o);
        CHECK(by_name.count(Outcome::Unchanged) == 2);
    }

    // A second import changes nothing
    ImportPlan second = plan_import(*db, wb, {});
    CHECK(second.sheets.at(0).preset_auto);
    CHECK(second.count(Outcome::Unchanged) == 2);
    CHECK(second.count(Outcome::New) == 0);
    CHECK(second.count(Outcome::Changed) == 0);
    CHECK(second.rejected.empty());
    ImportResult res = apply_import(*db, second, {});
    CHECK(res.added == 0);
    CHECK(res.updated == 0);
    CHECK(res.unchanged == 2);
    CHECK(count_rows(*db, "projects") == 2);
    fs::remove_all(dir);
}

TEST_CASE("cli: a ledger with an unknown name header imports with --preset NAME, then by itself") {
    auto dir = scratch_dir("guessed_header_cli");
    fs::path file = write_gongcheng_ledger(dir);
    fs::path dbfile = dir / "ledger.db";
    std::string q = il_test::quote_path(dbfile), f = il_test::quote_path(file);
    {
        auto db = db::Database::open(dbfile);
        db::seed_dictionaries(*db, db::default_dictionaries_json());
        Workbook wb = read_workbook(file);
        auto sheets = map_workbook(*db, wb, {});
        REQUIRE(sheets.size() == 1);
        Mapping edited = sheets[0].mapping;
        for (auto& b : edited.columns)
            if (b.col == 1) b.field = "name";
        save_preset(*db, "工程台账", sheets[0].mapping.signature, edited);
        // the user's own wish: this preset is not picked by itself in the first run below
        db->sql().exec("UPDATE import_presets SET signature = 'other' WHERE name = '工程台账'");
    }
    std::string refused = run_cli("--db " + q + " import " + f);
    CHECK(refused.find("项目名称") != std::string::npos);
    CHECK(refused.find("status=1") != std::string::npos);
    std::string first = run_cli("--db " + q + " import " + f + " --preset 工程台账");
    CHECK(first.find("新增 2") != std::string::npos);
    CHECK(first.find("status=0") != std::string::npos);
    INFO(first);
    {
        auto db = db::Database::open(dbfile);
        CHECK(count_rows(*db, "projects") == 2);
        Workbook wb = read_workbook(file);
        save_preset(*db, "工程台账", map_workbook(*db, wb, {}).at(0).mapping.signature,
                    [&] {
                        Mapping m = map_workbook(*db, wb, {}).at(0).mapping;
                        for (auto& b : m.columns)
                            if (b.col == 1) b.field = "name";
                        return m;
                    }());
    }
    std::string second = run_cli("--db " + q + " import " + f);
    INFO(second);
    CHECK(second.find("status=0") != std::string::npos);
    CHECK(second.find("未变 2") != std::string::npos);
    CHECK(second.find("工程台账") != std::string::npos);
    fs::remove_all(dir);
}
