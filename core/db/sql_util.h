#pragma once
// Binding and reading helpers for optional values and money (internal to core/db).
#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "core/model/money.h"

namespace il::db {

inline void bind_opt(SQLite::Statement& q, int i, const std::optional<std::string>& v) {
    if (v) q.bind(i, *v); else q.bind(i);
}
inline void bind_opt(SQLite::Statement& q, int i, const std::optional<std::int64_t>& v) {
    if (v) q.bind(i, static_cast<int64_t>(*v)); else q.bind(i);
}
inline void bind_i64(SQLite::Statement& q, int i, std::int64_t v) { q.bind(i, static_cast<int64_t>(v)); }
inline void bind_money(SQLite::Statement& q, int i, Money m) { q.bind(i, static_cast<int64_t>(m.fen)); }

inline std::optional<std::string> col_opt_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}
inline std::optional<std::int64_t> col_opt_i64(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}
inline Money col_money(const SQLite::Column& c) { return Money{c.getInt64()}; }

std::string opt_text(const std::optional<std::string>& v);
std::string opt_id_text(const std::optional<std::int64_t>& v);

}  // namespace il::db

namespace il::db {

// A thin RAII prepared statement on the raw SQLite API, for hot read paths (lists of 100k rows)
// where SQLiteCpp's per-column objects cost more than the query itself.
class RawQuery {
public:
    RawQuery(SQLite::Database& db, const std::string& sql);
    ~RawQuery();
    RawQuery(const RawQuery&) = delete;
    RawQuery& operator=(const RawQuery&) = delete;
    int index(const char* name) const;  // 0 when the parameter is not used
    void bind(int i, std::int64_t v);
    void bind(int i, const std::string& v);
    bool step();
    std::int64_t i64(int col) const;
    std::string text(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace il::db
