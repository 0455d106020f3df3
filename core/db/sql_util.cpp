#include "core/db/sql_util.h"

namespace il::db {

std::string opt_text(const std::optional<std::string>& v) { return v ? *v : std::string(); }
std::string opt_id_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace il::db

namespace il::db {

RawQuery::RawQuery(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
        throw SQLite::Exception(db_, sqlite3_errcode(db_));
}
RawQuery::~RawQuery() { sqlite3_finalize(stmt_); }
int RawQuery::index(const char* name) const { return sqlite3_bind_parameter_index(stmt_, name); }
void RawQuery::bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
void RawQuery::bind(int i, const std::string& v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}
bool RawQuery::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, rc);
}
std::int64_t RawQuery::i64(int col) const { return sqlite3_column_int64(stmt_, col); }
std::string RawQuery::text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    int n = sqlite3_column_bytes(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(n)) : std::string();
}

}  // namespace il::db
