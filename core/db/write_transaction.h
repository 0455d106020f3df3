#pragma once
// One write = one atomic unit. A WriteTransaction is a SAVEPOINT: on its own it behaves like
// BEGIN/COMMIT, and inside a caller's transaction (an import, the demo generator wrapping
// thousands of inserts) it nests, so the caller's rollback still undoes everything.
// Rolls back unless commit() was called (RAII, exception-safe).
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
    SQLite::Database& sql_;
    std::string name_;
    bool done_ = false;
};

}  // namespace il::db
