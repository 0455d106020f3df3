#include "gui/background_load.h"

namespace il::gui {

std::atomic<int>& BackgroundLoad::total() {
    static std::atomic<int> n{0};
    return n;
}

int BackgroundLoad::in_flight() { return total().load(); }

std::unique_ptr<db::Database> BackgroundLoad::open_reader(const db::Database& db) {
    db::OpenOptions o;
    o.create = false;
    o.read_only = true;
    o.auto_backup = false;
    o.announce = false;  // the UI thread's connection already announces this process
    o.user = "reader";
    return db.open_again(o);  // the file again, or the same server (with the password typed, if any)
}

void BackgroundLoad::launch(std::function<void()> body) {
    // Join the workers that are done; keep the running ones.
    for (auto it = workers_.begin(); it != workers_.end();) {
        if (it->finished->load()) {
            it->thread.join();
            it = workers_.erase(it);
        } else {
            ++it;
        }
    }
    auto finished = std::make_shared<std::atomic<bool>>(false);
    workers_.push_back({std::thread([body = std::move(body), finished] {
                            body();
                            finished->store(true);
                        }),
                        finished});
}

BackgroundLoad::~BackgroundLoad() {
    ++generation_;
    for (auto& w : workers_)
        if (w.thread.joinable()) w.thread.join();
    total() -= waiting_;
}

}  // namespace il::gui
