#pragma once
// Reads for a view on a worker thread, so the window never freezes on a big ledger: the work gets
// its own read-only connection to the ledger (Database::open_again: the file again, where WAL lets
// it see the last committed state while the UI thread keeps its connection, or the same PostgreSQL
// server), and its result is handed back on the UI thread. A newer start() supersedes an older one
// (the older result is dropped). In-memory ledgers (not a server's) are read inline.
#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include <wx/event.h>

#include "core/db/database.h"

namespace il::gui {

class BackgroundLoad {
public:
    explicit BackgroundLoad(wxEvtHandler& owner) : owner_(owner) {}
    ~BackgroundLoad();  // waits for running workers (their results are dropped)
    BackgroundLoad(const BackgroundLoad&) = delete;
    BackgroundLoad& operator=(const BackgroundLoad&) = delete;

    // `db` is the UI's ledger (AppContext::db), shared so that a worker still connecting when the
    // user opens another ledger does not use a closed one.
    template <class T>
    void start(const std::shared_ptr<db::Database>& db, std::function<T(db::Database&)> work, std::function<void(T&&)> done,
               std::function<void(std::exception_ptr)> failed);

    // A load started and its result not yet handed over.
    bool busy() const { return waiting_ > 0; }
    // Loads in flight in the whole application (the self-test waits for 0).
    static int in_flight();

private:
    struct Worker {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> finished;
    };
    void launch(std::function<void()> body);
    // On the worker: a read-only second connection to `db` (open_again only reads what was fixed
    // when `db` was opened, so calling it while the UI thread uses `db` is safe).
    static std::unique_ptr<db::Database> open_reader(const db::Database& db);
    static std::atomic<int>& total();

    wxEvtHandler& owner_;
    unsigned generation_ = 0;
    int waiting_ = 0;
    std::vector<Worker> workers_;
};

template <class T>
void BackgroundLoad::start(const std::shared_ptr<db::Database>& db, std::function<T(db::Database&)> work,
                           std::function<void(T&&)> done, std::function<void(std::exception_ptr)> failed) {
    const unsigned gen = ++generation_;
    if (db->in_memory() && !db->server()) {  // nothing another connection could open
        try {
            T result = work(*db);
            done(std::move(result));
        } catch (...) {
            failed(std::current_exception());
        }
        return;
    }
    ++waiting_;
    ++total();
    launch([this, source = db, work = std::move(work), done = std::move(done), failed = std::move(failed), gen]() mutable {
        auto result = std::make_shared<T>();
        std::exception_ptr error;
        try {
            auto reader = open_reader(*source);
            // Kept only while connecting. If another ledger was opened meanwhile, the old one
            // closes here on the worker: nothing else uses it any more.
            source.reset();
            *result = work(*reader);
        } catch (...) {
            error = std::current_exception();
        }
        owner_.CallAfter([this, result, error, gen, done, failed] {
            --waiting_;
            --total();
            if (gen != generation_) return;  // superseded by a newer load
            if (error) failed(error);
            else done(std::move(*result));
        });
    });
}

}  // namespace il::gui
