// FIELD=VALUE pairs as investledger-cli add/set take them, read into records: every member type,
// the catalog's dictionary types, aliases, and the messages of unreadable values and unknown fields.
#include <doctest/doctest.h>

#include <functional>

#include "tests/support/validation_message.h"
#include "core/db/project_repository.h"
#include "core/edit/field_assignments.h"
#include "core/util/error.h"
#include "tests/core/db/ledger_fixture.h"

using namespace il;
using namespace il::edit;


TEST_CASE("project fields: text, amounts, flags and dictionary names become the model's values") {
    auto d = db::Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    Project p;
    p.code = "x";
    assign_project_fields(*d, p,
                          {{"name", "华为云计算"}, {"region", "固安县"}, {"zone", "固安工业园区"}, {"industry", "C"},
                           {"category", "新材料"}, {"stage", "续建"}, {"total", "1,234.5"}, {"is_jingjin", "是"},
                           {"planned_start", "2017-03"}, {"leader_name", "王某某"}, {"code", ""}});
    CHECK(p.name == "华为云计算");
    CHECK(p.region_id == s.gu_an);
    CHECK(p.zone_id == s.gu_an_park);
    CHECK(p.industry_id == s.manufacturing);
    CHECK(p.category_id == s.new_materials);
    CHECK(p.stage == "续建");
    CHECK(p.total_investment == Money::from_fen(1'234'500'000));
    CHECK(p.is_jingjin);
    CHECK(p.planned_start == "2017-03");
    CHECK(p.leader_name == "王某某");
    CHECK_FALSE(p.code);  // empty clears an optional field

    // ids and the *_id aliases; empty clears an optional reference
    assign_project_fields(*d, p, {{"region_id", std::to_string(s.guangyang)}, {"zone_id", ""}, {"category", ""}});
    CHECK(p.region_id == s.guangyang);
    CHECK_FALSE(p.zone_id);
    CHECK_FALSE(p.category_id);
}

TEST_CASE("project fields: annual plans and approvals") {
    auto d = db::Database::open_memory();
    test::fill_small_ledger(*d);
    Project p;
    p.annual_plans[2016] = Money::from_wan(1);
    assign_project_fields(*d, p,
                          {{"annual_plans.2017", "6000"}, {"plan.2018", "7000"}, {"plan.2016", ""},
                           {"approvals.环评.status", "已办"}, {"approvals.环评.doc_date", "2017-03-01"},
                           {"approvals.用地.doc_number", "廊国土〔2017〕1号"}});
    CHECK(p.annual_plans == std::map<int, Money>{{2017, Money::from_wan(6000)}, {2018, Money::from_wan(7000)}});
    REQUIRE(p.approvals.size() == 2);
    CHECK(p.approvals[0].kind == "环评");
    CHECK(p.approvals[0].status == "已办");
    CHECK(p.approvals[0].doc_date == "2017-03-01");
    CHECK(p.approvals[1].kind == "用地");
    CHECK(p.approvals[1].status == "未办");  // a new approval starts as not done
    CHECK(p.approvals[1].doc_number == "廊国土〔2017〕1号");

    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"plan.17", "1"}}); }) == "字段 plan.17：年份“17”应为四位数字");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"approvals.环评", "x"}}); }) ==
          "字段 approvals.环评：应为 approvals.<类别>.status|doc_number|doc_date");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"approvals.环评.date", "x"}}); }) ==
          "字段 approvals.环评.date：应为 approvals.<类别>.status|doc_number|doc_date");
}

TEST_CASE("project fields: unreadable values name the field's key, also when an alias was typed") {
    auto d = db::Database::open_memory();
    test::fill_small_ledger(*d);
    Project p;
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"total", "五千"}}); }) ==
          "字段 total_investment：金额“五千”无法识别（单位万元，最多六位小数，例如 1234.56）");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"region_id", "北京市"}}); }) ==
          "字段 region：未知的县市区“北京市”（用 `dict list regions` 查看）");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"industry", "Z"}}); }) ==
          "字段 industry：未知的国民经济行业“Z”（用 `dict list industries` 查看）");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"is_foreign", "也许"}}); }) ==
          "字段 is_foreign：“也许”应为 是/否（或 1/0）");
    CHECK(il_test::validation_message([&] { assign_project_fields(*d, p, {{"colour", "red"}}); }) ==
          "字段 colour：项目没有这个字段。可用字段：actual_completion actual_start category category_id code "
          "contact_person contact_phone content industry industry_id is_foreign is_jingjin leader_name leader_title "
          "level name nature notes owner planned_completion planned_start region region_id responsible_unit site "
          "stage total total_investment zone zone_id annual_plans.<年份> approvals.<类别>.status|doc_number|doc_date");
}

