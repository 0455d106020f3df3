#pragma once
// One storage interface, two engines: the embedded SQLite file (the default) and a PostgreSQL
// server. Engine-neutral code (copying a ledger between engines, the server schema) talks to a
// Connection; placeholders are `?`, `?N` or `:name` and bound by index from 1, whatever the engine.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace il::db::storage {

struct Blob {
    std::vector<unsigned char> bytes;
    bool operator==(const Blob&) const = default;
};
// NULL, integer, real, text, blob: the five SQLite storage classes, which PostgreSQL maps onto
// bigint, double precision, text and bytea.
using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

enum class Engine { sqlite, postgresql };

class Statement {
public:
    virtual ~Statement() = default;
    virtual void bind(int index, const SqlValue& value) = 0;  // index from 1
    virtual int parameter_index(const std::string& name) = 0; // ":name" → its index, 0 if unused
    virtual bool step() = 0;                                  // true while a row is there
    virtual int column_count() = 0;
    virtual std::string column_name(int col) = 0;             // col from 0
    virtual SqlValue value(int col) = 0;
    virtual void reset() = 0;                                 // run again with new bindings
    virtual void rerun() = 0;                                 // run again with the same bindings
    virtual void clear_bindings() = 0;                        // every parameter NULL
    virtual std::int64_t changes() = 0;                       // rows written by the last run

    bool is_null(int col) { return std::holds_alternative<std::monostate>(value(col)); }
    std::int64_t i64(int col);
    std::string text(int col);
};

class Connection {
public:
    virtual ~Connection() = default;
    virtual Engine engine() const = 0;
    virtual void exec(const std::string& sql) = 0;  // one or more statements, no parameters
    virtual std::unique_ptr<Statement> prepare(const std::string& sql) = 0;
    virtual void begin() = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;
    virtual bool in_transaction() = 0;
    // Names of the ledger's tables in creation order (parents before children).
    virtual std::vector<std::string> tables() = 0;
};

// Rolls back unless commit() was called: every write through the interface is one transaction.
class Transaction {
public:
    explicit Transaction(Connection& c) : c_(c) { c_.begin(); }
    // Begun with the engine's own statement (a read-only snapshot: "BEGIN ... READ ONLY").
    Transaction(Connection& c, const std::string& begin_sql) : c_(c) { c_.exec(begin_sql); }
    ~Transaction() {
        if (!done_) try { c_.rollback(); } catch (...) {}
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit() { c_.commit(); done_ = true; }

private:
    Connection& c_;
    bool done_ = false;
};

}  // namespace il::db::storage
