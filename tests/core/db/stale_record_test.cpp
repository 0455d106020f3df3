// No lost update between two programs: two connections to one file (as a GUI and a CLI would
// have), each reads the same project; the second save on the stale copy is refused.
#include <doctest/doctest.h>

#include <filesystem>
#include <random>

#include "core/db/period_lock.h"
#include "core/db/project_repository.h"
#include "ledger_fixture.h"

namespace fs = std::filesystem;
using namespace il;
using namespace il::db;

namespace {
struct StaleTempDir {
    fs::path path;
    StaleTempDir() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("il-stale-test-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~StaleTempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
}  // namespace

TEST_CASE("an edit on a stale copy made through another connection throws StaleRecord") {
    StaleTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    OpenOptions a_opt, b_opt;
    a_opt.user = "甲";
    b_opt.user = "乙";
    auto a = Database::open(file, a_opt);
    auto s = test::fill_small_ledger(*a);
    Project p = test::sample_project(s);
    ProjectRepository(*a).insert(p);

    auto b = Database::open(file, b_opt);
    auto copy_a = ProjectRepository(*a).get(p.id);
    auto copy_b = ProjectRepository(*b).get(p.id);
    REQUIRE(copy_a);
    REQUIRE(copy_b);
    CHECK(copy_a->version == copy_b->version);

    copy_a->notes = "甲的修改";
    ProjectRepository(*a).update(*copy_a);
    CHECK(copy_a->version == copy_b->version + 1);

    copy_b->contact_person = "乙的修改";
    CHECK_THROWS_AS(ProjectRepository(*b).update(*copy_b), StaleRecord);
    auto now = ProjectRepository(*b).get(p.id);
    CHECK(now->notes == "甲的修改");
    CHECK(now->contact_person != "乙的修改");  // nothing of the stale edit got in

    // reloading and editing again works
    auto fresh = ProjectRepository(*b).get(p.id);
    fresh->contact_person = "乙的修改";
    CHECK_NOTHROW(ProjectRepository(*b).update(*fresh));
    auto seen_by_a = ProjectRepository(*a).get(p.id);
    CHECK(seen_by_a->notes == "甲的修改");
    CHECK(seen_by_a->contact_person == "乙的修改");
}

TEST_CASE("a lock made by one connection stops the other's progress edit") {
    StaleTempDir tmp;
    fs::path file = tmp.path / "ledger.db";
    auto a = Database::open(file);
    auto s = test::fill_small_ledger(*a);
    Project p = test::sample_project(s);
    ProjectRepository(*a).insert(p);
    auto b = Database::open(file);
    ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(10), {}, "", ""}, false);
    PeriodLocks(*a).lock(2017, 3, "已上报");
    CHECK_THROWS_AS(ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(20), {}, "", ""}, false),
                    PeriodLocked);
    CHECK(ProjectRepository(*a).progress_at(p.id, 2017, 3)->completed_month == Money::from_wan(10));
    PeriodLocks(*a).unlock(2017, 3, "更正");
    CHECK_NOTHROW(ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(20), {}, "", ""}, false));
}
