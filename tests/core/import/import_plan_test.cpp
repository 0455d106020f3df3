#include <doctest/doctest.h>

#include "core/db/audit.h"
#include "core/db/project_repository.h"
#include "core/import/import_run.h"
#include "core/import/presets.h"
#include "tests/core/import/import_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
std::int64_t region_id(db::Database& db, const std::string& name) {
    il::db::Query q(db, "SELECT id FROM regions WHERE name = ?");
    q.bind(1, name);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
}
const PlannedRecord* find_record(const ImportPlan& plan, const std::string& name) {
    for (const auto& r : plan.records)
        if (r.project && r.project->name == name) return &r;
    return nullptr;
}
}  // namespace

TEST_CASE("the city's detail form imports: 小计 lines give the region, 合计 and footer are skipped") {
    auto db = seeded_db();
    Workbook wb = official_form().workbook();
    ImportOptions o;
    o.source_name = "form.xlsx";
    ImportPlan plan = plan_import(*db, wb, o);
    CHECK(plan.rejected.empty());
    REQUIRE(plan.records.size() == 3);
    CHECK(plan.count(Outcome::New) == 3);

    const PlannedRecord* runze = find_record(plan, "润泽信息港");
    REQUIRE(runze);
    CHECK(runze->source.row == 8);
    const Project& p = *runze->project;
    CHECK(p.region_id == region_id(*db, "广阳区"));
    CHECK(p.stage == "续建");             // the form's 建设性质 holds the stage
    CHECK(p.owner == "润泽科技发展有限公司");
    CHECK(p.total_investment == Money::from_wan(1200000));
    CHECK(p.annual_plans.at(2017) == Money::from_wan(180000));
    CHECK(p.leader_name == "王某某");
    CHECK(p.leader_title == "副市长");
    REQUIRE(runze->progress.size() == 1);
    CHECK(runze->progress[0].year == 2017);
    CHECK(runze->progress[0].month == 6);
    CHECK(runze->progress[0].ytd == Money{96'500'500'000});
    CHECK(runze->progress[0].image_progress == "3号数据中心主体封顶");
    CHECK(find_record(plan, "华夏AMOLED")->project->region_id == region_id(*db, "固安县"));
    CHECK(find_record(plan, "华夏AMOLED")->project->stage == "新开工");

    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.written);
    CHECK(r.added == 3);
    CHECK(count_rows(*db, "projects") == 3);
    CHECK(count_rows(*db, "project_plans") == 3);
    CHECK(count_rows(*db, "progress") == 3);
    db::ProjectRepository repo(*db);
    auto stored = repo.find_by_name("中国联通华北基地", region_id(*db, "广阳区"));
    REQUIRE(stored);
    auto prog = repo.progress_at(stored->id, 2017, 6);
    REQUIRE(prog);
    CHECK(prog->completed_ytd == Money::from_wan(41200));
    CHECK(prog->problems == "电力增容待批");
}

TEST_CASE("importing the same file twice changes nothing") {
    auto db = seeded_db();
    Workbook wb = official_form().workbook();
    ImportOptions o;
    o.source_name = "form.xlsx";
    ImportPlan first = plan_import(*db, wb, o);
    REQUIRE(apply_import(*db, first, o).written);
    auto audit_before = count_rows(*db, "audit_log");
    ImportPlan again = plan_import(*db, wb, o);
    CHECK(again.count(Outcome::Unchanged) == 3);
    CHECK(again.count(Outcome::New) == 0);
    CHECK(again.count(Outcome::Changed) == 0);
    ImportResult r = apply_import(*db, again, o);
    CHECK_FALSE(r.written);
    CHECK(r.unchanged == 3);
    CHECK(count_rows(*db, "projects") == 3);
    CHECK(count_rows(*db, "audit_log") == audit_before);
}

TEST_CASE("changed cells update the record with audit entries") {
    auto db = seeded_db();
    ImportOptions o;
    o.source_name = "form.xlsx";
    ImportPlan first = plan_import(*db, official_form().workbook(), o);
    REQUIRE(apply_import(*db, first, o).written);

    ImportPlan second = plan_import(*db, official_form(1250000).workbook(), o);
    CHECK(second.count(Outcome::Changed) == 1);
    CHECK(second.count(Outcome::Unchanged) == 2);
    const PlannedRecord* runze = find_record(second, "润泽信息港");
    REQUIRE(runze->outcome == Outcome::Changed);
    REQUIRE(runze->changes.size() == 1);
    CHECK(runze->changes[0].field == "总投资");
    CHECK(runze->changes[0].old_value.find("1200000") != std::string::npos);
    CHECK(runze->changes[0].new_value.find("1250000") != std::string::npos);
    const std::int64_t id = runze->existing_id;
    ImportResult r = apply_import(*db, second, o);  // (plan.records is rebuilt: runze dangles)
    CHECK(r.written);
    CHECK(r.updated == 1);
    auto trail = db::audit_trail(*db, "projects", id);
    bool found = false;
    for (const auto& e : trail)
        if (e.action == "update" && e.field == "total_investment") found = true;
    CHECK(found);
    db::ProjectRepository repo(*db);
    CHECK(repo.get(id)->total_investment == Money::from_wan(1250000));
}

TEST_CASE("a cell that cannot be read rejects its row; all or nothing unless keep_good") {
    auto db = seeded_db();
    SheetBuilder b("台账");
    b.row({"项目名称", "所属县市区", "总投资（亿元）", "计划开工时间"})
        .row({"甲项目", "固安县", "1.5", "2017.3"})
        .row({"乙项目", "固安", "约3亿", "2017年4月"})
        .row({"丙项目", "永清县", "2,000万元", "2017-05-15"})
        .row({"丁项目", "火星县", "3", "下个月"});
    ImportOptions o;
    o.source_name = "t.xlsx";
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    CHECK(plan.records.size() == 2);
    REQUIRE(plan.rejected.size() == 2);
    CHECK(plan.rejected[0].source.sheet == "台账");
    CHECK(plan.rejected[0].source.row == 3);
    REQUIRE(plan.rejected[0].issues.size() == 1);
    CHECK(plan.rejected[0].issues[0].field == "总投资");
    CHECK(plan.rejected[0].issues[0].reason.find("约3亿") != std::string::npos);
    CHECK(plan.rejected[1].issues.size() == 2);  // region and date, both reported
    const PlannedRecord* jia = find_record(plan, "甲项目");
    CHECK(jia->project->total_investment == Money::from_wan(15000));
    CHECK(jia->project->planned_start == "2017-03");
    CHECK(find_record(plan, "丙项目")->project->total_investment == Money::from_wan(2000));

    ImportResult r = apply_import(*db, plan, o);
    CHECK_FALSE(r.written);
    CHECK(r.rejected == 2);
    CHECK(count_rows(*db, "projects") == 0);

    ImportOptions keep = o;
    keep.keep_good = true;
    ImportPlan plan2 = plan_import(*db, b.workbook(), keep);
    ImportResult r2 = apply_import(*db, plan2, keep);
    CHECK(r2.written);
    CHECK(r2.added == 2);
    CHECK(count_rows(*db, "projects") == 2);
}

TEST_CASE("dry run writes nothing") {
    auto db = seeded_db();
    ImportOptions o;
    o.dry_run = true;
    ImportPlan plan = plan_import(*db, official_form().workbook(), o);
    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.added == 3);
    CHECK_FALSE(r.written);
    CHECK(count_rows(*db, "projects") == 0);
    CHECK(count_rows(*db, "audit_log") == 0);
}

