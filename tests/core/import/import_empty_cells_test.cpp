// The empty-cell rule of imports (docs/用户手册.md, 导入): for an existing record an empty cell
// in a mapped optional text column clears the stored text (shown in the preview, audited); an
// empty required field rejects the row; an empty amount means "not reported" (never 0); a column
// that is empty in every row is taken as absent.
#include <doctest/doctest.h>

#include "core/db/audit.h"
#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/import/import_run.h"
#include "tests/core/import/import_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
const PlannedRecord* record_named(const ImportPlan& plan, const std::string& name) {
    for (const auto& r : plan.records)
        if ((r.project && r.project->name == name) || (r.deal && r.deal->name == name) ||
            (r.renovation && r.renovation->name == name))
            return &r;
    return nullptr;
}
const CellChange* change_of(const PlannedRecord& r, const std::string& field) {
    for (const auto& c : r.changes)
        if (c.field == field) return &c;
    return nullptr;
}
std::int64_t audit_count(db::Database& db, const std::string& table, const std::string& field) {
    il::db::Query q(db, "SELECT count(*) FROM audit_log WHERE table_name = ? AND field = ? AND action = 'update'");
    q.bind(1, table);
    q.bind(2, field);
    q.executeStep();
    return q.getColumn(0).getInt64();
}
ImportResult run(db::Database& db, const SheetBuilder& b, ImportPlan* out = nullptr,
                 std::vector<std::pair<std::string, std::string>> sets = {}) {
    ImportOptions o;
    o.source_name = "t.xlsx";
    o.set_fields = std::move(sets);
    ImportPlan plan = plan_import(db, b.workbook(), o);
    ImportResult r = apply_import(db, plan, o);
    if (out) *out = std::move(plan);
    return r;
}
}  // namespace

TEST_CASE("empty cells: an emptied optional text clears it, shown and audited; other rows keep theirs") {
    auto db = seeded_db();
    SheetBuilder first;
    first.row({"项目名称", "所属县市区", "总投资", "建设单位", "备注", "包联领导"})
        .row({"甲项目", "固安县", 50000, "甲公司", "用地已落实", "王某某（副县长）"})
        .row({"乙项目", "固安县", 60000, "乙公司", "手续齐全", "李某某（县长）"});
    REQUIRE(run(*db, first).added == 2);

    SheetBuilder second;  // 甲's 备注 and 包联领导 emptied; the columns still hold 乙's values
    second.row({"项目名称", "所属县市区", "总投资", "建设单位", "备注", "包联领导"})
        .row({"甲项目", "固安县", 50000, "甲公司", {}, {}})
        .row({"乙项目", "固安县", 60000, "乙公司", "手续齐全", "李某某（县长）"});
    ImportOptions o;
    ImportPlan plan = plan_import(*db, second.workbook(), o);
    CHECK(plan.rejected.empty());
    const PlannedRecord* jia = record_named(plan, "甲项目");
    REQUIRE(jia);
    CHECK(jia->outcome == Outcome::Changed);
    const CellChange* notes = change_of(*jia, "备注");
    REQUIRE(notes);
    CHECK(notes->old_value == "用地已落实");
    CHECK(notes->new_value.empty());
    CHECK(change_of(*jia, "包联领导"));
    CHECK(change_of(*jia, "领导职务"));
    CHECK(record_named(plan, "乙项目")->outcome == Outcome::Unchanged);
    const std::int64_t id = jia->existing_id;
    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.updated == 1);
    CHECK(r.unchanged == 1);
    db::ProjectRepository repo(*db);
    auto stored = repo.get(id);
    CHECK(stored->notes.empty());
    CHECK(stored->leader_name.empty());
    CHECK(stored->owner == "甲公司");
    CHECK(audit_count(*db, "projects", "notes") == 1);

    // The same file again changes nothing
    ImportPlan again = plan_import(*db, second.workbook(), o);
    CHECK(again.count(Outcome::Unchanged) == 2);
}

TEST_CASE("empty cells: a column empty in every row is absent, so nothing is cleared") {
    auto db = seeded_db();
    SheetBuilder first;
    first.row({"项目名称", "所属县市区", "总投资", "备注"}).row({"甲项目", "固安县", 50000, "用地已落实"});
    REQUIRE(run(*db, first).added == 1);
    SheetBuilder blank_column;  // a template whose 备注 column nobody filled
    blank_column.row({"项目名称", "所属县市区", "总投资", "备注", "建设单位"})
        .row({"甲项目", "固安县", 50000, {}, "甲公司"});
    ImportPlan plan;
    ImportResult r = run(*db, blank_column, &plan);
    CHECK(r.updated == 1);
    bool noted = false;
    for (const auto& n : plan.notes)
        if (n.find("“备注”整列为空") != std::string::npos) noted = true;
    CHECK(noted);
    db::ProjectRepository repo(*db);
    auto stored = repo.get(plan.records.at(0).existing_id);
    REQUIRE(stored);
    CHECK(stored->notes == "用地已落实");
    CHECK(stored->owner == "甲公司");
}

