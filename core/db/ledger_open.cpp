#include "core/db/ledger_open.h"

#include "core/db/storage/pg_connection.h"
#include "core/util/utf8_path.h"

namespace il::db {

std::unique_ptr<storage::Connection> connect_server(const std::string& url, const PasswordPrompt& prompt,
                                                    std::string* password) {
    if (!storage::postgresql_available())
        throw DatabaseError("本程序构建时未包含 PostgreSQL 支持（libpq），无法连接数据库服务器");
    bool needs_password = false;
    try {
        return storage::connect_postgresql(url, "", &needs_password);
    } catch (const DatabaseError&) {
        if (!needs_password || !prompt) throw;
    }
    std::string typed = prompt(url);
    auto conn = storage::connect_postgresql(url, typed);
    if (password) *password = std::move(typed);
    return conn;
}

std::unique_ptr<Database> open_ledger(const std::string& target, const OpenOptions& options,
                                      const PasswordPrompt& prompt) {
    if (!storage::is_postgresql_url(target)) return Database::open(il::u8path(target), options);
    std::string password;
    auto conn = connect_server(target, prompt, &password);
    auto db = Database::open_server(std::move(conn), options);
    db->remember_server(target, std::move(password));
    return db;
}

}  // namespace il::db
