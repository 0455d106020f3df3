#pragma once
// The report set's queries run ahead of the writing: a worker thread queries the sheets in order
// on the report's own connection (inside its read transaction, so every sheet still sees the
// same data) while the caller's thread lays out and writes the sheets already queried. On a
// machine with two cores the aggregate sheets' queries (the costly part of 02, 03, 06, 08) are
// done while the 98,000 rows of the project sheet are written.
//
// Only the worker uses the connection until the pipeline is destroyed: the caller must not touch
// the database in between. The worker never calls the caller's ProgressSink (sinks are not
// thread-safe); the caller polls it while waiting and calls stop().
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/db/database.h"
#include "core/report/sql_query.h"

namespace il::report {

struct SheetQuery {
    std::string sql;
    std::string label;  // the query file, for messages
};

class QueryPipeline {
public:
    // Starts querying `queries` in order. At most `max_waiting_rows` rows of finished results
    // wait for the caller (besides the one result the caller is writing and the one query under
    // way), which bounds the memory held: at least one result always may wait.
    QueryPipeline(db::Database& db, const SqlParams& params, std::vector<SheetQuery> queries,
                  std::size_t max_waiting_rows);
    // Stops the worker (interrupting a query under way) and waits for it.
    ~QueryPipeline();
    QueryPipeline(const QueryPipeline&) = delete;
    QueryPipeline& operator=(const QueryPipeline&) = delete;

    // The next query's rows, in the order given. Waits for them, calling `should_stop` about
    // every 50 ms meanwhile: when it returns true the worker is stopped and il::Cancelled is
    // thrown. A query's error (TemplateError …) is rethrown here, for that query.
    ResultTable next(const std::function<bool()>& should_stop);

    // Asks the worker to stop after (or inside, on SQLite) the query under way.
    void stop();

private:
    struct Done {
        ResultTable table;
        std::exception_ptr error;
    };
    void run(db::Database& db, const SqlParams& params);
    static int poll_stop(void* self);

    std::vector<SheetQuery> queries_;
    std::size_t max_waiting_rows_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Done> done_;
    std::size_t waiting_rows_ = 0;
    std::size_t taken_ = 0;
    std::atomic<bool> stop_{false};
    std::thread worker_;
};

}  // namespace il::report
