#include <doctest/doctest.h>

#include <algorithm>

#include "core/validate/common.h"
#include "core/validate/completeness.h"
#include "core/validate/deal_rules.h"
#include "core/validate/renovation_rules.h"
#include "core/validate/target_rules.h"

using namespace il;
using namespace il::validate;

namespace {
bool has(const std::vector<FieldIssue>& v, const std::string& field) {
    return std::any_of(v.begin(), v.end(), [&](const FieldIssue& i) { return i.field == field; });
}
}  // namespace

TEST_CASE("dates: YYYY-MM or YYYY-MM-DD, real calendar days") {
    CHECK(is_valid_date_text("2017-06"));
    CHECK(is_valid_date_text("2016-02-29"));
    CHECK_FALSE(is_valid_date_text("2017-02-29"));
    CHECK_FALSE(is_valid_date_text("2017-6"));
    CHECK_FALSE(is_valid_date_text("2017-06-1"));
    CHECK_FALSE(is_valid_date_text("2017/06/01"));
    CHECK_FALSE(is_valid_date_text("2017-00"));
    CHECK_FALSE(is_valid_date_text("2017-04-31"));
    CHECK_FALSE(is_valid_date_text(""));
    CHECK_FALSE(is_valid_day_text("2017-06"));
    CHECK(date_after("2017-07", "2017-06-30"));
    CHECK_FALSE(date_after("2017-06-30", "2017-06"));
    CHECK(is_blank(" \t　"));
}

TEST_CASE("renovation rules") {
    Renovation r;
    r.enterprise = "企业";
    r.name = "改造";
    r.region_id = 1;
    r.total_investment = Money::from_wan(100);
    r.equipment_investment = Money::from_wan(100);
    CHECK(validate_renovation(r).empty());
    r.equipment_investment = Money::from_wan(101);
    CHECK(has(validate_renovation(r), "equipment_investment"));
    r.equipment_investment = Money{};
    r.enterprise = "";
    r.kind = "数字化";
    r.stage = "投产";
    r.expected_output = Money::from_wan(-1);
    auto v = validate_renovation(r);
    CHECK(has(v, "enterprise"));
    CHECK(has(v, "kind"));
    CHECK_FALSE(has(v, "actual_completion"));  // missing information: a warning
    CHECK(has(missing_information(r), "actual_completion"));
    CHECK(has(v, "expected_output"));
}

TEST_CASE("deal rules") {
    Deal d;
    d.name = "项目";
    d.region_id = 1;
    CHECK(validate_deal(d).empty());
    d.origin = "海外";
    d.stage = "落地";
    d.contract_type = "框架";
    d.signed_date = "2017-05-18";
    d.started_date = "2017-05-01";
    auto v = validate_deal(d);
    CHECK(has(v, "origin"));
    CHECK(has(v, "stage"));
    CHECK(has(v, "contract_type"));
    CHECK(has(v, "started_date"));
    FundsInPlace f;
    f.date = "2017-05-01";
    f.amount = 100;
    f.currency = Currency::USD;
    f.rate_micro = 6'800'000;
    f.amount_cny = Money{680};
    CHECK(validate_funds(f).empty());
    f.amount_cny = Money{681};
    CHECK(has(validate_funds(f), "amount_cny"));
    d = Deal{};
    d.name = "x";
    d.region_id = 1;
    d.funds.push_back(f);
    CHECK(has(validate_deal(d), "funds[1].amount_cny"));
}

TEST_CASE("target rules") {
    AnnualTarget t;
    t.year = 2017;
    CHECK(has(validate_target(t), "region_id"));  // neither region nor zone
    t.region_id = 1;
    CHECK(validate_target(t).empty());
    t.projects_count = -1;
    t.year = 17;
    auto v = validate_target(t);
    CHECK(has(v, "projects_count"));
    CHECK(has(v, "year"));
}
