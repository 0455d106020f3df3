#pragma once
// Writing a planned import. All or nothing: one transaction, rolled back when any row is
// rejected (unless keep_good) or when a write fails; a dry run validates every write and then
// rolls back. Before anything is written to a database file, a restorable copy is made with
// SQLite's backup API in the backups folder beside it (db/backup.h: <stem>-backups/…-import.db).
#include <filesystem>
#include <optional>
#include <string>

#include "core/import/import_plan.h"

namespace il::import {

struct ImportResult {
    int added = 0, updated = 0, unchanged = 0, rejected = 0;
    bool written = false;                          // false: dry run, or rolled back
    std::optional<std::filesystem::path> backup;   // the copy made before writing
    std::string message;                           // why nothing was written, if so
};

// The page cache an import's transaction may use (KiB, taken only as used); the connection's own
// setting (and temp_store, MEMORY during the import) is restored afterwards.
inline constexpr int kImportCacheKiB = 256 * 1024;

// Writes `plan` (records that write-time checks reject move to plan.rejected).
ImportResult apply_import(db::Database& db, ImportPlan& plan, const ImportOptions& options);

// The same, reporting every kWriteChunk records to `progress`. When it asks to stop before the
// transaction is committed, everything is rolled back (the database is as before; the
// pre-import backup, no longer needed, is removed) and il::Cancelled is thrown.
inline constexpr int kWriteChunk = 100;
ImportResult apply_import(db::Database& db, ImportPlan& plan, const ImportOptions& options, ProgressSink& progress);

// Convenience: read, plan and apply one file.
ImportResult import_file(db::Database& db, const std::filesystem::path& file, const ImportOptions& options,
                         ImportPlan* plan_out = nullptr);

// The same with progress over the three parts (reading to 0.1, checking to 0.5, writing to 1)
// and cancel (il::Cancelled, nothing written).
ImportResult import_file(db::Database& db, const std::filesystem::path& file, const ImportOptions& options,
                         ImportPlan* plan_out, ProgressSink& progress);

// The pre-import backup (db::pre_change_backup with reason "import").
std::filesystem::path backup_before_import(db::Database& db);

}  // namespace il::import
