#include "core/report/query_pipeline.h"

#include <chrono>

#include <sqlite3.h>

#include "core/util/error.h"
#include "core/util/progress.h"

namespace il::report {

QueryPipeline::QueryPipeline(db::Database& db, const SqlParams& params, std::vector<SheetQuery> queries,
                             std::size_t max_waiting_rows)
    : queries_(std::move(queries)), max_waiting_rows_(max_waiting_rows) {
    // Parameters and database are the caller's and outlive the pipeline.
    worker_ = std::thread([this, &db, &params] { run(db, params); });
}

QueryPipeline::~QueryPipeline() {
    stop();
    if (worker_.joinable()) worker_.join();
}

void QueryPipeline::stop() {
    stop_ = true;
    std::lock_guard lock(mutex_);
    changed_.notify_all();
}

int QueryPipeline::poll_stop(void* self) { return static_cast<QueryPipeline*>(self)->stop_.load() ? 1 : 0; }

void QueryPipeline::run(db::Database& db, const SqlParams& params) {
    // SQLite polls the handler every few thousand steps, so a stop ends even a long query.
    sqlite3* handle = db.server() ? nullptr : db.sql().getHandle();
    if (handle) sqlite3_progress_handler(handle, 20000, &QueryPipeline::poll_stop, this);
    for (const auto& q : queries_) {
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stop_ || done_.empty() || waiting_rows_ < max_waiting_rows_; });
        }
        if (stop_) break;
        Done d;
        try {
            d.table = run_read_only_query(db, q.sql, params, q.label);
        } catch (...) {
            d.error = std::current_exception();
        }
        const bool failed = static_cast<bool>(d.error);
        {
            std::lock_guard lock(mutex_);
            waiting_rows_ += d.table.rows.size();
            done_.push_back(std::move(d));
            changed_.notify_all();
        }
        if (failed) break;  // the caller stops at this query; nothing after it is needed
    }
    if (handle) sqlite3_progress_handler(handle, 0, nullptr, nullptr);
}

ResultTable QueryPipeline::next(const std::function<bool()>& should_stop) {
    if (taken_ >= queries_.size()) throw Error("QueryPipeline::next: no query left");
    std::unique_lock lock(mutex_);
    while (done_.empty()) {
        lock.unlock();
        if (should_stop()) {
            stop();
            throw Cancelled();
        }
        lock.lock();
        changed_.wait_for(lock, std::chrono::milliseconds(50), [&] { return !done_.empty(); });
    }
    Done d = std::move(done_.front());
    done_.pop_front();
    waiting_rows_ -= d.table.rows.size();
    ++taken_;
    changed_.notify_all();
    lock.unlock();
    if (d.error) {
        if (stop_) throw Cancelled();  // interrupted because the caller asked to stop
        std::rethrow_exception(d.error);
    }
    return std::move(d.table);
}

}  // namespace il::report
