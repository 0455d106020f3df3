#include "core/db/query.h"

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include <cstdlib>
#include <variant>

#include "core/db/database.h"
#include "core/db/storage/connection.h"
#include "core/util/error.h"

namespace il::db {

namespace {
[[noreturn]] void lite_error(sqlite3* db, int rc) { throw SQLite::Exception(db, rc); }
}  // namespace

Query::Query(Database& db, const std::string& sql) {
    if (auto* server = db.server()) {
        server_ = server->prepare(sql);
        return;
    }
    lite_db_ = db.sql().getHandle();
    if (sqlite3_prepare_v2(lite_db_, sql.c_str(), static_cast<int>(sql.size()), &lite_, nullptr) != SQLITE_OK)
        lite_error(lite_db_, sqlite3_errcode(lite_db_));
    if (!lite_) throw DatabaseError("空的 SQL 语句：" + sql);  // only comments or blanks
}

Query::~Query() {
    if (lite_) sqlite3_finalize(lite_);
}

Query::Query(Query&& other) noexcept
    : lite_db_(other.lite_db_), lite_(other.lite_), server_(std::move(other.server_)), has_row_(other.has_row_) {
    other.lite_ = nullptr;
}

void Query::bind(int index) {
    if (server_) return server_->bind(index, std::monostate{});
    if (int rc = sqlite3_bind_null(lite_, index); rc != SQLITE_OK) lite_error(lite_db_, rc);
}
void Query::bind(int index, long long value) {
    if (server_) return server_->bind(index, static_cast<std::int64_t>(value));
    if (int rc = sqlite3_bind_int64(lite_, index, value); rc != SQLITE_OK) lite_error(lite_db_, rc);
}
void Query::bind(int index, double value) {
    if (server_) return server_->bind(index, value);
    if (int rc = sqlite3_bind_double(lite_, index, value); rc != SQLITE_OK) lite_error(lite_db_, rc);
}
void Query::bind(int index, const std::string& value) {
    if (server_) return server_->bind(index, value);
    if (int rc = sqlite3_bind_text(lite_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        lite_error(lite_db_, rc);
}
void Query::bind(int index, const void* blob, int size) {
    if (server_) {
        const auto* p = static_cast<const unsigned char*>(blob);
        return server_->bind(index, storage::Blob{std::vector<unsigned char>(p, p + size)});
    }
    if (int rc = sqlite3_bind_blob(lite_, index, blob, size, SQLITE_TRANSIENT); rc != SQLITE_OK) lite_error(lite_db_, rc);
}
void Query::clearBindings() {
    if (server_) return server_->clear_bindings();
    sqlite3_clear_bindings(lite_);
}

int Query::parameter_index(const char* name) const {
    if (server_) return server_->parameter_index(name);
    return sqlite3_bind_parameter_index(lite_, name);
}

bool Query::executeStep() {
    if (server_) return has_row_ = server_->step();
    int rc = sqlite3_step(lite_);
    if (rc == SQLITE_ROW) return has_row_ = true;
    has_row_ = false;
    if (rc == SQLITE_DONE) return false;
    lite_error(lite_db_, rc);
}

int Query::exec() {
    if (server_) {
        if (server_->step()) throw DatabaseError("语句返回了数据行，应逐行读取");
        return static_cast<int>(server_->changes());
    }
    int rc = sqlite3_step(lite_);
    if (rc == SQLITE_ROW) {
        sqlite3_reset(lite_);
        throw DatabaseError("语句返回了数据行，应逐行读取：" + std::string(sqlite3_sql(lite_)));
    }
    if (rc != SQLITE_DONE) lite_error(lite_db_, rc);
    return sqlite3_changes(lite_db_);
}

void Query::reset() {
    has_row_ = false;
    if (server_) return server_->rerun();
    // like SQLiteCpp: the last step's error is reported again
    if (int rc = sqlite3_reset(lite_); rc != SQLITE_OK) lite_error(lite_db_, rc);
}

int Query::getColumnCount() const {
    return server_ ? server_->column_count() : sqlite3_column_count(lite_);
}
std::string Query::getColumnName(int index) const {
    if (server_) return server_->column_name(index);
    const char* n = sqlite3_column_name(lite_, index);
    return n ? n : "";
}

void Query::check_row(int index) const {
    if (!has_row_) throw DatabaseError("没有可读取的数据行");
    if (index < 0 || index >= getColumnCount()) throw DatabaseError("列序号 " + std::to_string(index) + " 超出范围");
}

// --- columns -----------------------------------------------------------------------------

bool QueryColumn::isNull() const {
    q_.check_row(i_);
    if (q_.server_) return q_.server_->is_null(i_);
    return sqlite3_column_type(q_.lite_, i_) == SQLITE_NULL;
}

bool QueryColumn::isInteger() const {
    q_.check_row(i_);
    if (q_.server_) return std::holds_alternative<std::int64_t>(q_.server_->value(i_));
    return sqlite3_column_type(q_.lite_, i_) == SQLITE_INTEGER;
}

std::int64_t QueryColumn::getInt64() const {
    q_.check_row(i_);
    if (!q_.server_) return sqlite3_column_int64(q_.lite_, i_);
    auto v = q_.server_->value(i_);
    if (auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (auto* s = std::get_if<std::string>(&v)) return std::strtoll(s->c_str(), nullptr, 10);
    return 0;
}

double QueryColumn::getDouble() const {
    q_.check_row(i_);
    if (!q_.server_) return sqlite3_column_double(q_.lite_, i_);
    auto v = q_.server_->value(i_);
    if (auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    if (auto* d = std::get_if<double>(&v)) return *d;
    if (auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
    return 0;
}

std::string QueryColumn::getString() const {
    q_.check_row(i_);
    if (!q_.server_) {
        const unsigned char* t = sqlite3_column_text(q_.lite_, i_);
        int n = sqlite3_column_bytes(q_.lite_, i_);
        return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(n)) : std::string();
    }
    auto v = q_.server_->value(i_);
    if (auto* s = std::get_if<std::string>(&v)) return std::move(*s);
    if (auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (auto* d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", *d);  // SQLite's text of a REAL
        return buf;
    }
    if (auto* b = std::get_if<storage::Blob>(&v)) return std::string(b->bytes.begin(), b->bytes.end());
    return {};
}

const void* QueryColumn::getBlob() const {
    q_.check_row(i_);
    if (!q_.server_) return sqlite3_column_blob(q_.lite_, i_);
    auto v = q_.server_->value(i_);
    if (auto* b = std::get_if<storage::Blob>(&v)) q_.blob_.assign(b->bytes.begin(), b->bytes.end());
    else q_.blob_ = getString();
    return q_.blob_.data();
}

int QueryColumn::getBytes() const {
    q_.check_row(i_);
    if (!q_.server_) return sqlite3_column_bytes(q_.lite_, i_);
    getBlob();
    return static_cast<int>(q_.blob_.size());
}

std::int64_t scalar_int(Database& db, const std::string& sql) {
    Query q(db, sql);
    if (!q.executeStep()) throw DatabaseError("查询没有返回结果：" + sql);
    return q.getColumn(0).getInt64();
}

std::string scalar_text(Database& db, const std::string& sql) {
    Query q(db, sql);
    if (!q.executeStep()) throw DatabaseError("查询没有返回结果：" + sql);
    return q.getColumn(0).getString();
}

}  // namespace il::db
