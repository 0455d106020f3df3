#pragma once
// Reads for a view on a worker thread, so the window never freezes on a big ledger: the work gets
// its own read-only connection to the ledger file (WAL: it sees the last committed state while
// the UI thread keeps its connection), and its result is handed back on the UI thread. A newer
// start() supersedes an older one (the older result is dropped). In-memory ledgers are read inline.
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

    template <class T>
    void start(db::Database& db, std::function<T(db::Database&)> work, std::function<void(T&&)> done,
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
    static std::unique_ptr<db::Database> open_reader(const std::filesystem::path& file);
    static std::atomic<int>& total();

    wxEvtHandler& owner_;
    unsigned generation_ = 0;
    int waiting_ = 0;
    std::vector<Worker> workers_;
};

template <class T>
void BackgroundLoad::start(db::Database& db, std::function<T(db::Database&)> work, std::function<void(T&&)> done,
                           std::function<void(std::exception_ptr)> failed) {
    const unsigned gen = ++generation_;
    if (db.in_memory()) {
        try {
            T result = work(db);
            done(std::move(result));
        } catch (...) {
            failed(std::current_exception());
        }
        return;
    }
    ++waiting_;
    ++total();
    launch([this, file = db.path(), work = std::move(work), done = std::move(done), failed = std::move(failed), gen] {
        auto result = std::make_shared<T>();
        std::exception_ptr error;
        try {
            auto reader = open_reader(file);
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
