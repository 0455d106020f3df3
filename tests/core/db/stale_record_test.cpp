// No lost update between two programs: two connections to one ledger (as a GUI and a CLI would
// have, or two users of a server ledger), each reads the same project; the second save on the
// stale copy is refused. Built into core_tests (a file) and pg_tests (a server schema).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "core/db/period_lock.h"
#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"
#include "ledger_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::db;

TEST_CASE("an edit on a stale copy made through another connection throws StaleRecord") {
    test::SharedTestLedger ledger;
    auto a = ledger.connect("甲");
    auto s = test::fill_small_ledger(*a);
    Project p = test::sample_project(s);
    ProjectRepository(*a).insert(p);

    auto b = ledger.connect("乙");
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
    test::SharedTestLedger ledger;
    auto a = ledger.connect();
    auto s = test::fill_small_ledger(*a);
    Project p = test::sample_project(s);
    ProjectRepository(*a).insert(p);
    auto b = ledger.connect();
    ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(10), {}, "", ""}, false);
    PeriodLocks(*a).lock(2017, 3, "已上报");
    CHECK_THROWS_AS(ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(20), {}, "", ""}, false),
                    PeriodLocked);
    CHECK(ProjectRepository(*a).progress_at(p.id, 2017, 3)->completed_month == Money::from_wan(10));
    PeriodLocks(*a).unlock(2017, 3, "更正");
    CHECK_NOTHROW(ProjectRepository(*b).set_progress({p.id, 2017, 3, Money::from_wan(20), {}, "", ""}, false));
}

TEST_CASE("two writers saving the same project at the same moment: one wins, the other is told, nothing lost") {
    test::SharedTestLedger ledger;
    auto setup = ledger.connect();
    auto s = test::fill_small_ledger(*setup);
    Project p = test::sample_project(s);
    ProjectRepository(*setup).insert(p);
    constexpr int kWriters = 2, kRounds = 10;
    std::vector<std::unique_ptr<Database>> conns;
    for (int w = 0; w < kWriters; ++w) {
        OpenOptions o;
        o.busy_timeout_ms = 20000;  // SQLite: wait for the other's write lock instead of failing
        conns.push_back(ledger.connect("用户" + std::to_string(w), o));
    }
    for (int round = 0; round < kRounds; ++round) {
        // both read the same version, then both save at once
        std::vector<Project> copies;
        for (auto& c : conns) copies.push_back(*ProjectRepository(*c).get(p.id));
        std::atomic<int> ready{0}, saved{0}, refused{0}, other{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < kWriters; ++w)
            threads.emplace_back([&, w] {
                copies[w].notes = "第" + std::to_string(round) + "轮 用户" + std::to_string(w);
                ++ready;
                while (ready < kWriters) std::this_thread::yield();
                try {
                    ProjectRepository(*conns[w]).update(copies[w]);
                    ++saved;
                } catch (const StaleRecord&) {
                    ++refused;
                } catch (...) {
                    ++other;
                }
            });
        for (auto& t : threads) t.join();
        CHECK(other == 0);
        CHECK(saved == 1);  // exactly one save went in ...
        CHECK(refused == kWriters - 1);  // ... and the other was refused, not silently overwritten
        auto now = ProjectRepository(*setup).get(p.id);
        CHECK(now->version == p.version + round + 1);
        CHECK(now->notes.rfind("第" + std::to_string(round) + "轮", 0) == 0);
    }
}

TEST_CASE("a lock waits for a monthly write under way on another connection, and is then seen by it") {
    // Without the wait a write that found its month open could commit after the lock: the
    // locked month would change. (SQLite: one writer at a time; a server: the periods' lock.)
    test::SharedTestLedger ledger;
    auto a = ledger.connect("甲");
    auto s = test::fill_small_ledger(*a);
    Project p = test::sample_project(s);
    ProjectRepository(*a).insert(p);
    OpenOptions patient;
    patient.busy_timeout_ms = 20000;
    auto b = ledger.connect("乙", patient);
    auto locker = ledger.connect("丙", patient);

    std::atomic<bool> locked{false};
    std::thread lock_thread;
    {
        WriteTransaction writing(*b);  // 乙's monthly write has begun and found 2017-05 open
        ensure_period_unlocked(*b, 2017, 5);
        ProjectRepository(*b).set_progress({p.id, 2017, 5, Money::from_wan(10), {}, "", ""}, false);
        lock_thread = std::thread([&] {
            PeriodLocks(*locker).lock(2017, 5, "已上报");
            locked = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        CHECK_FALSE(locked.load());  // 丙's lock waits for 乙's write to end
        writing.commit();
    }
    lock_thread.join();
    CHECK(locked.load());
    CHECK(ProjectRepository(*a).progress_at(p.id, 2017, 5)->completed_month == Money::from_wan(10));
    CHECK_THROWS_AS(ProjectRepository(*b).set_progress({p.id, 2017, 5, Money::from_wan(20), {}, "", ""}, false),
                    PeriodLocked);
}
