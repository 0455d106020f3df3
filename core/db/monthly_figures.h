#pragma once
// Shared by the project and renovation repositories: storing one month of completed investment
// where the user gives either the month figure or the year-to-date figure. The other one is
// derived from the previous stored month of the same year (0 in January or when none is
// stored); the following months keep their year-to-date figures and their month figures are
// re-derived. Locked periods whose stored figures would change are refused (PeriodLocked), a
// negative month figure anywhere is refused (RecordInvalid). Runs inside the caller's
// WriteTransaction; writes the audit log.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/validate/field_issue.h"

namespace il::db {

struct MonthlyWrite {
    std::string table;       // "progress" / "renovation_progress"
    std::string key_column;  // "project_id" / "renovation_id"
    std::int64_t key = 0;
    int year = 0, month = 0;
    Money month_figure, ytd;
    bool entered_as_ytd = false;
    std::vector<std::pair<std::string, std::string>> text_columns;  // e.g. image_progress, problems
    std::string record;  // "项目「…」2017-06 月度调度", for messages
    // Validates the derived figures (month figure, ytd); empty when fine.
    std::function<std::vector<FieldIssue>(Money month_figure, Money ytd)> validate;
};

void write_monthly_figure(Database& db, const MonthlyWrite& w);

// A record's total investment may not fall below a year-to-date figure already reported in
// `table` (progress, renovation_progress) for `key` (its `key_column`): adds the issue if it does.
void check_total_covers_reported(Database& db, const std::string& table, const std::string& key_column, std::int64_t key,
                                 Money total, std::vector<FieldIssue>& issues);

}  // namespace il::db
