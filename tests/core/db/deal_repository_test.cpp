#include <doctest/doctest.h>

#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

namespace {
Deal sample(const test::SmallLedger& s) {
    Deal d;
    d.name = "碳纤维宝马车体";
    d.investor = "某外资汽车部件公司";
    d.origin = "境外";
    d.country = "德国";
    d.region_id = s.gu_an;
    d.zone_id = s.gu_an_park;
    d.category_id = s.new_materials;
    d.stage = "签约";
    d.lead_date = "2017-02";
    d.signed_date = "2017-05-18";
    d.signing_event = "5·18经洽会";
    d.contract_type = "合同";
    d.contract_amount = 5000LL * 1000000;  // 5000 万美元 in cents
    d.contract_currency = Currency::USD;
    return d;
}
}  // namespace

TEST_CASE("deal with USD funds at a rate, CNY funds and follow-ups") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    DealRepository repo(*db);
    Deal d = sample(s);
    FundsInPlace usd;
    usd.date = "2017-07-01";
    usd.amount = 100 * 1'000'000;  // 100 万美元
    usd.currency = Currency::USD;
    usd.rate_micro = *parse_rate("6.7744");
    d.funds.push_back(usd);
    d.followups.push_back({0, "", "2017-03-01", "李四", "初次洽谈"});
    repo.insert(d);
    CHECK(d.is_foreign);  // 境外 implies foreign capital
    auto got = repo.get(d.id);
    REQUIRE(got);
    REQUIRE(got->funds.size() == 1);
    CHECK(got->funds[0].amount_cny == Money::from_wan(677) + Money::from_fen(440000));  // 677.44 万元
    CHECK(got->followups.at(0).note == "初次洽谈");

    FundsInPlace cny;
    cny.date = "2017-08-15";
    cny.amount = Money::from_wan(300).fen;
    repo.add_funds(d.id, cny);
    CHECK(cny.amount_cny == Money::from_wan(300));
    auto rows = repo.list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].funds_cny == Money::from_wan(977) + Money::from_fen(440000));
    CHECK(rows[0].funds_usd_cents == 100 * 1'000'000);
    CHECK(rows[0].contract_currency == Currency::USD);

    // the stale copy (before add_funds) cannot drop the new entry
    got->notes = "x";
    CHECK_THROWS_AS(repo.update(*got), StaleRecord);
    auto fresh = *repo.get(d.id);
    CHECK(fresh.funds.size() == 2);
    fresh.funds.erase(fresh.funds.begin());  // remove the USD entry
    fresh.funds[0].notes = "首笔到位";
    fresh.followups.push_back({0, "", "2017-09-01", "李四", "督促注册"});
    repo.update(fresh);
    auto after = *repo.get(d.id);
    REQUIRE(after.funds.size() == 1);
    CHECK(after.funds[0].currency == Currency::CNY);
    CHECK(after.funds[0].notes == "首笔到位");
    CHECK(after.followups.size() == 2);
    CHECK(static_cast<int>(il::db::scalar_int(*db, "SELECT count(*) FROM audit_log WHERE table_name='deal_funds' AND action='delete'")) > 0);
    repo.remove(d.id);
    CHECK(static_cast<int>(il::db::scalar_int(*db, "SELECT count(*) FROM deal_funds")) == 0);
}

TEST_CASE("deal validation") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    DealRepository repo(*db);
    Deal d = sample(s);
    d.country = "";
    d.contract_amount = -1;
    d.project_id = 999;
    try {
        repo.insert(d);
        FAIL("expected RecordInvalid");
    } catch (const RecordInvalid& e) {
        std::string what = e.what();
        CHECK(what.find("country") != std::string::npos);
        CHECK(what.find("contract_amount") != std::string::npos);
        CHECK(what.find("project_id") != std::string::npos);
    }
    Deal ok = sample(s);
    repo.insert(ok);
    FundsInPlace bad;
    bad.date = "2017-13-01";
    bad.amount = -5;
    CHECK_THROWS_AS(repo.add_funds(ok.id, bad), RecordInvalid);
    FundsInPlace no_rate;
    no_rate.date = "2017-10-01";
    no_rate.amount = 100;
    no_rate.currency = Currency::USD;
    no_rate.rate_micro = 0;
    CHECK_THROWS_AS(repo.add_funds(ok.id, no_rate), RecordInvalid);
    FollowUp empty{0, "", "2017-10-01", "", ""};
    CHECK_THROWS_AS(repo.add_followup(ok.id, empty), RecordInvalid);
    CHECK(repo.get(ok.id)->funds.empty());
}

TEST_CASE("a deal linked to a project; deleting the project unlinks it") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    ProjectRepository projects(*db);
    Project p = test::sample_project(s);
    projects.insert(p);
    DealRepository repo(*db);
    Deal d = sample(s);
    d.project_id = p.id;
    repo.insert(d);
    projects.remove(p.id);
    CHECK_FALSE(repo.get(d.id)->project_id);
}

TEST_CASE("rates and currencies parse exactly") {
    CHECK(parse_rate("6.8512") == 6851200);
    CHECK(parse_rate("7") == 7000000);
    CHECK_FALSE(parse_rate("0"));
    CHECK_FALSE(parse_rate("-6.8"));
    CHECK_FALSE(parse_rate("6.85123456"));
    CHECK_FALSE(parse_rate("abc"));
    CHECK(rate_text(6851200) == "6.8512");
    CHECK(parse_currency("USD") == Currency::USD);
    CHECK(parse_currency("人民币") == Currency::CNY);
    CHECK_FALSE(parse_currency("EUR"));
}
