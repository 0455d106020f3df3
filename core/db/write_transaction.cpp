#include "core/db/write_transaction.h"

#include <atomic>

#include "core/db/holders.h"

namespace il::db {

WriteTransaction::WriteTransaction(Database& db) : sql_(db.sql()) {
    if (db.read_only()) throw DatabaseError("数据库以只读方式打开，不能修改");
    outer_ = sqlite3_get_autocommit(sql_.getHandle()) != 0;
    try {
        if (outer_) {
            sql_.exec("BEGIN IMMEDIATE");
        } else {
            static std::atomic<unsigned long> counter{0};
            name_ = "il_write_" + std::to_string(++counter);
            sql_.exec("SAVEPOINT " + name_);
        }
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
            sql_.exec("ROLLBACK TO " + name_);
            sql_.exec("RELEASE " + name_);
        }
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void WriteTransaction::commit() {
    sql_.exec(outer_ ? std::string("COMMIT") : "RELEASE " + name_);
    done_ = true;
}

}  // namespace il::db
