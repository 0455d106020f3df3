#include "core/db/storage/sqlite_connection.h"

#include <sqlite3.h>

namespace il::db::storage {
namespace {

class SqliteStatement : public Statement {
public:
    SqliteStatement(SQLite::Database& db, const std::string& sql) : db_(db), q_(db, sql) {}
    void bind(int index, const SqlValue& v) override {
        if (std::holds_alternative<std::monostate>(v)) q_.bind(index);
        else if (auto* i = std::get_if<std::int64_t>(&v)) q_.bind(index, static_cast<int64_t>(*i));
        else if (auto* d = std::get_if<double>(&v)) q_.bind(index, *d);
        else if (auto* s = std::get_if<std::string>(&v)) q_.bind(index, *s);
        else {
            const auto& b = std::get<Blob>(v).bytes;
            q_.bind(index, b.data(), static_cast<int>(b.size()));
        }
    }
    int parameter_index(const std::string& name) override { return q_.getIndex(name.c_str()); }
    bool step() override {
        bool row = q_.executeStep();
        if (!row) changes_ = db_.getChanges();
        return row;
    }
    int column_count() override { return q_.getColumnCount(); }
    std::string column_name(int col) override { return q_.getColumnName(col); }
    SqlValue value(int col) override {
        SQLite::Column c = q_.getColumn(col);
        switch (c.getType()) {
            case SQLITE_INTEGER: return static_cast<std::int64_t>(c.getInt64());
            case SQLITE_FLOAT: return c.getDouble();
            case SQLITE_TEXT: return c.getString();
            case SQLITE_BLOB: {
                const auto* p = static_cast<const unsigned char*>(c.getBlob());
                return Blob{std::vector<unsigned char>(p, p + c.getBytes())};
            }
            default: return std::monostate{};
        }
    }
    void reset() override {
        q_.reset();
        q_.clearBindings();
    }
    void rerun() override { q_.reset(); }
    void clear_bindings() override { q_.clearBindings(); }
    std::int64_t changes() override { return changes_; }

private:
    SQLite::Database& db_;
    SQLite::Statement q_;
    std::int64_t changes_ = 0;
};

}  // namespace

void SqliteConnection::exec(const std::string& sql) { db_.exec(sql); }
std::unique_ptr<Statement> SqliteConnection::prepare(const std::string& sql) {
    return std::make_unique<SqliteStatement>(db_, sql);
}
void SqliteConnection::begin() { db_.exec("BEGIN IMMEDIATE"); }
void SqliteConnection::commit() { db_.exec("COMMIT"); }
void SqliteConnection::rollback() { db_.exec("ROLLBACK"); }
bool SqliteConnection::in_transaction() { return sqlite3_get_autocommit(db_.getHandle()) == 0; }

std::vector<std::string> SqliteConnection::tables() {
    std::vector<std::string> out;
    // rowid order of sqlite_master is creation order; a rebuilt table (audit_log in step 5)
    // references nothing, so its later position does not matter
    SQLite::Statement q(db_, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

}  // namespace il::db::storage
