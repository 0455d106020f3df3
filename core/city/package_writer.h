#pragma once
// 上报: the office writes its submission package for a period and locks (封账) the period.
#include <filesystem>
#include <string>
#include <vector>

#include "core/city/package_format.h"
#include "core/db/database.h"
#include "core/model/period.h"
#include "core/report/template_catalog.h"
#include "core/util/progress.h"

namespace il::city {

struct SubmitRequest {
    Period period;
    std::filesystem::path out;
    std::string office;                // "": own_office_name()
    std::vector<std::string> regions;  // empty: own_office_regions()
    std::string report_date;           // 报出日期 of the report ("" = today)
    bool lock = true;                  // 封账 the period (as `lock` does) once the package is written
};

struct SubmitResult {
    std::filesystem::path file;
    std::string sha256;       // of the package file
    Manifest manifest;
    bool locked_now = false;  // false: the period was locked already (its archived report went in)
    int archived_reports = 0;
};

// Generates the standard report set for the period (scope: the office's region when it has one,
// else the whole ledger), writes the package atomically, then locks the period (archiving the
// report) and records a 'submit' event in the audit log. Throws ValidationError (unknown region,
// bad period), TemplateError, FileError; on failure no package file is left and nothing is locked.
SubmitResult submit_package(db::Database& db, const report::TemplateCatalog& catalog, const SubmitRequest& request,
                            ProgressSink& progress);
SubmitResult submit_package(db::Database& db, const report::TemplateCatalog& catalog, const SubmitRequest& request);

}  // namespace il::city