TEST_CASE("group label rows set the zone and region; --set fills a field for the whole file") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"2017年重点项目台账"})
        .row({"序号", "项目名称", "总投资(万元)", "建设地点"})
        .row({"一、固安工业园区"})
        .row({1, "A项目", "10,000", "新兴产业示范区"})
        .row({"二、永清县"})
        .row({2, "B项目", 20000})
        .row({"注：本表由各县填报"})
        .row({"3", "不是项目的说明行"});
    ImportOptions o;
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    CHECK(plan.rejected.empty());
    REQUIRE(plan.records.size() == 2);
    const Project& a = *find_record(plan, "A项目")->project;
    CHECK(a.zone_id.has_value());
    CHECK(a.region_id == region_id(*db, "固安县"));
    CHECK(a.site == "新兴产业示范区");
    CHECK(a.total_investment == Money::from_wan(10000));
    CHECK(find_record(plan, "B项目")->project->region_id == region_id(*db, "永清县"));
    CHECK_FALSE(find_record(plan, "B项目")->project->zone_id.has_value());

    SheetBuilder c;
    c.row({"项目名称", "总投资"}).row({"C项目", 5000});
    ImportOptions none;
    ImportPlan p0 = plan_import(*db, c.workbook(), none);
    REQUIRE(p0.rejected.size() == 1);
    CHECK(p0.rejected[0].issues[0].reason.find("--set region") != std::string::npos);
    ImportOptions set;
    set.set_fields = {{"region", "大厂"}, {"level", "市重点"}};
    ImportPlan p1 = plan_import(*db, c.workbook(), set);
    REQUIRE(p1.records.size() == 1);
    CHECK(p1.records[0].project->region_id == region_id(*db, "大厂回族自治县"));
    CHECK(p1.records[0].project->level == "市重点");
    ImportOptions bad;
    bad.set_fields = {{"colour", "red"}};
    CHECK_THROWS_AS(plan_import(*db, c.workbook(), bad), ValidationError);
}

