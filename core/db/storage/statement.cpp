#include "core/db/storage/connection.h"

#include <cmath>

#include "core/util/error.h"

namespace il::db::storage {

std::int64_t Statement::i64(int col) {
    SqlValue v = value(col);
    if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(std::llround(*d));
    if (auto* s = std::get_if<std::string>(&v)) return std::stoll(*s);
    return 0;
}

std::string Statement::text(int col) {
    SqlValue v = value(col);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
    if (auto* b = std::get_if<Blob>(&v)) return std::string(b->bytes.begin(), b->bytes.end());
    return {};
}

}  // namespace il::db::storage
