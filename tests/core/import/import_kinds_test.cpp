#include <doctest/doctest.h>

#include "core/db/deal_repository.h"
#include "core/db/renovation_repository.h"
#include "core/import/import_run.h"
#include "tests/core/import/import_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

TEST_CASE("技改 items: matched by 备案号, else enterprise + name; equipment, 入统, plans and months") {
    auto db = seeded_db();
    SheetBuilder b("技改");
    b.row({"2017年技术改造项目台账"})
        .row({"单位：万元"})
        .row({"序号", "企业名称", "项目名称", "备案号", "所属县市区", "技改类型", "总投资", "其中：设备投资", "是否入统",
              "2017年计划投资", "1-6月完成投资"})
        .row({1, "泉恩管材有限公司", "智能生产线改造", "2017-131022-33-03-000123", "固安县", "智能化", "12,000", 8000, "是",
              5000, 2600})
        .row({2, "科达装备有限公司", "扩能改造", {}, "三河市", "扩能", 20000, 9000, "否", 6000, 3100})
        .row({"合计", {}, {}, {}, {}, {}, 32000, 17000, {}, 11000, 5700});
    ImportOptions o;
    o.kind = RecordKind::Renovations;
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    CHECK(plan.rejected.empty());
    REQUIRE(plan.records.size() == 2);
    const Renovation& r = *plan.records[0].renovation;
    CHECK(r.enterprise == "泉恩管材有限公司");
    CHECK(r.kind == "智能化");
    CHECK(r.total_investment == Money::from_wan(12000));
    CHECK(r.equipment_investment == Money::from_wan(8000));
    CHECK(r.in_statistics);
    CHECK(r.annual_plans.at(2017) == Money::from_wan(5000));
    CHECK(plan.records[0].progress.at(0).ytd == Money::from_wan(2600));
    REQUIRE(apply_import(*db, plan, o).written);
    CHECK(count_rows(*db, "renovations") == 2);
    CHECK(count_rows(*db, "renovation_progress") == 2);

    // Again: unchanged. Then one figure changed: one update.
    ImportPlan again = plan_import(*db, b.workbook(), o);
    CHECK(again.count(Outcome::Unchanged) == 2);
    SheetBuilder c("技改");
    c.row({"企业名称", "项目名称", "备案号", "所属县市区", "设备投资"})
        .row({"泉恩管材有限公司（改名）", "智能生产线改造", "2017-131022-33-03-000123", "固安县", 8500});
    ImportPlan upd = plan_import(*db, c.workbook(), o);
    REQUIRE(upd.records.size() == 1);
    CHECK(upd.records[0].outcome == Outcome::Changed);
    CHECK(upd.records[0].changes.size() == 2);  // enterprise and equipment
    REQUIRE(apply_import(*db, upd, o).written);
    db::RenovationRepository repo(*db);
    auto stored = repo.find_by_filing_number("2017-131022-33-03-000123");
    REQUIRE(stored);
    CHECK(stored->equipment_investment == Money::from_wan(8500));

    // The ledger's rule: equipment above total is rejected, with the reason
    SheetBuilder bad("技改");
    bad.row({"企业名称", "项目名称", "所属县市区", "总投资", "设备投资"}).row({"某企业", "某项目", "固安县", 100, 200});
    ImportPlan p3 = plan_import(*db, bad.workbook(), o);
    REQUIRE(p3.rejected.size() == 1);
    CHECK(p3.rejected[0].issues.at(0).reason.size() > 0);
}

TEST_CASE("deals: CNY and 万美元 amounts, origin required for new deals") {
    auto db = seeded_db();
    SheetBuilder b("招商");
    b.row({"项目名称", "投资方", "来源地", "所属县市区", "签约额（万元）", "签约时间", "签约活动", "进展阶段", "国别"})
        .row({"华为云计算", "华为技术有限公司", "北京", "广阳区", "500,000", "2017年5月18日", "5·18经洽会", "签约"})
        .row({"外资项目甲", "某外国公司", "境外", "固安县", "1,200万美元", "2017-09-26", "9·26农交会", "已签约", "德国"})
        .row({"无来源项目", "某公司", {}, "固安县", 100, {}, {}, "洽谈"});
    ImportOptions o;
    o.kind = RecordKind::Deals;
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.records.size() == 2);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected.back().source.row == 4);
    CHECK(plan.rejected.back().issues.at(0).field == "来源地");
    const Deal* huawei = nullptr;
    const Deal* foreign = nullptr;
    for (auto& r : plan.records) {
        if (r.deal->name == "华为云计算") huawei = &*r.deal;
        if (r.deal->name == "外资项目甲") foreign = &*r.deal;
    }
    REQUIRE(huawei);
    CHECK(huawei->contract_currency == Currency::CNY);
    CHECK(huawei->contract_amount == Money::from_wan(500000).fen);
    CHECK(huawei->signed_date == "2017-05-18");
    CHECK(huawei->stage == "签约");
    REQUIRE(foreign);
    CHECK(foreign->contract_currency == Currency::USD);
    CHECK(foreign->contract_amount == 1200 * 1'000'000);
    CHECK(foreign->country == "德国");
    o.keep_good = true;
    ImportResult res = apply_import(*db, plan, o);
    CHECK(res.written);
    CHECK(count_rows(*db, "deals") == static_cast<std::int64_t>(plan.records.size()));
    ImportPlan again = plan_import(*db, b.workbook(), o);
    CHECK(again.count(Outcome::Unchanged) == static_cast<int>(plan.records.size()));
}