TEST_CASE("matching by project code, else by name and region; duplicates in the file are rejected") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目代码", "项目名称", "所属县市区", "总投资"})
        .row({"2017-131000-47-03-000001", "甲项目", "固安县", 100})
        .row({{}, "乙项目", "固安县", 200})
        .row({{}, "乙项目", "固安县", 300});
    ImportOptions o;
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    CHECK(plan.records.size() == 2);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].issues[0].reason.find("第3行") != std::string::npos);
    o.keep_good = true;
    REQUIRE(apply_import(*db, plan, o).written);

    // Renamed in the file, same code: the code wins, the name is updated
    SheetBuilder c;
    c.row({"项目代码", "项目名称", "所属县市区", "总投资"}).row({"2017-131000-47-03-000001", "甲项目（一期）", "固安县", 100});
    ImportPlan p2 = plan_import(*db, c.workbook(), {});
    REQUIRE(p2.records.size() == 1);
    CHECK(p2.records[0].outcome == Outcome::Changed);
    CHECK(p2.records[0].changes.at(0).field == "项目名称");
}

TEST_CASE("presets save and re-apply a confirmed mapping") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "投资额度", "备注"}).row({"甲", "固安县", 12, "x"});
    ImportOptions o;
    ImportPlan auto_plan = plan_import(*db, b.workbook(), o);
    Mapping m = auto_plan.sheets.at(0).mapping;
    CHECK(m.columns.at(2).field.empty());  // "投资额度" is not a known header
    m.columns.at(2).field = "total_investment";
    m.columns.at(2).unit = AmountUnit::Yi;
    save_preset(*db, "某县台账", m);
    auto loaded = load_preset(*db, "某县台账");
    REQUIRE(loaded);
    CHECK(list_presets(*db).size() == 1);
    o.preset = loaded->mapping;
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.records.size() == 1);
    CHECK(plan.records[0].project->total_investment == Money::from_wan(120000));
    CHECK(plan.records[0].project->notes == "x");
    save_preset(*db, "某县台账", m);  // replaces, does not duplicate
    CHECK(list_presets(*db).size() == 1);
}

TEST_CASE("a saved preset is picked when the file's header matches its layout") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "投资额度", "备注"}).row({"甲", "固安县", 12, "x"});
    ImportOptions o;
    ImportPlan auto_plan = plan_import(*db, b.workbook(), o);
    CHECK(auto_plan.sheets.at(0).preset_name.empty());
    CHECK(auto_plan.records.at(0).project->total_investment == Money{});
    Mapping m = auto_plan.sheets.at(0).mapping;
    m.columns.at(2).field = "total_investment";
    m.columns.at(2).unit = AmountUnit::Yi;
    // What the GUI's mapping dialog calls once the user confirmed the mapping
    Preset saved = save_preset(*db, "某县台账", auto_plan.sheets.at(0).mapping.signature, m);
    CHECK(saved.signature == "项目名称|所属县市区|投资额度|备注");
    CHECK_THROWS_AS(save_preset(*db, "无表头", "", m), ValidationError);

    // Same header (written differently: spaces, full-width parentheses) -> picked, and said so
    SheetBuilder same;
    same.row({"项目 名称", "所属县市区", "投资额度", "备 注"}).row({"甲", "固安县", 12, "x"});
    ImportPlan plan = plan_import(*db, same.workbook(), o);
    REQUIRE(plan.sheets.size() == 1);
    CHECK(plan.sheets[0].preset_name == "某县台账");
    CHECK(plan.sheets[0].preset_auto);
    bool said = false;
    for (const auto& n : plan.notes)
        if (n.find("导入方案“某县台账”") != std::string::npos) said = true;
    CHECK(said);
    CHECK(plan.records.at(0).project->total_investment == Money::from_wan(120000));

    // Not when asked not to, not for another layout, not for another kind
    ImportOptions no_auto;
    no_auto.auto_preset = false;
    CHECK(plan_import(*db, same.workbook(), no_auto).sheets[0].preset_name.empty());
    SheetBuilder other;
    other.row({"项目名称", "所属县市区", "投资额度", "备注", "建设单位"}).row({"甲", "固安县", 12, "x", "y"});
    CHECK(plan_import(*db, other.workbook(), o).sheets[0].preset_name.empty());
    ImportOptions deals;
    deals.kind = RecordKind::Deals;
    CHECK(plan_import(*db, same.workbook(), deals).sheets[0].preset_name.empty());

    // The kind a matching preset was saved for (for a CLI call without --kind)
    auto found = preset_for_workbook(*db, same.workbook());
    REQUIRE(found);
    CHECK(found->name == "某县台账");
    CHECK(found->kind == RecordKind::Projects);
    CHECK_FALSE(preset_for_workbook(*db, other.workbook()));
}

