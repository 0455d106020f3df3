// Editing problems beyond adding them: read one, delete one (with its audit entry, version check),
// resolve (销号 with a date) through update_problem.
#include <doctest/doctest.h>

#include "core/db/audit.h"
#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"
#include "ledger_fixture.h"

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

TEST_CASE("problems: get_problem reads one problem, nullopt when missing") {
    auto d = Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    repo.add_problem(pr);
    auto got = repo.get_problem(pr.id);
    REQUIRE(got);
    CHECK(got->description == "施工用电未接入");
    CHECK(got->project_id == p.id);
    CHECK(got->uid == pr.uid);
    CHECK_FALSE(repo.get_problem(pr.id + 100));
}

TEST_CASE("problems: resolve with a closed date, refused without one") {
    auto d = Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    repo.add_problem(pr);
    Problem resolved = pr;
    resolved.status = "销号";
    try {
        repo.update_problem(resolved);
        FAIL("a resolved problem without a closed date was accepted");
    } catch (const RecordInvalid& e) {
        REQUIRE(e.issues().size() == 1);
        CHECK(e.issues()[0].field == "closed_date");
    }
    CHECK(repo.get_problem(pr.id)->status == "交办");
    resolved.closed_date = "2017-02-01";  // before it was assigned
    CHECK_THROWS_AS(repo.update_problem(resolved), RecordInvalid);
    resolved.closed_date = "2017-05-20";
    repo.update_problem(resolved);
    auto got = repo.get_problem(pr.id);
    CHECK(got->status == "销号");
    CHECK(got->closed_date == std::optional<std::string>("2017-05-20"));
    CHECK(got->version == 2);
    bool audited = false;
    for (const auto& e : audit_trail(*d, "problems", pr.id))
        audited = audited || (e.action == "update" && e.field == "closed_date" && e.new_value == "2017-05-20");
    CHECK(audited);
}

TEST_CASE("problems: remove_problem deletes one problem with an audit entry") {
    auto d = Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem a = sample_problem(p.id), b = sample_problem(p.id);
    b.description = "环评批复未下达";
    repo.add_problem(a);
    repo.add_problem(b);
    repo.remove_problem(a.id);
    auto left = repo.problems(p.id);
    REQUIRE(left.size() == 1);
    CHECK(left[0].id == b.id);
    bool audited = false;
    for (const auto& e : audit_trail(*d, "problems", a.id))
        audited = audited || (e.action == "delete" && e.field == "description" && e.old_value == "施工用电未接入");
    CHECK(audited);
    CHECK_THROWS_AS(repo.remove_problem(a.id), NotFoundError);
    CHECK(repo.get(p.id));  // the project stays
}

TEST_CASE("problems: remove_problem refuses a stale version and rolls back with the caller") {
    auto d = Database::open_memory();
    auto s = test::fill_small_ledger(*d);
    ProjectRepository repo(*d);
    Project p = test::sample_project(s);
    repo.insert(p);
    Problem pr = sample_problem(p.id);
    repo.add_problem(pr);
    Problem edited = pr;
    edited.notes = "已协调";
    repo.update_problem(edited);
    CHECK_THROWS_AS(repo.remove_problem(pr.id, pr.version), StaleRecord);
    CHECK(repo.get_problem(pr.id));
    {
        WriteTransaction tx(*d);
        repo.remove_problem(pr.id, edited.version);
        CHECK_FALSE(repo.get_problem(pr.id));
    }  // not committed
    CHECK(repo.get_problem(pr.id));
    // Deleted and added again with the same uid (what undo does).
    repo.remove_problem(pr.id);
    Problem again = edited;
    again.id = 0;
    repo.add_problem(again);
    CHECK(again.uid == pr.uid);
    CHECK(repo.problems(p.id).size() == 1);
}
