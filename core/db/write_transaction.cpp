#include "core/db/write_transaction.h"

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
}  // namespace

WriteTransaction::WriteTransaction(Database& db) : db_(db), sql_(db.sql()) {
    if (db.read_only()) throw DatabaseError("数据库以只读方式打开，不能修改");
    outer_ = sqlite3_get_autocommit(sql_.getHandle()) != 0;
    try {
        if (outer_) sql_.exec("BEGIN IMMEDIATE");
        else db_.prepared(kSavepoint)->exec();
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode();
        if ((code == SQLITE_BUSY || code == SQLITE_LOCKED) && !db.in_memory()) throw DatabaseError(busy_message(db.path()));
        throw;
    }
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    try {
        if (outer_) {
            if (sqlite3_get_autocommit(sql_.getHandle()) == 0) sql_.exec("ROLLBACK");
        } else {
            db_.prepared(kRollbackTo)->exec();
            db_.prepared(kRelease)->exec();
        }
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void WriteTransaction::commit() {
    if (outer_) sql_.exec("COMMIT");
    else db_.prepared(kRelease)->exec();
    done_ = true;
}

}  // namespace il::db
