// Issue 15: ledgers as offices write their dictionary values — a category group, a sub-item, a
// variant, an alias — are accepted; values still unknown are listed with counts and decided once
// (map / add / reject); the decisions live in the preset; missing information is a warning.
#include <doctest/doctest.h>

#include "core/db/project_repository.h"
#include "core/import/dictionary_lookup.h"
#include "core/import/import_run.h"
#include "core/import/presets.h"
#include "tests/core/import/import_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {

// A county ledger: one header row, region column, categories as offices write them.
SheetBuilder county_ledger() {
    SheetBuilder b("项目台账");
    b.row({"固安县2017年亿元以上项目台账"})
        .row({"序号", "项目名称", "所属县市区", "产业类别", "建设性质", "项目级别", "建设阶段", "总投资（万元）", "项目代码", "实际竣工时间"})
        .row({1, "甲项目", "固安县", "现代服务业", "新建", "县重点", "续建", 20000, "2017-131022-47-01-012345", {}})  // group
        .row({2, "乙项目", "固安县", "智慧物流", "新建", "县重点", "续建", 30000, {}, {}})                  // item, no code
        .row({3, "丙项目", "固安县", "新材料类", "扩建", "市重点", "竣工", 15000, {}, {}})                  // variant; 竣工 w/o date
        .row({4, "丁项目", "固安县", "传统产业改造升级", "新建", "县重点", "续建", 12000, {}, {}})          // alias of a group
        .row({5, "戊项目", "固安县", "文化创意(动漫游戏、影视)", "新建", "县重点", "续建", 11000, {}, {}})  // bracketed note
        .row({6, "己项目", "固安县", "数字经济", "新建", "县重点", "续建", 50000, {}, {}})                  // unknown
        .row({7, "庚项目", "固安县", "数字经济", "异地新建", "县重点", "续建", 60000, {}, {}})              // unknown twice + nature
        .row({8, "辛项目", "固安县", "战略性新兴", "新建", "重点", "续建", 70000, {}, {}})                  // 产业 missing; level
        .row({9, "壬项目", "固安县", "新材料", "新建", "县重点", "续建", -5, {}, {}});                      // wrong data
    return b;
}

std::string category_of(db::Database& db, const std::string& project) {
    il::db::Query q(db, "SELECT c.name, c.group_name FROM projects p JOIN categories c ON c.id = p.category_id WHERE p.name = ?");
    q.bind(1, project);
    if (!q.executeStep()) return "";
    return q.getColumn(0).getString() + "/" + q.getColumn(1).getString();
}

const UnknownValue* unknown(const ImportPlan& plan, const std::string& field, const std::string& value) {
    for (const auto& u : plan.unknown_values)
        if (u.field == field && u.value == value) return &u;
    return nullptr;
}

}  // namespace

TEST_CASE("category_key: brackets, a missing 产业, an added 类 are one name") {
    CHECK(category_key("文化创意（动漫游戏、影视）") == category_key("文化创意"));
    CHECK(category_key("新材料类") == category_key("新材料"));
    CHECK(category_key("新材料产业") == category_key("新材料"));
    CHECK(category_key("战略性新兴") == category_key("战略性新兴产业"));
    CHECK(category_key("现代服务业类") == category_key("现代服务业"));
    CHECK(category_key("智慧物流") != category_key("健康养老"));
}

