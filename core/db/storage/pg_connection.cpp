#include "core/db/storage/pg_connection.h"

#include "core/util/error.h"

#ifdef IL_HAVE_POSTGRESQL
#include <libpq-fe.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>

#include "core/db/storage/placeholders.h"

// PostgreSQL type oids (pg_type.dat): the ones the ledger schema uses.
namespace {
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;
}
#endif

namespace il::db::storage {

bool is_postgresql_url(const std::string& t) { return t.rfind("postgresql://", 0) == 0 || t.rfind("postgres://", 0) == 0; }

#ifndef IL_HAVE_POSTGRESQL
bool postgresql_available() { return false; }
std::unique_ptr<Connection> connect_postgresql(const std::string&, const std::string&, bool*) {
    throw DatabaseError("本程序构建时未包含 PostgreSQL 支持（libpq），无法连接数据库服务器");
}
#else
bool postgresql_available() { return true; }

namespace {

std::string hex_bytea(const Blob& b) {
    static const char* digits = "0123456789abcdef";
    std::string s = "\\x";
    for (unsigned char c : b.bytes) { s += digits[c >> 4]; s += digits[c & 15]; }
    return s;
}

// What the user is told when the server refuses a statement: the common refusals in words, the
// server's own text and SQLSTATE for the administrator.
[[noreturn]] void refused(const std::string& code, const std::string& msg, const std::string& sql) {
    std::string why;
    if (code == "42501") why = "您的登录没有这项权限：县级用户只能修改本单位县市区的记录，市级用户只能查看。";
    else if (code == "23505") why = "与已有记录重复。";
    else if (code == "23503") why = "引用的记录不存在或仍被其他记录引用。";
    else if (code == "40001" || code == "40P01") why = "与其他用户同时修改发生冲突，请重试。";
    std::string text = "数据库服务器拒绝了语句（" + code + "）：" + why + msg;
    // the statement too: what the server refused is what an administrator needs to see
    if (!sql.empty()) text += "语句：" + sql.substr(0, 300);
    throw DatabaseError(text);
}

class PgStatement : public Statement {
public:
    PgStatement(PGconn* conn, const std::string& sql) : conn_(conn) {
        int n = 0;
        sql_ = to_numbered_placeholders(sql, &n, &names_);
        params_.assign(static_cast<std::size_t>(n), std::monostate{});
        // SQLite lets a statement leave out ?1 and use ?4; the server must be told a type for
        // the numbers it does not see (a bigint NULL: any type would do)
        unused_.assign(static_cast<std::size_t>(n), true);
        for (std::size_t i = 0; i + 1 < sql_.size(); ++i)
            if (sql_[i] == '$' && sql_[i + 1] >= '0' && sql_[i + 1] <= '9') {
                int k = std::atoi(sql_.c_str() + i + 1);
                if (k >= 1 && k <= n) unused_[static_cast<std::size_t>(k - 1)] = false;
            }
    }
    ~PgStatement() override { clear(); }
    void bind(int index, const SqlValue& v) override {
        if (index < 1 || index > static_cast<int>(params_.size()))
            throw DatabaseError("参数序号 " + std::to_string(index) + " 超出范围：" + sql_);
        params_[static_cast<std::size_t>(index - 1)] = v;
    }
    int parameter_index(const std::string& name) override {
        auto it = names_.find(name);
        return it == names_.end() ? 0 : it->second;
    }
    bool step() override {
        if (!res_) run();
        if (row_ + 1 >= PQntuples(res_)) { row_ = PQntuples(res_); return false; }
        ++row_;
        return true;
    }
    int column_count() override { return res_ ? PQnfields(res_) : 0; }
    std::string column_name(int col) override { return PQfname(res_, col); }
    SqlValue value(int col) override {
        if (PQgetisnull(res_, row_, col)) return std::monostate{};
        const char* s = PQgetvalue(res_, row_, col);
        switch (PQftype(res_, col)) {
            case kInt2: case kInt4: case kInt8: return static_cast<std::int64_t>(std::strtoll(s, nullptr, 10));
            case kBool: return static_cast<std::int64_t>(s[0] == 't' ? 1 : 0);
            case kFloat4: case kFloat8: return std::strtod(s, nullptr);
            case kNumeric: {
                // SUM over bigint is numeric: a whole number stays an integer, as SQLite's sum is
                if (std::strpbrk(s, ".eEN") == nullptr) {
                    errno = 0;
                    char* end = nullptr;
                    long long n = std::strtoll(s, &end, 10);
                    if (errno == 0 && end && *end == '\0') return static_cast<std::int64_t>(n);
                }
                return std::strtod(s, nullptr);
            }
            case kBytea: {
                std::size_t len = 0;
                unsigned char* p = PQunescapeBytea(reinterpret_cast<const unsigned char*>(s), &len);
                Blob b{std::vector<unsigned char>(p, p + len)};
                PQfreemem(p);
                return b;
            }
            default: return std::string(s, static_cast<std::size_t>(PQgetlength(res_, row_, col)));
        }
    }
    void reset() override {
        clear();
        clear_bindings();
    }
    void rerun() override { clear(); }
    void clear_bindings() override {
        for (auto& p : params_) p = std::monostate{};
    }
    std::int64_t changes() override {
        if (!res_) return 0;
        const char* t = PQcmdTuples(res_);
        return *t ? std::strtoll(t, nullptr, 10) : 0;
    }

private:
    void clear() {
        if (res_) PQclear(res_);
        res_ = nullptr;
        row_ = -1;
    }
    void run() {
        std::vector<std::string> text(params_.size());
        std::vector<const char*> values(params_.size(), nullptr);
        // integers, reals and bytes say what they are (so `? IS NULL` or `? + 1` need no cast);
        // text is left for the server to infer from where it is used, as SQLite would compare it
        std::vector<Oid> types(params_.size(), 0);
        for (std::size_t i = 0; i < params_.size(); ++i) {
            const SqlValue& v = params_[i];
            if (unused_[i]) types[i] = kInt8;
            if (std::holds_alternative<std::monostate>(v)) continue;
            if (auto* n = std::get_if<std::int64_t>(&v)) text[i] = std::to_string(*n), types[i] = kInt8;
            else if (auto* d = std::get_if<double>(&v)) {
                types[i] = kFloat8;
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.17g", *d);
                text[i] = buf;
            } else if (auto* s = std::get_if<std::string>(&v)) text[i] = *s;
            else text[i] = hex_bytea(std::get<Blob>(v)), types[i] = kBytea;
            values[i] = text[i].c_str();
        }
        res_ = PQexecParams(conn_, sql_.c_str(), static_cast<int>(values.size()), types.data(), values.data(), nullptr,
                            nullptr, 0);
        auto st = PQresultStatus(res_);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
            std::string msg = PQresultErrorMessage(res_);
            const char* state = PQresultErrorField(res_, PG_DIAG_SQLSTATE);
            std::string code = state ? state : "";
            clear();
            refused(code, msg, sql_);
        }
    }

