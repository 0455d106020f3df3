#include <doctest/doctest.h>

#include "core/db/renovation_repository.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

namespace {
Renovation sample(const test::SmallLedger& s) {
    Renovation r;
    r.enterprise = "廊坊金隅天坛家具有限公司";
    r.name = "智能化生产线改造";
    r.filing_number = "固工信备字〔2017〕15号";
    r.region_id = s.gu_an;
    r.zone_id = s.gu_an_park;
    r.industry_id = s.manufacturing;
    r.kind = "智能化";
    r.stage = "续建";
    r.total_investment = Money::from_wan(12000);
    r.equipment_investment = Money::from_wan(8000);
    r.in_statistics = true;
    r.annual_plans[2017] = Money::from_wan(6000);
    return r;
}
}  // namespace

TEST_CASE("renovation insert, get, update, stale edit, remove") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    RenovationRepository repo(*d);
    Renovation r = sample(s);
    repo.insert(r);
    CHECK(r.version == 1);
    auto got = repo.get(r.id);
    REQUIRE(got);
    CHECK(got->equipment_investment == Money::from_wan(8000));
    CHECK(got->annual_plans.at(2017) == Money::from_wan(6000));
    CHECK(repo.find_by_filing_number("固工信备字〔2017〕15号")->id == r.id);
    Renovation a = *got, b = *got;
    a.stage = "竣工";
    a.actual_completion = "2017-10-30";
    repo.update(a, "竣工验收");
    CHECK(a.version == 2);
    b.notes = "x";
    CHECK_THROWS_AS(repo.update(b), StaleRecord);
    auto rows = repo.list();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].region == "固安县");
    CHECK(rows[0].stage == "竣工");
    CHECK(rows[0].in_statistics);
    RenovationFilter f;
    f.kind = "绿色化";
    CHECK(repo.list(f).empty());
    repo.remove(r.id);
    CHECK(repo.count() == 0);
}

TEST_CASE("renovation validation through the repository") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    RenovationRepository repo(*d);
    Renovation r = sample(s);
    r.equipment_investment = Money::from_wan(12001);
    try {
        repo.insert(r);
        FAIL("expected RecordInvalid");
    } catch (const RecordInvalid& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].field == "equipment_investment");
    }
    Renovation ok = sample(s);
    repo.insert(ok);
    Renovation dup = sample(s);
    dup.name = "另一项";
    CHECK_THROWS_AS(repo.insert(dup), RecordInvalid);  // filing number taken
    CHECK(repo.count() == 1);
}

TEST_CASE("renovation monthly figures derive like projects") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    RenovationRepository repo(*d);
    Renovation r = sample(s);
    repo.insert(r);
    repo.set_progress({r.id, 2017, 1, Money::from_wan(500), {}}, false);
    repo.set_progress({r.id, 2017, 2, {}, Money::from_wan(1200)}, true);
    auto p = repo.progress(r.id, 2017);
    REQUIRE(p.size() == 2);
    CHECK(p[1].completed_month == Money::from_wan(700));
    repo.set_progress({r.id, 2017, 1, Money::from_wan(600), {}}, false);
    CHECK(repo.progress(r.id, 2017)[1].completed_month == Money::from_wan(600));
    CHECK_THROWS_AS(repo.set_progress({r.id, 2017, 3, {}, Money::from_wan(12001)}, true), RecordInvalid);
}
