#include "core/db/write_transaction.h"

#include <atomic>

namespace il::db {

WriteTransaction::WriteTransaction(Database& db) : sql_(db.sql()) {
    static std::atomic<unsigned long> counter{0};
    name_ = "il_write_" + std::to_string(++counter);
    if (db.read_only()) throw DatabaseError("数据库以只读方式打开，不能修改");
    sql_.exec("SAVEPOINT " + name_);
}

WriteTransaction::~WriteTransaction() {
    if (done_) return;
    try {
        sql_.exec("ROLLBACK TO " + name_);
        sql_.exec("RELEASE " + name_);
    } catch (...) {
        // Nothing sensible to do in a destructor; SQLite rolls back on close anyway.
    }
}

void WriteTransaction::commit() {
    sql_.exec("RELEASE " + name_);
    done_ = true;
}

}  // namespace il::db
