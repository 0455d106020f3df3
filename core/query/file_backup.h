#pragma once
// Back-up copies of the ledger file through SQLite's online backup API (consistent even while
// the database is open and in WAL mode), and restoring one of them.
#include <filesystem>

#include "core/db/database.h"

namespace il::query {

// Writes a complete copy of `db` to `target` (replaced if present). Throws FileError.
void backup_database(db::Database& db, const std::filesystem::path& target);

// Checks that `backup` is an InvestLedger database this program can open (not newer); throws
// DatabaseError/FileError otherwise. Then copies it over `target` (which must not be open),
// keeping the previous file as `<target>.before-restore`. Returns that safety copy's path.
std::filesystem::path restore_database(const std::filesystem::path& backup, const std::filesystem::path& target);

// "<stem>-YYYYMMDD-HHMMSS.investledger-backup.db" beside nothing: just the file name.
std::filesystem::path default_backup_name(const std::filesystem::path& db_file);

}  // namespace il::query