TEST_CASE("empty cells: an empty amount is 'not reported', never 0; a new record needs its total") {
    auto db = seeded_db();
    SheetBuilder first;
    first.row({"项目名称", "所属县市区", "总投资", "1-6月完成投资", "存在问题"})
        .row({"甲项目", "固安县", 50000, 1200, "电力增容待批"})
        .row({"乙项目", "固安县", 60000, 800, "环评待批"});
    REQUIRE(run(*db, first, nullptr, {{"period", "2017-06"}}).added == 2);

    SheetBuilder second;
    second.row({"项目名称", "所属县市区", "总投资", "1-6月完成投资", "存在问题"})
        .row({"甲项目", "固安县", {}, {}, {}})           // nothing reported, problem solved
        .row({"乙项目", "固安县", 60000, 900, "环评待批"})
        .row({"丙项目", "固安县", {}, 100, {}});         // new, without its total: rejected
    ImportOptions o;
    o.set_fields = {{"period", "2017-06"}};
    ImportPlan plan = plan_import(*db, second.workbook(), o);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].source.row == 4);
    REQUIRE(plan.rejected[0].issues.size() == 1);
    CHECK(plan.rejected[0].issues[0].field == "总投资");
    CHECK(plan.rejected[0].issues[0].reason.find("总投资为空") != std::string::npos);

    const PlannedRecord* jia = record_named(plan, "甲项目");
    REQUIRE(jia);
    CHECK(jia->project->total_investment == Money::from_wan(50000));  // kept, not 0
    REQUIRE(jia->changes.size() == 1);                                // only the emptied problem
    CHECK(jia->changes[0].field == "2017-06 存在问题");
    CHECK(jia->changes[0].old_value == "电力增容待批");
    CHECK(jia->changes[0].new_value.empty());
    const std::int64_t id = jia->existing_id;

    o.keep_good = true;
    ImportResult r = apply_import(*db, plan, o);
    CHECK(r.updated == 2);
    db::ProjectRepository repo(*db);
    auto prog = repo.progress_at(id, 2017, 6);
    REQUIRE(prog);
    CHECK(prog->completed_ytd == Money::from_wan(1200));  // not reported: kept
    CHECK(prog->problems.empty());
    CHECK(audit_count(*db, "progress", "2017-06.problems") == 1);
}

TEST_CASE("empty cells: an empty required field rejects the row and says which") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "总投资"}).row({{}, "固安县", 50000}).row({"乙项目", {}, 600}).row({"丙项目", "固安县", 700});
    ImportPlan plan;
    ImportOptions o;
    plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.rejected.size() == 2);
    CHECK(plan.rejected[0].issues.at(0).field == "项目名称");
    CHECK(plan.rejected[0].issues.at(0).reason == "项目名称为空");
    CHECK(plan.rejected[1].issues.at(0).field == "所属县市区");
    CHECK(plan.records.size() == 1);

    SheetBuilder r;  // 技改: 企业名称 is required too
    r.row({"企业名称", "项目名称", "所属县市区", "总投资"}).row({{}, "技改一号", "固安县", 100}).row({"甲企业", "技改二号", "固安县", 100});
    o.kind = RecordKind::Renovations;
    ImportPlan rp = plan_import(*db, r.workbook(), o);
    REQUIRE(rp.rejected.size() == 1);
    CHECK(rp.rejected[0].issues.at(0).reason == "企业名称为空");
}

TEST_CASE("empty cells: deals' optional texts are cleared the same way") {
    auto db = seeded_db();
    SheetBuilder first;
    first.row({"项目名称", "所属县市区", "来源地", "投资方", "签约活动", "备注"})
        .row({"甲招商", "固安县", "北京", "甲集团", "京津冀洽谈会", "重点跟进"})
        .row({"乙招商", "固安县", "天津", "乙集团", "京津冀洽谈会", "x"});
    ImportOptions o;
    o.kind = RecordKind::Deals;
    ImportPlan p1 = plan_import(*db, first.workbook(), o);
    REQUIRE(apply_import(*db, p1, o).added == 2);
    SheetBuilder second;
    second.row({"项目名称", "所属县市区", "来源地", "投资方", "签约活动", "备注"})
        .row({"甲招商", "固安县", "北京", "甲集团", {}, {}})
        .row({"乙招商", "固安县", "天津", "乙集团", "京津冀洽谈会", "x"});
    ImportPlan p2 = plan_import(*db, second.workbook(), o);
    const PlannedRecord* jia = record_named(p2, "甲招商");
    REQUIRE(jia);
    CHECK(change_of(*jia, "签约活动"));
    CHECK(change_of(*jia, "备注"));
    const std::int64_t id = jia->existing_id;
    REQUIRE(apply_import(*db, p2, o).updated == 1);
    db::DealRepository repo(*db);
    auto d = repo.get(id);
    CHECK(d->notes.empty());
    CHECK(d->signing_event.empty());
    CHECK(d->investor == "甲集团");
}
