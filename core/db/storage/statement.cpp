#include "core/db/storage/connection.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/util/error.h"

namespace il::db::storage {

std::int64_t Statement::i64(int col) {
    SqlValue v = value(col);
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(std::llround(*d));
    if (auto* s = std::get_if<std::string>(&v)) {
        // a number stored as text (SQLite's type affinity allows it): all of it, or an error
        errno = 0;
        char* end = nullptr;
        long long n = std::strtoll(s->c_str(), &end, 10);
        if (!s->empty() && end && *end == '\0' && errno == 0) return n;
        throw DatabaseError("第 " + std::to_string(col + 1) + " 列（" + column_name(col) + "）应为整数，实际为“" + *s + "”");
    }
    if (std::holds_alternative<std::monostate>(v)) return 0;  // NULL: callers test is_null() first where it matters
    throw DatabaseError("第 " + std::to_string(col + 1) + " 列（" + column_name(col) + "）应为整数，实际为二进制数据");
}

std::string Statement::text(int col) {
    SqlValue v = value(col);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) {
        char buf[32];  // shortest text that reads back as the same double (std::to_string keeps 6 places)
        std::snprintf(buf, sizeof buf, "%.17g", *d);
        return buf;
    }
    if (auto* b = std::get_if<Blob>(&v)) return std::string(b->bytes.begin(), b->bytes.end());
    return {};
}

}  // namespace il::db::storage
