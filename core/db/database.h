#pragma once
// The ledger database: one SQLite file (or ":memory:"), opened with WAL and foreign keys on and
// migrated to the current schema, or a shared ledger on a PostgreSQL server (open_server).
// Everything that reads or writes the ledger goes through it; engine-neutral code uses Query,
// exec() and last_insert_id(), SQLite-only code (backups, holders, the report engine's SQL
// functions) sql(), which a server ledger refuses with a clear message.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include "core/db/holders.h"
#include "core/db/query.h"
#include "core/db/storage/connection.h"
#include "core/util/error.h"

namespace il::db {

struct OpenOptions {
    bool create = true;          // create the file (and schema) when missing
    bool read_only = false;      // open without writing; no migration (refused if outdated)
    bool migrate = true;         // bring an older schema up to date (with a backup copy first)
    int busy_timeout_ms = 5000;  // wait this long for another program's lock
    std::string user;            // who makes changes (audit log); empty: setting or OS user
    bool auto_backup = true;     // the daily automatic backup when opened for writing (core/db/backup.h)
    bool announce = true;        // register as a holder (holders.h); false for a second, read-only
                                 // connection of a process that already holds the file (GUI workers)
};

// The schema version this program writes (the last migration step).
int current_schema_version();

class Database {
public:
    static std::unique_ptr<Database> open(const std::filesystem::path& file, const OpenOptions& options = {});
    static std::unique_ptr<Database> open_memory(const std::string& user = "test");
    // A ledger on a PostgreSQL server, over a connection made by core/db/ledger_open.h (which
    // also knows how to ask for the password), its schema made by `server init` or `migrate-to`
    // at this program's version. options.user: who makes changes (default: the login role).
    static std::unique_ptr<Database> open_server(std::unique_ptr<storage::Connection> server, const OpenOptions& options = {});

    // Another connection to the same ledger (a worker thread's reader), with its own options.
    std::unique_ptr<Database> open_again(const OpenOptions& options) const;
    // A server ledger's address (postgresql://…), empty for a file; what titles and messages show.
    const std::string& server_url() const { return server_url_; }
    // For open_again (ledger_open.cpp): the address and the password typed, in memory only.
    void remember_server(std::string url, std::string password) {
        server_url_ = std::move(url);
        server_password_ = std::move(password);
    }

    storage::Engine engine() const { return server_ ? storage::Engine::postgresql : storage::Engine::sqlite; }
    // The server connection, or null for an SQLite ledger.
    storage::Connection* server() { return server_.get(); }
    // The SQLite connection; throws DatabaseError naming `what` on a server ledger.
    SQLite::Database& sql(const char* what = nullptr);
    // One or more statements without parameters or rows.
    void exec(const std::string& sql);
    // The id the last INSERT on this connection gave its row.
    std::int64_t last_insert_id();
    // True outside any transaction.
    bool autocommit();
    const std::filesystem::path& path() const { return path_; }
    bool in_memory() const { return path_.empty(); }  // no file: ":memory:" or a server ledger
    bool read_only() const { return read_only_; }
    const std::string& user() const { return user_; }
    void set_user(std::string user) { user_ = std::move(user); }
    int schema_version();

    // Settings (key/value), e.g. report footer fields, thresholds.
    std::optional<std::string> setting(const std::string& key);
    std::string setting_or(const std::string& key, const std::string& fallback);
    void set_setting(const std::string& key, const std::string& value);

    // The backup copy made before the last migration, if any.
    const std::optional<std::filesystem::path>& migration_backup() const { return migration_backup_; }

    // Things the user should be told about after opening (network share, a failed automatic
    // backup). The CLI prints them to stderr; the GUI shows them.
    const std::vector<std::string>& warnings() const { return warnings_; }

    // A prepared statement kept for reuse on this connection, reset and with bindings cleared:
    // for statements run thousands of times in one operation (audit log lines of an import).
    // Preparing costs more than running a small INSERT. Do not use the same text re-entrantly.
    Query& cached_statement(const std::string& sql);

    // The same cache, safely: the handle resets the statement when it goes out of scope (so no
    // read snapshot stays open on a long-lived connection), and a text already in use further up
    // the stack gets a fresh statement of its own instead of the shared one.
    class Prepared {
    public:
        Prepared(Prepared&& other) noexcept;
        Prepared(const Prepared&) = delete;
        Prepared& operator=(const Prepared&) = delete;
        Prepared& operator=(Prepared&&) = delete;
        ~Prepared();
        Query& operator*() { return *stmt_; }
        Query* operator->() { return stmt_; }

    private:
        friend class Database;
        Prepared(Query* stmt, bool* in_use, std::unique_ptr<Query> own);
        Query* stmt_;
        bool* in_use_;                 // the cache slot's flag; null for an own statement
        std::unique_ptr<Query> own_;   // set when the cached one was busy
    };
    Prepared prepared(const std::string& sql);

private:
    Database() = default;
    void refuse_newer_schema();
    void configure(const OpenOptions& options);
    void migrate(bool allowed);

    std::unique_ptr<HolderRegistration> holder_;  // declared before db_: removed after the close
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<storage::Connection> server_;  // instead of db_ for a server ledger
    std::string server_url_, server_password_;
    std::filesystem::path path_;
    std::string user_;
    bool read_only_ = false;
    std::optional<std::filesystem::path> migration_backup_;
    std::vector<std::string> warnings_;
    // after db_: destroyed (finalized) before the connection closes
    struct CachedSlot {
        std::unique_ptr<Query> stmt;
        bool in_use = false;
    };
    std::map<std::string, CachedSlot> statements_;
};

// Runs migration steps on an open connection from its user_version up to `target`
// (each step in its own transaction). Exposed for tests that build old-version databases.
void migrate_to(SQLite::Database& db, int target);

}  // namespace il::db
