#include "core/report/sql_query.h"

#include <memory>

#include <sqlite3.h>

#include "core/db/database.h"
#include "core/report/server_query.h"
#include "core/util/error.h"

namespace il::report {

int ResultTable::column_index(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return static_cast<int>(i);
    return -1;
}

namespace {

struct StmtDeleter {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

// Line (1-based) of a byte offset in `text`.
int line_of(const std::string& text, int offset) {
    if (offset < 0) return 0;
    int line = 1;
    for (int i = 0; i < offset && i < static_cast<int>(text.size()); ++i)
        if (text[static_cast<std::size_t>(i)] == '\n') ++line;
    return line;
}

std::string place(const std::string& file, const std::string& text, int offset) {
    int line = line_of(text, offset);
    return line > 0 ? file + " 第 " + std::to_string(line) + " 行" : file;
}

// Denies, while a template statement is prepared, everything that is not reading.
int deny_non_reading(void* flag, int action, const char* a, const char*, const char*, const char*) {
    switch (action) {
        case SQLITE_SELECT:
        case SQLITE_READ:
        case SQLITE_FUNCTION:
        case SQLITE_RECURSIVE:
            return SQLITE_OK;
        default:
            *static_cast<int*>(flag) = action;
            (void)a;
            return SQLITE_DENY;
    }
}

std::string action_name(int action) {
    switch (action) {
        case SQLITE_INSERT: return "INSERT";
        case SQLITE_UPDATE: return "UPDATE";
        case SQLITE_DELETE: return "DELETE";
        case SQLITE_ATTACH: return "ATTACH";
        case SQLITE_DETACH: return "DETACH";
        case SQLITE_PRAGMA: return "PRAGMA";
        case SQLITE_TRANSACTION: return "BEGIN/COMMIT";
        case SQLITE_CREATE_TABLE:
        case SQLITE_CREATE_INDEX:
        case SQLITE_CREATE_VIEW:
        case SQLITE_CREATE_TRIGGER:
        case SQLITE_CREATE_TEMP_TABLE:
        case SQLITE_CREATE_TEMP_VIEW:
        case SQLITE_CREATE_TEMP_INDEX:
        case SQLITE_CREATE_TEMP_TRIGGER:
        case SQLITE_CREATE_VTABLE:
            return "CREATE";
        case SQLITE_DROP_TABLE:
        case SQLITE_DROP_INDEX:
        case SQLITE_DROP_VIEW:
        case SQLITE_DROP_TRIGGER:
        case SQLITE_DROP_TEMP_TABLE:
        case SQLITE_DROP_TEMP_VIEW:
        case SQLITE_DROP_TEMP_INDEX:
        case SQLITE_DROP_TEMP_TRIGGER:
        case SQLITE_DROP_VTABLE:
            return "DROP";
        case SQLITE_ALTER_TABLE: return "ALTER";
        case SQLITE_SAVEPOINT: return "SAVEPOINT";
        default: return "修改数据库的操作（" + std::to_string(action) + "）";
    }
}

bool only_blank_or_comments(const char* p) {
    while (*p) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ';') { ++p; continue; }
        if (p[0] == '-' && p[1] == '-') { while (*p && *p != '\n') ++p; continue; }
        if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/')) ++p;
            if (*p) p += 2;
            continue;
        }
        return false;
    }
    return true;
}

