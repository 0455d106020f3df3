#pragma once
// Backups of the ledger database, made with SQLite's online backup API (a consistent copy even
// while other programs read or write the file).
//
// Where: a folder beside the database, <folder>/<stem>-backups/ (ledger.db -> ledger-backups/),
// so that backups travel with the data (a USB stick, a copied folder) and two databases never
// share a folder. Each backup is one self-contained SQLite file (rollback journal, no -wal):
//   <stem>-YYYYMMDD-HHMMSS[.N]-<kind>.db      kind: auto, manual, import, migration-vN, before-restore
// A backup is written as <name>.partial and renamed when complete: a backup under its final name
// is always whole. Rotation keeps the newest `backup_keep` (setting, default 10) of each kind.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::db {

inline constexpr int kDefaultBackupKeep = 10;

struct BackupInfo {
    std::filesystem::path file;
    std::string kind;     // auto, manual, import, migration-v1, before-restore, ...
    std::string created;  // "2026-11-26 12:30:05" (local time, from the name)
    std::uintmax_t size = 0;
    bool readable = false;
    std::string error;    // why it could not be read, when !readable
    int schema_version = 0;
    std::int64_t projects = 0, progress = 0, renovations = 0, deals = 0, audit_entries = 0;
    std::string last_change;  // latest audit log time in it, "" if none
};

// <folder of db_file>/<stem>-backups
std::filesystem::path backup_dir(const std::filesystem::path& db_file);

// The `backup_keep` setting (1..1000), default 10.
int backup_keep(Database& db);

// Copies `source` (the database of file `db_file`) to a new backup of `kind` and rotates that
// kind down to `keep`. Returns the backup file. Throws FileError/DatabaseError on failure.
std::filesystem::path make_backup(SQLite::Database& source, const std::filesystem::path& db_file,
                                  const std::string& kind, int keep);

// "Back up now".
std::filesystem::path backup_now(Database& db);

// The automatic backup on opening for writing: at most one a day (none if today's exists).
std::optional<std::filesystem::path> auto_backup(Database& db);

// A restorable copy before a risky change: import, migration ("migration-v1"). Returns the file.
// An in-memory database has nothing to back up: returns an empty path.
std::filesystem::path pre_change_backup(Database& db, const std::string& reason);

// Backups of `db_file`, newest first, each inspected read-only (counts, schema version).
std::vector<BackupInfo> list_backups(const std::filesystem::path& db_file);

// Reads a backup (or any ledger database file) without changing a byte of it: opened with
// SQLITE_OPEN_READONLY and the `immutable=1` URI parameter (no locks, no -wal/-shm/-journal).
BackupInfo inspect_backup(const std::filesystem::path& file);

// Replaces the content of `db` with the backup `backup_file`: first backs up the current content
// (kind "before-restore", returned), then copies with the backup API in one step, brings an older
// schema up to date, and records an audit event 'restore'. A newer-schema or unreadable backup is
// refused and nothing changes.
std::filesystem::path restore_backup(Database& db, const std::filesystem::path& backup_file);

// A `file:` URI for sqlite3_open_v2 with SQLITE_OPEN_URI, e.g. file:///tmp/a%20b.db?immutable=1
std::string sqlite_file_uri(const std::filesystem::path& file, const std::string& query = "");

}  // namespace il::db