    PGconn* conn_;
    std::string sql_;
    std::vector<SqlValue> params_;
    std::map<std::string, int> names_;
    std::vector<bool> unused_;  // numbers the text skips
    PGresult* res_ = nullptr;
    int row_ = -1;
};

class PgConnection : public Connection {
public:
    explicit PgConnection(PGconn* c) : conn_(c) {}
    ~PgConnection() override { PQfinish(conn_); }
    Engine engine() const override { return Engine::postgresql; }
    void exec(const std::string& sql) override {
        PGresult* r = PQexec(conn_, sql.c_str());
        auto st = PQresultStatus(r);
        std::string msg = PQresultErrorMessage(r);
        const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
        std::string code = state ? state : "";
        PQclear(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) refused(code, msg, "");
    }
    std::unique_ptr<Statement> prepare(const std::string& sql) override {
        return std::make_unique<PgStatement>(conn_, sql);
    }
    void begin() override { exec("BEGIN ISOLATION LEVEL REPEATABLE READ"); }
    void commit() override { exec("COMMIT"); }
    void rollback() override { exec("ROLLBACK"); }
    bool in_transaction() override { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }
    std::vector<std::string> tables() override {
        // il_tables (written by the server schema) keeps the SQLite creation order
        std::vector<std::string> out;
        auto q = prepare("SELECT name FROM il_tables ORDER BY position");
        while (q->step()) out.push_back(q->text(0));
        return out;
    }

private:
    PGconn* conn_;
};

}  // namespace

std::unique_ptr<Connection> connect_postgresql(const std::string& url, const std::string& password, bool* needs_password) {
    const char* keys[] = {"dbname", "password", "client_encoding", "application_name", nullptr};
    const char* vals[] = {url.c_str(), password.empty() ? nullptr : password.c_str(), "UTF8", "investledger", nullptr};
    if (password.empty()) keys[1] = "client_encoding", vals[1] = "UTF8";
    PGconn* c = PQconnectdbParams(keys, vals, 1);
    if (PQstatus(c) != CONNECTION_OK) {
        if (needs_password) *needs_password = PQconnectionNeedsPassword(c) != 0;
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw DatabaseError("无法连接数据库服务器：" + msg);
    }
    auto conn = std::make_unique<PgConnection>(c);
    conn->exec("SET client_min_messages = warning");
    return conn;
}
#endif

}  // namespace il::db::storage
