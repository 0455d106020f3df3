#include "core/db/write_transaction.h"

#include <utility>
#include <vector>

#include "core/db/holders.h"

namespace il::db {

// Nested, every WriteTransaction uses the same savepoint name: SQLite's ROLLBACK TO and RELEASE
// act on the most recent savepoint of that name, which (the objects living on the stack, inner
// ones ending first) is always this one. One name lets the three statements be prepared once per
// connection instead of parsed for every record an import or the demo generator writes.
namespace {
constexpr const char* kSavepoint = "SAVEPOINT il_write";
constexpr const char* kRelease = "RELEASE il_write";
constexpr const char* kRollbackTo = "ROLLBACK TO il_write";

// The connections with a CallerUndoesWrites alive (and how many), on this thread.
thread_local std::vector<std::pair<const Database*, int>> t_caller_undoes;

bool caller_undoes(const Database* handle) {
    for (const auto& [h, n] : t_caller_undoes)
        if (h == handle) return n > 0;
    return false;
}
}  // namespace

CallerUndoesWrites::CallerUndoesWrites(Database& db) : handle_(&db) {
    for (auto& [h, n] : t_caller_undoes)
        if (h == handle_) {
            ++n;
            return;
        }
    t_caller_undoes.emplace_back(handle_, 1);
}

CallerUndoesWrites::~CallerUndoesWrites() {
    for (auto it = t_caller_undoes.begin(); it != t_caller_undoes.end(); ++it)
        if (it->first == handle_) {
            if (--it->second == 0) t_caller_undoes.erase(it);
            return;
        }
}

// On a server, BEGIN is READ COMMITTED: a writer whose UPDATE ... WHERE version = ? waits for
// another's commit sees the new version and changes nothing (the conflict is then reported)
// instead of failing on a serialization error.
WriteTransaction::WriteTransaction(Database& db) : db_(db) {
    if (db.read_only()) throw DatabaseError("数据库以只读方式打开，不能修改");
    outer_ = db.autocommit();
    try {
        if (outer_) db_.exec(db.server() ? "BEGIN" : "BEGIN IMMEDIATE");
        else if (caller_undoes(&db)) skipped_ = true;  // nothing to undo or release here
        else db_.prepared(kSavepoint)->exec();
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode();
        if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && !db.in_memory()) throw DatabaseError(busy_message(db.path()));
        throw;
    }
}

WriteTransaction::~WriteTransaction() {
    if (done_ || skipped_) return;
    try {
        if (outer_) {
            if (!db_.autocommit()) db_.exec("ROLLBACK");
        } else {
            db_.prepared(kRollbackTo)->exec();
            db_.prepared(kRelease)->exec();
        }
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void WriteTransaction::commit() {
    if (skipped_) {  // no savepoint of its own (CallerUndoesWrites)
        done_ = true;
        return;
    }
    if (outer_) db_.exec("COMMIT");
    else db_.prepared(kRelease)->exec();
    done_ = true;
}

ReadTransaction::ReadTransaction(Database& db) : db_(db) {
    if (!db.autocommit()) return;
    db.exec(db.server() ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
    own_ = true;
}

ReadTransaction::~ReadTransaction() {
    if (!own_) return;
    try {
        if (!db_.autocommit()) db_.exec("ROLLBACK");
    } catch (...) {
    }
}

void ReadTransaction::end() {
    if (!own_) return;
    own_ = false;
    db_.exec("COMMIT");
}

}  // namespace il::db
