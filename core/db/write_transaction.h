#pragma once
// One write = one atomic unit. Outside any transaction a WriteTransaction is BEGIN IMMEDIATE ...
// COMMIT: the write lock is taken up front (waiting up to the busy timeout for another program),
// so a read-then-write never fails halfway with SQLITE_BUSY. Inside a caller's transaction (an
// import, the demo generator wrapping thousands of inserts) it is a SAVEPOINT, so the caller's
// rollback still undoes everything. Rolls back unless commit() was called (RAII).
#include <string>

#include "core/db/database.h"

namespace il::db {

class WriteTransaction {
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;
    void commit();

private:
    Database& db_;
    SQLite::Database& sql_;
    bool outer_ = false;  // true: BEGIN IMMEDIATE ... COMMIT
    bool done_ = false;
};

}  // namespace il::db
