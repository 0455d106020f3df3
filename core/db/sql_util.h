#pragma once
// Binding and reading helpers for optional values and money (internal to core/db).
#include <cstdint>
#include <optional>
#include <string>

#include "core/db/query.h"

#include "core/model/money.h"

namespace il::db {

inline void bind_opt(Query& q, int i, const std::optional<std::string>& v) {
    if (v) q.bind(i, *v); else q.bind(i);
}
inline void bind_opt(Query& q, int i, const std::optional<std::int64_t>& v) {
    if (v) q.bind(i, static_cast<int64_t>(*v)); else q.bind(i);
}
inline void bind_i64(Query& q, int i, std::int64_t v) { q.bind(i, static_cast<int64_t>(v)); }
inline void bind_money(Query& q, int i, Money m) { q.bind(i, static_cast<int64_t>(m.fen)); }

inline std::optional<std::string> col_opt_text(const QueryColumn& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}
inline std::optional<std::int64_t> col_opt_i64(const QueryColumn& c) {
    if (c.isNull()) return std::nullopt;
    return c.getInt64();
}
inline Money col_money(const QueryColumn& c) { return Money{c.getInt64()}; }

std::string opt_text(const std::optional<std::string>& v);

class Database;
// `(SELECT … )` of the values of a JSON array bound as one text parameter, for `x IN …` with a
// list of any length (SQLite's json_each, PostgreSQL's json_array_elements_text).
std::string json_array_values(const Database& db, bool integers);
std::string opt_id_text(const std::optional<std::int64_t>& v);

}  // namespace il::db
