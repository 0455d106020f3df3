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
    bool outer_ = false;  // true: BEGIN IMMEDIATE ... COMMIT
    bool done_ = false;
    bool skipped_ = false;  // nested under a CallerUndoesWrites: no savepoint
};

// One consistent view of the ledger for a series of reads (the sheets of a report set): BEGIN
// (deferred) on SQLite, a REPEATABLE READ READ ONLY transaction on a server, where anything but
// reading is refused by the server itself. Inside a caller's transaction it does nothing.
class ReadTransaction {
public:
    explicit ReadTransaction(Database& db);
    ~ReadTransaction();
    ReadTransaction(const ReadTransaction&) = delete;
    ReadTransaction& operator=(const ReadTransaction&) = delete;
    void end();  // reading done (COMMIT: nothing was written)

private:
    Database& db_;
    bool own_ = false;
};

// While one is alive, nested WriteTransactions on that connection (inside the caller's
// transaction) open no savepoint of their own: the caller undoes everything itself when any of
// its writes throws (an import rolls the row back), so their savepoints would only journal the
// same pages once more per write. Only for callers through which every exception of the writes
// reaches their own rollback. One thread per connection, as everywhere.
class CallerUndoesWrites {
public:
    explicit CallerUndoesWrites(Database& db);
    ~CallerUndoesWrites();
    CallerUndoesWrites(const CallerUndoesWrites&) = delete;
    CallerUndoesWrites& operator=(const CallerUndoesWrites&) = delete;

private:
    const Database* handle_;
};

}  // namespace il::db
