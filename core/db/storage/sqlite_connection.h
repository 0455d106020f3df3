#pragma once
// The storage interface over SQLiteCpp: a thin layer, the SQLite path keeps its speed (the
// repositories keep using SQLite::Database directly; this is for engine-neutral code).
#include <SQLiteCpp/SQLiteCpp.h>

#include "core/db/storage/connection.h"

namespace il::db::storage {

class SqliteConnection : public Connection {
public:
    explicit SqliteConnection(SQLite::Database& db) : db_(db) {}
    Engine engine() const override { return Engine::sqlite; }
    void exec(const std::string& sql) override;
    std::unique_ptr<Statement> prepare(const std::string& sql) override;
    void begin() override;
    void commit() override;
    void rollback() override;
    bool in_transaction() override;
    std::vector<std::string> tables() override;

private:
    SQLite::Database& db_;
};

}  // namespace il::db::storage
