#pragma once
// 封账: a reported period (1-N月 of a year) is locked after submission. While locked, the figures
// of that month cannot change (ensure_period_unlocked throws PeriodLocked), and the report of the
// period is handed out from the archive, byte for byte the file that was submitted (same sha256).
// Unlocking needs a reason and is recorded in the audit log ('unlock').
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"
#include "core/validate/field_issue.h"

namespace il::db {

struct PeriodLockInfo {
    int year = 0, month = 0;
    std::string locked_at, who, reason;
    int archived_reports = 0;  // report files kept for this period
};

class PeriodLocks {
public:
    explicit PeriodLocks(Database& db) : db_(db) {}

    // Locks the period and archives the latest generated file of each report (template and scope)
    // of that period whose file still exists unchanged (checksum as recorded in report_runs).
    // Returns the number of report files archived. Throws ValidationError if already locked.
    int lock(int year, int month, const std::string& reason);
    // Unlocks; `reason` must not be empty (ValidationError). Audit event 'unlock' with the reason.
    // Throws NotFoundError if the period is not locked. The archive is kept.
    void unlock(int year, int month, const std::string& reason);
    bool is_locked(int year, int month);
    std::optional<PeriodLockInfo> get(int year, int month);
    std::vector<PeriodLockInfo> list();

private:
    Database& db_;
};

// Throws PeriodLocked ("2026年1-10月已封账…") when the month is locked. Every write of monthly
// figures (progress, renovation progress) calls this for each month whose stored figures it changes.
void ensure_period_unlocked(Database& db, int year, int month);

// Throws PeriodLocked when the record (`key` in `figures_table`.`key_column`: progress.project_id,
// renovation_progress.renovation_id) has figures in a locked month: deleting it would change a
// submitted period. `record` names it in the message.
void ensure_no_locked_figures(Database& db, const std::string& figures_table, const std::string& key_column,
                              std::int64_t key, const std::string& record);

// --- the report archive (table report_archive) ---------------------------------------------
// `template_id` below is the report's template id, or for a workbook of several templates their
// ids joined with ',' in the order they appear (as recorded in report_runs, one row each).
struct ArchivedReport {
    std::int64_t id = 0;
    std::string template_id, period, scope, file_name, sha256, archived_at, who;
    std::string content;  // the file's bytes
};

// The archived file of a report, if any.
std::optional<ArchivedReport> archived_report(Database& db, const std::string& template_id, const Period& period,
                                              const std::string& scope = "");

// Stores `file` as the archived report (replacing an older archive of the same template, period
// and scope). Returns its sha256.
std::string archive_report(Database& db, const std::string& template_id, const Period& period,
                           const std::string& scope, const std::filesystem::path& file);

// For the report writer, before generating: when `period` is locked and an archived file exists,
// writes it to `target` (atomically) and returns its sha256; otherwise nullopt (generate as usual,
// then call keep_report_if_locked).
std::optional<std::string> reproduce_locked_report(Database& db, const std::string& template_id,
                                                   const Period& period, const std::string& scope,
                                                   const std::filesystem::path& target);

// For the report writer, after generating `file`: when `period` is locked and nothing is archived
// yet, archives it (so that it is reproduced from then on). Returns true if archived.
bool keep_report_if_locked(Database& db, const std::string& template_id, const Period& period,
                           const std::string& scope, const std::filesystem::path& file);

}  // namespace il::db