StmtPtr prepare_checked(SQLite::Database& database, const std::string& sql, const SqlParams& params,
                        const std::string& file) {
    sqlite3* db = database.getHandle();
    int denied = 0;
    sqlite3_set_authorizer(db, deny_non_reading, &denied);
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
    int offset = sqlite3_error_offset(db);
    std::string msg = sqlite3_errmsg(db);
    sqlite3_set_authorizer(db, nullptr, nullptr);
    StmtPtr stmt(raw);
    if (denied != 0)
        throw TemplateError(file + "：只允许只读查询（SELECT），拒绝执行含 " + action_name(denied) + " 的语句");
    if (rc != SQLITE_OK)
        throw TemplateError(place(file, sql, offset) + "：SQL 有误：" + msg);
    if (!stmt) throw TemplateError(file + "：SQL 文件中没有语句");
    if (!sqlite3_stmt_readonly(stmt.get()))
        throw TemplateError(file + "：只允许只读查询（SELECT），该语句会修改数据库，拒绝执行");
    if (tail && !only_blank_or_comments(tail))
        throw TemplateError(place(file, sql, static_cast<int>(tail - sql.c_str())) +
                            "：一个 SQL 文件只能有一条查询语句");
    int n = sqlite3_bind_parameter_count(stmt.get());
    for (int i = 1; i <= n; ++i) {
        const char* name = sqlite3_bind_parameter_name(stmt.get(), i);
        if (!name || name[0] == '?')
            throw TemplateError(file + "：请使用命名参数（如 :year），不要使用 ?");
        std::string key = name + 1;
        auto it = params.find(key);
        if (it == params.end()) {
            std::string known;
            for (const auto& [k, v] : params) known += (known.empty() ? ":" : "、:") + k;
            throw TemplateError(file + "：未知参数 " + std::string(name) + "（可用参数：" + known + "）");
        }
        const SqlValue& v = it->second;
        int brc = SQLITE_OK;
        if (std::holds_alternative<std::monostate>(v)) brc = sqlite3_bind_null(stmt.get(), i);
        else if (auto* iv = std::get_if<std::int64_t>(&v)) brc = sqlite3_bind_int64(stmt.get(), i, *iv);
        else if (auto* dv = std::get_if<double>(&v)) brc = sqlite3_bind_double(stmt.get(), i, *dv);
        else {
            const auto& s = std::get<std::string>(v);
            brc = sqlite3_bind_text(stmt.get(), i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        }
        if (brc != SQLITE_OK) throw TemplateError(file + "：无法绑定参数 " + std::string(name) + "：" + sqlite3_errmsg(db));
    }
    return stmt;
}

}  // namespace

void check_read_only_query(SQLite::Database& db, const std::string& sql, const SqlParams& params,
                           const std::string& file_label) {
    prepare_checked(db, sql, params, file_label);
}

ResultTable run_read_only_query(SQLite::Database& database, const std::string& sql, const SqlParams& params,
                                const std::string& file_label) {
    StmtPtr stmt = prepare_checked(database, sql, params, file_label);
    ResultTable t;
    int ncol = sqlite3_column_count(stmt.get());
    for (int c = 0; c < ncol; ++c) t.columns.emplace_back(sqlite3_column_name(stmt.get(), c));
    for (;;) {
        int rc = sqlite3_step(stmt.get());
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW)
            throw TemplateError(file_label + "：查询执行失败：" + sqlite3_errmsg(database.getHandle()));
        std::vector<SqlValue> row;
        row.reserve(static_cast<std::size_t>(ncol));
        for (int c = 0; c < ncol; ++c) {
            switch (sqlite3_column_type(stmt.get(), c)) {
                case SQLITE_INTEGER: row.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt.get(), c))); break;
                case SQLITE_FLOAT: row.emplace_back(sqlite3_column_double(stmt.get(), c)); break;
                case SQLITE_NULL: row.emplace_back(std::monostate{}); break;
                default: {
                    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), c));
                    int len = sqlite3_column_bytes(stmt.get(), c);
                    row.emplace_back(std::string(p ? p : "", static_cast<std::size_t>(len)));
                }
            }
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

ResultTable run_read_only_query(db::Database& db, const std::string& sql, const SqlParams& params,
                                const std::string& file_label) {
    if (auto* server = db.server()) return run_server_query(*server, sql, params, file_label);
    return run_read_only_query(db.sql(), sql, params, file_label);
}

}  // namespace il::report