TEST_CASE("the shipped dictionary has the two levels and aliases; lookups store what a value means") {
    auto db = seeded_db();
    DictionaryLookup d = DictionaryLookup::load(*db);
    auto name_group = [&](const std::string& text) {
        Lookup l = d.category(text);
        REQUIRE_MESSAGE(l.id, std::string(text + "：" + l.error));
        for (const auto& e : d.categories)
            if (e.id == *l.id) return e.name + "/" + e.group;
        return std::string();
    };
    CHECK(name_group("现代服务业") == "现代服务业/现代服务业");
    CHECK(name_group("战略性新兴产业") == "战略性新兴产业/战略性新兴产业");
    CHECK(name_group("战略性新兴") == "战略性新兴产业/战略性新兴产业");
    CHECK(name_group("传统产业改造升级") == "传统产业/传统产业");
    CHECK(name_group("现代农业") == "现代农业/现代农业");
    CHECK(name_group("智慧物流") == "智慧物流/现代服务业");
    CHECK(name_group("物流") == "智慧物流/现代服务业");
    CHECK(name_group("新一代信息技术") == "大智移云/战略性新兴产业");
    CHECK(name_group("新材料类") == "新材料/战略性新兴产业");
    CHECK(name_group("文化创意（动漫游戏、影视）") == "文化创意/现代服务业");
    CHECK(name_group("文化创意(动漫游戏、影视)") == "文化创意/现代服务业");
    Lookup unknown_value = d.category("数字经济");
    CHECK_FALSE(unknown_value.id);
    CHECK(unknown_value.unknown);
    // Every group of the domain notes is an entry
    for (const char* g : {"战略性新兴产业", "现代服务业", "传统产业", "现代农业"}) CHECK(d.category(g).id);
}

TEST_CASE("unknown values are listed per field with counts and reject only their rows") {
    auto db = seeded_db();
    ImportOptions o;
    o.source_name = "固安.xlsx";
    ImportPlan plan = plan_import(*db, county_ledger().workbook(), o);
    const UnknownValue* digital = unknown(plan, "category", "数字经济");
    REQUIRE(digital);
    CHECK(digital->count == 2);
    CHECK(digital->first_row == 8);
    const UnknownValue* nature = unknown(plan, "nature", "异地新建");
    REQUIRE(nature);
    CHECK(nature->count == 1);
    const UnknownValue* level = unknown(plan, "level", "重点");
    REQUIRE(level);
    CHECK(level->count == 1);
    CHECK(plan.unknown_values.size() == 3);
    // 己 (category), 庚 (category + nature), 辛 (level), 壬 (negative total) are rejected
    CHECK(plan.rejected.size() == 4);
    CHECK(plan.records.size() == 5);
}

TEST_CASE("--map and --add-missing import every good row; missing information is a warning") {
    auto db = seeded_db();
    ImportOptions o;
    o.source_name = "固安.xlsx";
    o.keep_good = true;
    add_map_decision(o.decisions, "nature:异地新建=新建");
    add_map_decision(o.decisions, "项目级别:重点=市重点");
    add_missing_decision(o.decisions, "categories");
    ImportPlan plan = plan_import(*db, county_ledger().workbook(), o);
    CHECK(plan.unknown_values.empty());
    REQUIRE(plan.additions.size() == 1);
    CHECK(plan.additions[0].name == "数字经济");
    CHECK(plan.additions[0].count == 2);
    REQUIRE(plan.rejected.size() == 1);  // only the negative investment: wrong data
    CHECK(plan.rejected[0].source.row == 11);
    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.written);
    CHECK(r.added == 8);

    CHECK(category_of(*db, "甲项目") == "现代服务业/现代服务业");
    CHECK(category_of(*db, "乙项目") == "智慧物流/现代服务业");
    CHECK(category_of(*db, "丙项目") == "新材料/战略性新兴产业");
    CHECK(category_of(*db, "丁项目") == "传统产业/传统产业");
    CHECK(category_of(*db, "戊项目") == "文化创意/现代服务业");
    CHECK(category_of(*db, "己项目") == "数字经济/其他");
    CHECK(category_of(*db, "庚项目") == "数字经济/其他");
    CHECK(category_of(*db, "辛项目") == "战略性新兴产业/战略性新兴产业");
    CHECK(il::db::scalar_text(*db, "SELECT level FROM projects WHERE name = '辛项目'") == "市重点");
    CHECK(il::db::scalar_text(*db, "SELECT nature FROM projects WHERE name = '庚项目'") == "新建");

    // 竣工 without 实际竣工时间 and no 项目代码: written, with the warnings stored on the record
    std::string w = il::db::scalar_text(*db, "SELECT warnings FROM projects WHERE name = '丙项目'");
    CHECK(w.find("缺实际竣工时间") != std::string::npos);
    CHECK(w.find("缺项目代码") != std::string::npos);
    CHECK(il::db::scalar_text(*db, "SELECT warnings FROM projects WHERE name = '甲项目'").empty());
    CHECK(plan.warned() == 7);
}

