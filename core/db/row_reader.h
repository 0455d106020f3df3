#pragma once
// Reads a result row into fields in SELECT order: `read_row(q, c.id, c.name, c.amount)` takes
// columns 0, 1, 2. One line per row shape instead of one `x = q.getColumn(i).get…()` per column,
// so a column added to the SELECT cannot shift the indices of the ones after it unnoticed.
#include <cstdint>
#include <optional>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/model/deal.h"
#include "core/model/money.h"

namespace il::db {

namespace row_detail {
inline void get(const QueryColumn& c, std::string& out) { out = c.getString(); }
inline void get(const QueryColumn& c, std::int64_t& out) { out = c.getInt64(); }
inline void get(const QueryColumn& c, int& out) { out = c.getInt(); }
inline void get(const QueryColumn& c, double& out) { out = c.getDouble(); }
inline void get(const QueryColumn& c, bool& out) { out = c.getInt64() != 0; }
inline void get(const QueryColumn& c, Money& out) { out = Money{c.getInt64()}; }
inline void get(const QueryColumn& c, Currency& out) {
    out = c.getString() == "USD" ? Currency::USD : Currency::CNY;  // stored as its code; CNY otherwise
}
inline void get(const QueryColumn& c, std::optional<std::string>& out) {
    if (c.isNull()) out.reset(); else out = c.getString();
}
inline void get(const QueryColumn& c, std::optional<std::int64_t>& out) {
    if (c.isNull()) out.reset(); else out = c.getInt64();
}
}  // namespace row_detail

// Columns first, first + 1, … into the fields, in order.
template <typename... Fields>
void read_row_from(Query& q, int first, Fields&... fields) {
    int col = first;
    (row_detail::get(q.getColumn(col++), fields), ...);
}

template <typename... Fields>
void read_row(Query& q, Fields&... fields) {
    read_row_from(q, 0, fields...);
}

}  // namespace il::db
