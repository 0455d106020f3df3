#pragma once
// `check`: is the ledger sound? SQLite's integrity and foreign-key checks, every validation rule
// on every stored record, and the monthly figures (year-to-date never decreasing within a year,
// month figure = ytd - previous ytd, ytd not above total investment), and apart from those the
// information records lack (warnings). Read-only.
#include <cstdint>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::db {

struct CheckFinding {
    std::string table;        // "projects", "progress", "database", ...
    std::int64_t record_id = 0;
    std::string record;       // 项目「…」（编号 12）
    std::string field;        // model field name, empty for database-level findings
    std::string reason;       // Chinese
};

struct CheckSummary {
    std::int64_t projects = 0, progress_rows = 0, renovations = 0, deals = 0, problems = 0, targets = 0;
    std::vector<CheckFinding> findings;
    // Missing information (validate/completeness.h): reported, but the ledger is still clean.
    std::vector<CheckFinding> warnings;
    bool clean() const { return findings.empty(); }
};

CheckSummary check_ledger(Database& db);

}  // namespace il::db
