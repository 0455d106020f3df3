// The import session in core (issue 17 item 4): what the GUI dialog walks through, with the
// unknown-values step of issue 15 — tested without any window.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/import/import_session.h"
#include "tests/core/import/import_fixture.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;
namespace fs = std::filesystem;

namespace {
fs::path write_csv(const std::string& name, const std::string& text) {
    fs::path dir = fs::temp_directory_path() / "il-import-session-test";
    fs::create_directories(dir);
    fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}
const char* kHeader = "项目名称,所属县市区,产业类别,建设性质,总投资（万元）,2017年计划投资（万元）\n";
}  // namespace

TEST_CASE("the session finds the table and mapping as plan_import does, with the file's year") {
    auto db = seeded_db();
    fs::path f = write_csv("a.csv", std::string(kHeader) + "甲,固安县,智慧物流,新建,20000,5000\n");
    ImportSession s(*db);
    s.load(f);
    REQUIRE(s.layout());
    CHECK(s.kind() == RecordKind::Projects);
    const ColumnBinding* plan = s.mapping().find("annual_plan");
    REQUIRE(plan);
    CHECK(plan->year == std::optional<int>(2017));
    ImportOptions o;
    o.sheet = s.sheet();
    auto sheets = map_workbook(*db, s.workbook(), o);
    REQUIRE(sheets.size() == 1);
    CHECK(mapping_to_json(sheets[0].mapping) == mapping_to_json(s.mapping()));
}

TEST_CASE("the session lists unknown values, takes a decision per value and saves it with the preset") {
    auto db = seeded_db();
    fs::path f = write_csv("b.csv", std::string(kHeader) + "甲,固安县,数字经济,新建,20000,5000\n" +
                                        "乙,固安县,数字经济,异地新建,30000,6000\n" + "丙,固安县,现代服务业,新建,40000,7000\n");
    ImportSession s(*db);
    s.load(f);
    NullProgress none;
    s.preview(none);
    REQUIRE(s.value_table().size() == 2);
    CHECK(s.value_table()[0].field == "category");
    CHECK(s.value_table()[0].value == "数字经济");
    CHECK(s.value_table()[0].count == 2);
    CHECK(s.value_table()[1].field == "nature");
    CHECK(s.preview_result().rejected == 2);
    CHECK(s.decision("category", "数字经济") == ImportSession::ValueAction::Reject);
    auto targets = s.value_targets("category");
    CHECK(std::find(targets.begin(), targets.end(), "信息服务") != targets.end());
    CHECK(s.value_targets("nature").size() == 4);
    CHECK_THROWS_AS(s.decide("nature", "异地新建", ImportSession::ValueAction::Add), ValidationError);

    s.decide("category", "数字经济", ImportSession::ValueAction::Add);
    s.decide("nature", "异地新建", ImportSession::ValueAction::Map, "新建");
    s.preview(none);
    CHECK(s.preview_result().rejected == 0);
    CHECK(s.preview_result().added == 3);
    CHECK(s.value_table().size() == 2);  // still listed with the decision taken
    s.save_preset("某县台账");
    ImportResult r = s.run(none);
    CHECK(r.written);
    CHECK(db->sql().execAndGet("SELECT count(*) FROM categories WHERE name = '数字经济'").getInt() == 1);

    // The next file of the layout: the preset brings the decisions
    fs::path g = write_csv("c.csv", std::string(kHeader) + "丁,固安县,数字经济,异地新建,50000,8000\n");
    ImportSession next(*db);
    next.load(g);
    CHECK(next.preset_name() == "某县台账");
    CHECK(next.decision("nature", "异地新建") == ImportSession::ValueAction::Map);
    next.preview(none);
    CHECK(next.value_table().empty());
    CHECK(next.preview_result().rejected == 0);
    CHECK(next.preview_result().added == 1);
}