TEST_CASE("the decisions are saved in the preset and replayed by the next import of the layout") {
    auto db = seeded_db();
    ImportOptions first;
    first.keep_good = true;
    add_map_decision(first.decisions, "category:数字经济=信息服务");
    add_map_decision(first.decisions, "nature:异地新建=新建");
    add_map_decision(first.decisions, "level:重点=县重点");
    Workbook wb = county_ledger().workbook();
    ImportPlan plan = plan_import(*db, wb, first);
    CHECK(plan.unknown_values.empty());
    save_preset(*db, "固安台账", plan.sheets.front().mapping, &plan.decisions);

    // No decisions given: the preset saved for this header layout brings them
    ImportOptions again;
    ImportPlan replay = plan_import(*db, wb, again);
    CHECK(replay.sheets.front().preset_name == "固安台账");
    CHECK(replay.unknown_values.empty());
    CHECK(replay.rejected.size() == 1);  // the negative investment only
    apply_import(*db, replay, [] {
        ImportOptions k;
        k.keep_good = true;
        return k;
    }());
    CHECK(category_of(*db, "己项目") == "信息服务/现代服务业");

    auto saved = load_preset(*db, "固安台账");
    REQUIRE(saved);
    ValueDecisions d = preset_decisions(saved->mapping);
    CHECK(d.mapped("category", "数字经济") == std::optional<std::string>("信息服务"));
}

TEST_CASE("a map to a value that is not in the dictionary rejects with the reason; nature cannot be added") {
    auto db = seeded_db();
    ImportOptions o;
    add_map_decision(o.decisions, "category:数字经济=不存在的类别");
    ImportPlan plan = plan_import(*db, county_ledger().workbook(), o);
    bool said = false;
    for (const auto& r : plan.rejected)
        for (const auto& i : r.issues) said = said || i.reason.find("按导入决定对应到“不存在的类别”") != std::string::npos;
    CHECK(said);
    ValueDecisions d;
    CHECK_THROWS_AS(add_missing_decision(d, "nature"), ValidationError);
    CHECK_THROWS_AS(add_map_decision(d, "colour:红=绿"), ValidationError);
    CHECK_THROWS_AS(add_map_decision(d, "category:无等号"), ValidationError);
}

TEST_CASE("add-missing zones lie in the row's region; a dry run writes no entry") {
    auto db = seeded_db();
    SheetBuilder b("台账");
    b.row({"项目名称", "所属县市区", "开发区", "总投资（万元）"})
        .row({"新园区项目", "香河县", "香河机器人产业港", 30000})
        .row({"另一个项目", "香河县", "香河机器人产业港", 40000});
    ImportOptions o;
    o.dry_run = true;
    add_missing_decision(o.decisions, "zones");
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.additions.size() == 1);
    CHECK(plan.additions[0].count == 2);
    CHECK(plan.rejected.empty());
    std::int64_t before = count_rows(*db, "zones");
    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.added == 2);
    CHECK(count_rows(*db, "zones") == before);
    o.dry_run = false;
    ImportPlan real = plan_import(*db, b.workbook(), o);
    apply_import(*db, real, o);
    CHECK(count_rows(*db, "zones") == before + 1);
    CHECK(il::db::scalar_text(*db, "SELECT r.name FROM zones z JOIN regions r ON r.id = z.region_id WHERE z.name = '香河机器人产业港'") == "香河县");
}