TEST_CASE("units: 元 / 亿元 headers, a unit line, and units written in the cells") {
    auto db = seeded_db();
    SheetBuilder yuan;
    yuan.row({"项目名称", "所属县市区", "总投资（元）", "2017年计划投资（亿元）"})
        .row({"甲", "固安县", "1,234,567,890", "1.5"})
        .row({"乙", "固安县", 300000000, "8,000万元"})   // a unit in the cell wins
        .row({"丙", "固安县", "2亿元", {}});
    ImportPlan p = plan_import(*db, yuan.workbook(), {});
    REQUIRE(p.rejected.empty());
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0].project->total_investment == Money{123'456'789'000});
    CHECK(p.records[0].project->annual_plans.at(2017) == Money::from_wan(15000));
    CHECK(p.records[1].project->total_investment == Money::from_wan(30000));
    CHECK(p.records[1].project->annual_plans.at(2017) == Money::from_wan(8000));
    CHECK(p.records[2].project->total_investment == Money::from_wan(20000));

    SheetBuilder line;  // "单位：亿元" above the header applies to columns without their own unit
    line.row({"某县重点项目表"}).row({"单位：亿元"}).row({"项目名称", "所属县市区", "总投资"}).row({"丁", "固安县", "12.5"});
    ImportPlan q = plan_import(*db, line.workbook(), {});
    REQUIRE(q.records.size() == 1);
    CHECK(q.records[0].project->total_investment == Money::from_wan(125000));
}

TEST_CASE("mapping dialog flow: map_workbook, edit, save_preset for the layout, then import picks it") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"某县2017年重点项目表"}).row({"工程", "所属县市区", "投资额度"}).row({"甲", "固安县", 3});
    Workbook wb = b.workbook();
    ImportOptions o;
    // "工程" is not a known name header: plan_import refuses, map_workbook shows the problem
    CHECK_THROWS_AS(plan_import(*db, wb, o), ValidationError);
    auto sheets = map_workbook(*db, wb, o);
    // no sheet is recognised without a name column: the table is offered with a guessed header,
    // for the user to choose the name column (issue 5)
    REQUIRE(sheets.size() == 1);
    CHECK(sheets[0].needs_confirmation);
    CHECK_FALSE(sheets[0].mapping.has("name"));

    SheetBuilder c;
    c.row({"某县2017年重点项目表"}).row({"项目名称", "所属县市区", "投资额度"}).row({"甲", "固安县", 3});
    sheets = map_workbook(*db, c.workbook(), o);
    REQUIRE(sheets.size() == 1);
    CHECK(sheets[0].layout.header_first == 1);
    CHECK(sheets[0].preset_name.empty());
    Mapping edited = sheets[0].mapping;
    REQUIRE(edited.columns.at(2).field.empty());  // 投资额度: unknown
    edited.columns.at(2).field = "total_investment";
    edited.columns.at(2).unit = AmountUnit::Yi;
    CHECK(edited.problems().empty());
    save_preset(*db, "某县重点项目表", sheets[0].mapping.signature, edited);

    auto again = map_workbook(*db, c.workbook(), o);
    REQUIRE(again.size() == 1);
    CHECK(again[0].preset_name == "某县重点项目表");
    CHECK(again[0].preset_auto);
    CHECK(again[0].mapping.columns.at(2).field == "total_investment");
    ImportPlan plan = plan_import(*db, c.workbook(), o);
    REQUIRE(plan.records.size() == 1);
    CHECK(plan.records[0].project->total_investment == Money::from_wan(30000));
}
