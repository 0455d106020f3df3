#include <doctest/doctest.h>

#include "core/db/target_repository.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

TEST_CASE("annual targets per region and zone: set replaces, validation refuses") {
    auto db = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*db);
    TargetRepository repo(*db);
    AnnualTarget t;
    t.year = 2017;
    t.region_id = s.gu_an;
    t.projects_count = 120;
    t.investment_fen = Money::from_wan(3'000'000).fen;
    auto id = repo.set(t);
    AnnualTarget z;
    z.year = 2017;
    z.zone_id = s.gu_an_park;
    z.renovation_count = 40;
    repo.set(z);
    t.projects_count = 130;
    CHECK(repo.set(t) == id);
    CHECK(repo.for_region(2017, s.gu_an)->projects_count == 130);
    CHECK(repo.for_zone(2017, s.gu_an_park)->renovation_count == 40);
    CHECK_FALSE(repo.for_region(2018, s.gu_an));
    CHECK(repo.list(2017).size() == 2);
    CHECK(repo.list(2017)[0].region_id == s.gu_an);

    AnnualTarget both = t;
    both.zone_id = s.gu_an_park;
    CHECK_THROWS_AS(repo.set(both), RecordInvalid);
    AnnualTarget neg;
    neg.year = 2017;
    neg.region_id = s.guangyang;
    neg.funds_in_place_fen = -1;
    CHECK_THROWS_AS(repo.set(neg), RecordInvalid);
    AnnualTarget unknown;
    unknown.year = 2017;
    unknown.region_id = 999;
    CHECK_THROWS_AS(repo.set(unknown), RecordInvalid);
    repo.remove(id);
    CHECK(repo.list(2017).size() == 1);
    CHECK(static_cast<int>(il::db::scalar_int(*db, "SELECT count(*) FROM audit_log WHERE table_name='targets'")) > 0);
}
