#include <doctest/doctest.h>

#include "core/import/kind_guess.h"
#include "tests/core/import/import_fixture.h"

using namespace il::import;
using namespace il::import::test;

TEST_CASE("The kind of records is guessed from the headers") {
    auto projects = guess_kind(official_form().workbook());
    REQUIRE(projects);
    CHECK(projects->kind == RecordKind::Projects);
    CHECK(projects->sheet == "进展情况表");
    CHECK(projects->columns >= 6);

    SheetBuilder r("技改");
    r.row({"序号", "项目名称", "企业名称", "所属县市区", "总投资（万元）", "设备投资（万元）", "备案号"})
        .row({1, "智能化改造", "某某机械有限公司", "固安县", 5000, 3000, "2017-131022-34-03-000001"});
    auto reno = guess_kind(r.workbook());
    REQUIRE(reno);
    CHECK(reno->kind == RecordKind::Renovations);

    SheetBuilder d("招商");
    d.row({"项目名称", "投资方", "签约额（万元）", "签约时间", "所属县市区"})
        .row({"航空物流园", "某某集团", 200000, "2017.3", "广阳区"});
    auto deals = guess_kind(d.workbook());
    REQUIRE(deals);
    CHECK(deals->kind == RecordKind::Deals);

    // Only the sheet asked for counts; a sheet without a header gives nothing.
    Workbook both{{official_form().sheet, d.sheet}};
    CHECK(guess_kind(both, "招商")->kind == RecordKind::Deals);
    SheetBuilder notes("说明");
    notes.row({"这是一份说明"}).row({"没有表格"});
    CHECK_FALSE(guess_kind(notes.workbook()));
}
