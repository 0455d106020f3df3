#pragma once
// A prepared statement on the ledger, whichever engine holds it: the embedded SQLite file (raw
// sqlite3_stmt, as fast as the C API: lists of 130,000 rows go through here) or a PostgreSQL
// server (core/db/storage). The method names are SQLiteCpp's, so repository code reads the same
// on both. Placeholders are `?` or `?N`; errors are SQLite::Exception on SQLite (callers map
// constraint codes) and il::DatabaseError on the server.
#include <cstdint>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace il::db {

class Database;
namespace storage {
class Statement;
}

class Query;

// One column of the current row (SQLiteCpp's Column, without holding the statement).
class QueryColumn {
public:
    QueryColumn(Query& q, int index) : q_(q), i_(index) {}
    bool isNull() const;
    bool isInteger() const;
    std::int64_t getInt64() const;
    int getInt() const { return static_cast<int>(getInt64()); }
    double getDouble() const;
    std::string getString() const;  // "" for NULL; numbers as text
    // Blob bytes (text as its UTF-8 bytes); valid until the next step or column read.
    const void* getBlob() const;
    int getBytes() const;

private:
    Query& q_;
    int i_;
};

class Query {
public:
    Query(Database& db, const std::string& sql);
    ~Query();
    Query(Query&& other) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    Query& operator=(Query&&) = delete;

    void bind(int index);  // NULL
    void bind(int index, int value) { bind(index, static_cast<long long>(value)); }
    void bind(int index, unsigned value) { bind(index, static_cast<long long>(value)); }
    void bind(int index, long value) { bind(index, static_cast<long long>(value)); }
    void bind(int index, long long value);
    void bind(int index, double value);
    void bind(int index, const std::string& value);
    void bind(int index, const char* value) { bind(index, std::string(value)); }
    void bind(int index, const void* blob, int size);
    template <typename T>
    void bind(const char* name, const T& value) { bind(parameter_index(name), value); }
    void clearBindings();
    // The index of a named parameter (":region"), 0 when the statement does not use it.
    int parameter_index(const char* name) const;

    bool executeStep();  // true while a row is there
    int exec();          // a statement without rows; returns the rows it changed
    void reset();        // run again (bindings kept, as in SQLite)

    int getColumnCount() const;
    std::string getColumnName(int index) const;
    QueryColumn getColumn(int index) { return QueryColumn(*this, index); }

private:
    friend class QueryColumn;
    void check_row(int index) const;

    sqlite3* lite_db_ = nullptr;
    sqlite3_stmt* lite_ = nullptr;
    std::unique_ptr<storage::Statement> server_;
    bool has_row_ = false;
    mutable std::string blob_;  // the server's bytes behind getBlob()
};

// The first column of the first row of a query without parameters (count(*) and the like).
std::int64_t scalar_int(Database& db, const std::string& sql);
std::string scalar_text(Database& db, const std::string& sql);

}  // namespace il::db
