#include "core/db/database.h"

#include <algorithm>
#include <system_error>

#include "core/db/backup.h"
#include "core/db/migration_steps.h"
#include "core/db/storage/pg_connection.h"
#include "core/db/storage/server_schema.h"
#include "core/platform/network_share.h"
#include "core/util/clock.h"
#include "core/util/utf8_path.h"

namespace il::db {
namespace fs = std::filesystem;

int current_schema_version() { return migration_steps().back().version; }

namespace {
int read_user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

}  // namespace

// All pending steps run in one transaction: a file is either at the version it had or at the
// target, never in between (an interrupted upgrade from v1 to v5 must not leave a v4 file that an
// older program would take as its own).
void migrate_to(SQLite::Database& db, int target) {
    const int version = read_user_version(db);
    int reached = version;
    SQLite::Transaction tx(db);
    for (const auto& step : migration_steps()) {
        if (step.version <= version || step.version > target) continue;
        try {
            db.exec(step.sql);
        } catch (const SQLite::Exception& e) {
            throw DatabaseError("数据库升级失败（步骤 " + std::to_string(step.version) + " " + step.name +
                                "）：" + e.what());
        }
        reached = step.version;
    }
    if (reached != version) db.exec("PRAGMA user_version = " + std::to_string(reached));
    tx.commit();
}

std::unique_ptr<Database> Database::open(const fs::path& file, const OpenOptions& options) {
    std::unique_ptr<Database> d(new Database());
    d->path_ = file;
    d->read_only_ = options.read_only;
    std::error_code ec;
    bool exists = fs::exists(file, ec);
    if (!exists && (!options.create || options.read_only))
        throw DatabaseError("数据库文件不存在：" + il::path_utf8(file));
    if (exists && fs::is_directory(file, ec))
        throw DatabaseError("不是数据库文件，而是一个文件夹：" + il::path_utf8(file));
    int flags = options.read_only ? SQLite::OPEN_READONLY : (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    try {
        d->db_ = std::make_unique<SQLite::Database>(il::path_utf8(file), flags, options.busy_timeout_ms);
        d->refuse_newer_schema();  // before anything (even WAL mode) touches the file
        d->configure(options);
        d->migrate(options.migrate && !options.read_only);
    } catch (const SQLite::Exception& e) {
        int code = e.getErrorCode();
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            throw DatabaseError("文件不是有效的台账数据库或已损坏：" + il::path_utf8(file) + "（" + e.what() + "）");
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw DatabaseError(busy_message(file));
        throw DatabaseError("无法打开数据库 " + il::path_utf8(file) + "：" + e.what());
    }
    d->user_ = !options.user.empty() ? options.user : d->setting_or("user_name", os_user_name());
    if (options.announce) d->holder_ = std::make_unique<HolderRegistration>(file, !options.read_only, d->user_);
    if (auto kind = platform::network_share_kind(file)) d->warnings_.push_back(platform::network_share_warning(file, *kind));
    if (exists && options.auto_backup && !options.read_only && !d->migration_backup_) {
        try {
            auto_backup(*d);
        } catch (const std::exception& e) {
            d->warnings_.push_back(std::string("警告：自动备份失败：") + e.what());
        }
    }
    return d;
}

std::unique_ptr<Database> Database::open_memory(const std::string& user) {
    std::unique_ptr<Database> d(new Database());
    d->db_ = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    OpenOptions options;
    d->configure(options);
    d->migrate(true);
    d->user_ = user;
    return d;
}

void Database::configure(const OpenOptions& options) {
    db_->exec("PRAGMA foreign_keys = ON");
    // Up to 32 MiB of page cache (taken only as used): an import of 10,000 projects keeps its
    // pages in memory instead of spilling them to the WAL half-way through the transaction.
    db_->exec("PRAGMA cache_size = -32768");
    if (!options.read_only && !in_memory()) {
        // WAL: readers never block the writer; a crash loses nothing committed.
        db_->exec("PRAGMA journal_mode = WAL");
        db_->exec("PRAGMA synchronous = NORMAL");
    }
    db_->setBusyTimeout(options.busy_timeout_ms);
}

void Database::refuse_newer_schema() {
    int version = read_user_version(*db_);
    int latest = current_schema_version();
    if (version > latest)
        throw DatabaseError("该数据库由更新版本的投资项目台账创建（数据库版本 " + std::to_string(version) +
                            "，本程序支持到版本 " + std::to_string(latest) + "）。请升级程序后再打开，文件未作任何修改。");
}

void Database::migrate(bool allowed) {
    int version = read_user_version(*db_);
    int latest = current_schema_version();
    if (version == latest) return;
    if (!allowed)
        throw DatabaseError("数据库版本 " + std::to_string(version) + " 需要升级到 " + std::to_string(latest) +
                            "，但以只读方式打开，未作修改。");
    // A file that has no tables yet is new: no backup needed.
    bool empty = db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
    if (!empty && !in_memory())
        migration_backup_ = make_backup(*db_, path_, "migration-v" + std::to_string(version), backup_keep(*this));
    migrate_to(*db_, latest);
}

int Database::schema_version() {
    if (server_) return storage::server_schema_version(*server_);
    return read_user_version(*db_);
}

SQLite::Database& Database::sql(const char* what) {
    if (!db_)
        throw DatabaseError(std::string(what ? what : "这项功能") + "目前只能用于台账文件（.db），不能用于数据库服务器上的台账");
    return *db_;
}

void Database::exec(const std::string& sql) {
    if (server_) server_->exec(sql);
    else db_->exec(sql);
}

std::int64_t Database::last_insert_id() {
    if (!server_) return db_->getLastInsertRowid();
    // the identity sequence of the table just inserted into, on this session
    Query q(*this, "SELECT lastval()");
    q.executeStep();
    return q.getColumn(0).getInt64();
}

bool Database::autocommit() {
    if (server_) return !server_->in_transaction();
    return sqlite3_get_autocommit(db_->getHandle()) != 0;
}

std::unique_ptr<Database> Database::open_server(std::unique_ptr<storage::Connection> server, const OpenOptions& options) {
    std::unique_ptr<Database> d(new Database());
    d->server_ = std::move(server);
    d->read_only_ = options.read_only;
    int version = storage::server_schema_version(*d->server_);
    int latest = current_schema_version();
    if (version == 0)
        throw DatabaseError("服务器数据库中还没有台账：请先用 investledger-cli server init 或 migrate-to 建立");
    if (version > latest)
        throw DatabaseError("服务器上的台账由更新版本的投资项目台账建立（数据库版本 " + std::to_string(version) +
                            "，本程序支持到版本 " + std::to_string(latest) + "）。请升级程序。");
    if (version < latest)
        throw DatabaseError("服务器上的台账是数据库版本 " + std::to_string(version) + "，本程序需要版本 " +
                            std::to_string(latest) + "：请管理员先运行 investledger-cli --db <服务器地址> server upgrade");
    if (!options.user.empty()) d->user_ = options.user;
    else {
        Query q(*d, "SELECT current_user");
        q.executeStep();
        d->user_ = q.getColumn(0).getString();
    }
    return d;
}

std::unique_ptr<Database> Database::open_again(const OpenOptions& options) const {
    if (!server_) {
        if (path_.empty()) throw DatabaseError("内存中的台账不能再打开一次");
        return open(path_, options);
    }
    if (server_url_.empty()) throw DatabaseError("不知道服务器台账的地址，不能再连接一次");
    return open_server(storage::connect_postgresql(server_url_, server_password_), options);
}

std::optional<std::string> Database::setting(const std::string& key) {
    Query q(*this, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    if (q.executeStep()) return q.getColumn(0).getString();
    return std::nullopt;
}

std::string Database::setting_or(const std::string& key, const std::string& fallback) {
    auto v = setting(key);
    return v ? *v : fallback;
}

void Database::set_setting(const std::string& key, const std::string& value) {
    Query q(*this, "INSERT INTO settings(key, value) VALUES(?, ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}

}  // namespace il::db

namespace il::db {

Query& Database::cached_statement(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, CachedSlot{std::make_unique<Query>(*this, sql)}).first;
    Query& q = *it->second.stmt;
    q.reset();
    q.clearBindings();
    return q;
}

Database::Prepared Database::prepared(const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(sql, CachedSlot{std::make_unique<Query>(*this, sql)}).first;
    CachedSlot& slot = it->second;
    if (slot.in_use) {
        auto own = std::make_unique<Query>(*this, sql);
        Query* raw = own.get();
        return Prepared(raw, nullptr, std::move(own));
    }
    slot.stmt->reset();
    slot.stmt->clearBindings();
    slot.in_use = true;
    return Prepared(slot.stmt.get(), &slot.in_use, nullptr);
}

Database::Prepared::Prepared(Query* stmt, bool* in_use, std::unique_ptr<Query> own)
    : stmt_(stmt), in_use_(in_use), own_(std::move(own)) {}

Database::Prepared::Prepared(Prepared&& other) noexcept
    : stmt_(other.stmt_), in_use_(other.in_use_), own_(std::move(other.own_)) {
    other.stmt_ = nullptr;
    other.in_use_ = nullptr;
}

Database::Prepared::~Prepared() {
    if (!stmt_) return;
    try {
        stmt_->reset();  // ends the statement's read of the database
    } catch (...) {
        // reset reports the last step's error again; it was already thrown to the caller
    }
    if (in_use_) *in_use_ = false;
}

}  // namespace il::db
