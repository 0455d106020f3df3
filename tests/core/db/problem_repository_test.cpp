// Editing problems beyond adding them: read one, delete one (with its audit entry, version check),
// resolve (销号 with a date) through ProblemRepository::update.
#include <doctest/doctest.h>

#include "core/db/audit.h"
#include "core/db/problem_repository.h"
#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

namespace {
Problem sample_problem(std::int64_t project_id) {
    Problem pr;
    pr.project_id = project_id;
    pr.description = "施工用电未接入";
    pr.owner_unit = "供电公司";
    pr.assigned_date = "2017-03-01";
    return pr;
}
}  // namespace

TEST_CASE("problems: get reads one problem, nullopt when missing") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    ProblemRepository problems(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    problems.add(pr);
    auto got = problems.get(pr.id);
    REQUIRE(got);
    CHECK(got->description == "施工用电未接入");
    CHECK(got->project_id == p.id);
    CHECK(got->uid == pr.uid);
    CHECK_FALSE(problems.get(pr.id + 100));
}

TEST_CASE("problems: resolve with a closed date, refused without one") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    ProblemRepository problems(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    problems.add(pr);
    Problem resolved = pr;
    resolved.status = "销号";
    try {
        problems.update(resolved);
        FAIL("a resolved problem without a closed date was accepted");
    } catch (const RecordInvalid& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].field == "closed_date");
    }
    CHECK(problems.get(pr.id)->status == "交办");
    resolved.closed_date = "2017-02-01";  // before it was assigned
    CHECK_THROWS_AS(problems.update(resolved), RecordInvalid);
    resolved.closed_date = "2017-05-20";
    problems.update(resolved);
    auto got = problems.get(pr.id);
    CHECK(got->status == "销号");
    CHECK(got->closed_date == std::optional<std::string>("2017-05-20"));
    CHECK(got->version == 2);
    bool audited = false;
    for (const auto& e : audit_trail(*d, "problems", pr.id))
        audited = audited || (e.action == "update" && e.field == "closed_date" && e.new_value == "2017-05-20");
    CHECK(audited);
}

TEST_CASE("problems: remove deletes one problem with an audit entry") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    ProblemRepository problems(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem a = sample_problem(p.id), b = sample_problem(p.id);
    b.description = "环评批复未下达";
    problems.add(a);
    problems.add(b);
    problems.remove(a.id);
    auto left = problems.for_project(p.id);
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == b.id);
    bool audited = false;
    for (const auto& e : audit_trail(*d, "problems", a.id))
        audited = audited || (e.action == "delete" && e.field == "description" && e.old_value == "施工用电未接入");
    CHECK(audited);
    CHECK_THROWS_AS(problems.remove(a.id), NotFoundError);
    CHECK(repo.get(p.id));  // the project stays
}

TEST_CASE("problems: remove refuses a stale version and rolls back with the caller") {
    auto d = il::test::open_test_ledger();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    ProblemRepository problems(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    problems.add(pr);
    Problem edited = pr;
    edited.notes = "已协调";
    problems.update(edited);
    CHECK_THROWS_AS(problems.remove(pr.id, pr.version), StaleRecord);
    CHECK(problems.get(pr.id));
    {
        WriteTransaction tx(*d);
        problems.remove(pr.id, edited.version);
        CHECK_FALSE(problems.get(pr.id));
    }  // not committed
    CHECK(problems.get(pr.id));
    // Deleted and added again with the same uid (what undo does).
    problems.remove(pr.id);
    Problem again = edited;
    again.id = 0;
    problems.add(again);
    CHECK(again.uid == pr.uid);
    CHECK(problems.for_project(p.id).size() == 1);
}
