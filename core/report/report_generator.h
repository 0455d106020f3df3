#pragma once
// Generating reports: the templates asked for, for a period and a scope, into one workbook (a
// sheet per template sheet), written atomically, checked beforehand and recorded in report_runs.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"
#include "core/report/layout.h"
#include "core/report/template_catalog.h"
#include "core/util/progress.h"

namespace il::report {

struct ReportRequest {
    std::vector<std::string> templates;   // ids or template folders
    bool all = false;                     // the standard set (after any named ones)
    Period period;
    std::string scope;                    // region or zone name; "" for the whole area
    std::filesystem::path out;
    bool strict = false;                  // pre-report check findings stop the report
    std::string report_date;              // 'YYYY-MM-DD' for 报出日期; "" = today
    bool record = true;                   // add a row to report_runs
};

// A finding of the checks run before writing (e.g. a year-to-date that falls).
struct CheckFinding {
    std::string text;
    std::int64_t project_id = 0;  // the project it is about (0: none)
};

struct ReportResult {
    std::filesystem::path file;
    std::string sha256;
    std::vector<std::string> template_ids;
    std::vector<SheetSummary> sheets;
    std::vector<CheckFinding> findings;
    std::vector<std::string> warnings;  // report_warnings(): the report was written all the same
    double seconds = 0;
    bool from_archive = false;  // the period is locked (封账): the archived file was handed out as is
};

// The named parameters every template query can use (see templates/README.md); also registers
// the SQL functions il_light / il_light_reason (core/stats/light_sql_functions.h) on `db`.
SqlParams report_params(db::Database& db, const Period& period, const std::string& scope, ReportContext* ctx = nullptr);

// Runs the checks, renders, writes and records. Throws ValidationError (bad scope, --strict
// findings), TemplateError, FileError.
ReportResult generate_report(db::Database& db, const TemplateCatalog& catalog, const ReportRequest& request);

// The same, reporting each step (checks, each template's queries, each chunk of rendered rows,
// writing) to `progress`. When progress.cancelled() turns true before the file is complete it
// stops: the temporary file is removed, the target is left as it was, no report_runs row is
// added, and il::Cancelled is thrown. (Once the file has been renamed into place the run
// finishes: a report is never left half-recorded.)
ReportResult generate_report(db::Database& db, const TemplateCatalog& catalog, const ReportRequest& request,
                             ProgressSink& progress);

// What the user should know before handing the report out, though it can be written: the
// period has no monthly figures at all (a workbook of zeros), no 填报单位 (office name) is set.
// Each text is complete (CLI stderr, GUI dialog). Throws ValidationError for an unknown scope.
std::vector<std::string> report_warnings(db::Database& db, const Period& period, const std::string& scope);

// Refuses what generate_report refuses before doing anything: a report date that is not a real
// calendar date (2017-02-30), an output file not named .xlsx (ValidationError).
void validate_request(const ReportRequest& request);

// Pre-report checks (this month = ytd - last month's ytd, ytd never falls, ytd <= total
// investment, a project under way has started by the report month).
std::vector<CheckFinding> run_report_checks(db::Database& db, const Period& period, const std::string& scope);

struct ReportRun {
    std::string uid, template_id, template_version, period, scope, generated_at, who, file_path, sha256;
};
// The generated reports, newest first.
std::vector<ReportRun> list_report_runs(db::Database& db, int limit = 100);

// "2017年7月5日" from "2017-07-05".
std::string chinese_date(const std::string& iso_date);

}  // namespace il::report