TEST_CASE("renovation fields") {
    auto d = db::Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    Renovation r;
    assign_renovation_fields(*d, r,
                             {{"enterprise", "某家具公司"}, {"region", "131003"}, {"zone", "龙河高新区"},
                              {"industry", "制造业"}, {"kind", "智能化"}, {"equipment_investment", "80"},
                              {"in_statistics", "1"}, {"filing_number", "2017-131003-21"}, {"plan.2017", "50"}});
    CHECK(r.enterprise == "某家具公司");
    CHECK(r.region_id == s.guangyang);
    CHECK(r.zone_id == s.longhe);
    CHECK(r.industry_id == s.manufacturing);
    CHECK(r.kind == "智能化");
    CHECK(r.equipment_investment == Money::from_wan(80));
    CHECK(r.in_statistics);
    CHECK(r.filing_number == "2017-131003-21");
    CHECK(r.annual_plans.at(2017) == Money::from_wan(50));
    CHECK(il_test::validation_message([&] { assign_renovation_fields(*d, r, {{"category", "新材料"}}); }) ==
          "字段 category：技改项目没有这个字段。可用字段：actual_completion actual_start enterprise "
          "equipment_investment expected_output expected_tax filing_number in_statistics industry industry_id kind "
          "name notes planned_completion planned_start region region_id stage total total_investment zone zone_id "
          "annual_plans.<年份>");
}

TEST_CASE("deal fields: the contract amount is read in the currency given, before or after it") {
    auto d = db::Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    Project linked = test::sample_project(s);
    db::ProjectRepository(*d).insert(linked);
    Deal deal;
    assign_deal_fields(*d, deal,
                       {{"name", "碳纤维车体"}, {"region", "固安县"}, {"zone", "固安工业园区"}, {"industry", "C"},
                        {"category", "智慧物流"},
                        {"contract_amount", "12.5"}, {"currency", "USD"}, {"terminated_date", "2018-01"},
                        {"project", std::to_string(linked.id)}, {"is_foreign", "是"}});
    CHECK(deal.contract_currency == Currency::USD);
    CHECK(deal.contract_amount == 12'500'000);  // 12.5 万美元 in cents
    CHECK(deal.zone_id == s.gu_an_park);
    CHECK(deal.industry_id == s.manufacturing);
    CHECK(deal.category_id == s.logistics);
    CHECK(deal.terminated_date == "2018-01");
    CHECK(deal.project_id == linked.id);
    CHECK(deal.is_foreign);
    assign_deal_fields(*d, deal, {{"project_id", ""}, {"contract_currency", "CNY"}});
    CHECK_FALSE(deal.project_id);
    CHECK(deal.contract_currency == Currency::CNY);
    CHECK(deal.contract_amount == 12'500'000);  // not given again: unchanged

    CHECK(il_test::validation_message([&] { assign_deal_fields(*d, deal, {{"project", "999"}}); }) ==
          "字段 project_id：没有编号或项目代码为“999”的项目");
    CHECK(il_test::validation_message([&] { assign_deal_fields(*d, deal, {{"currency", "EUR"}}); }) ==
          "字段 contract_currency：“EUR”应为 CNY 或 USD");
    CHECK(il_test::validation_message([&] { assign_deal_fields(*d, deal, {{"total_investment", "1"}}); }) ==
          "字段 total_investment：招商项目没有这个字段。可用字段：category category_id contract_amount "
          "contract_currency contract_type country currency industry industry_id investor is_foreign lead_date name "
          "negotiation_date notes operating_date origin project project_id region region_id registered_date "
          "signed_date signing_event stage started_date terminated_date zone zone_id ");
}

TEST_CASE("problem fields") {
    Problem pb;
    pb.assigned_date = "2017-03-01";
    assign_problem_fields(pb, {{"status", "销号"}, {"closed_date", "2017-06-30"}, {"assigned_date", ""},
                               {"owner_unit", "国土局"}});
    CHECK(pb.status == "销号");
    CHECK(pb.closed_date == "2017-06-30");
    CHECK_FALSE(pb.assigned_date);
    CHECK(pb.owner_unit == "国土局");
    CHECK(il_test::validation_message([&] { assign_problem_fields(pb, {{"project_id", "2"}}); }) ==
          "字段 project_id：存在问题没有这个字段。可用字段：description owner_unit status assigned_date "
          "supervised_date closed_date notes");
}
