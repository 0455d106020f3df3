#pragma once
// `check`: is the ledger sound? SQLite's integrity and foreign-key checks, every validation rule
// on every stored record, and the monthly figures (year-to-date never decreasing within a year,
// month figure = ytd - previous ytd, ytd not above total investment). Read-only.
// Besides errors it lists warnings, findings to look at before a submission that may be right
// (completed investment in a year without an annual plan; a project in a region that is itself
// a 开发区 without that zone): they are reported but do not make the ledger unclean.
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
    bool warning = false;     // a pre-submission finding, not an error
};

struct CheckSummary {
    std::int64_t projects = 0, progress_rows = 0, renovations = 0, deals = 0, problems = 0, targets = 0;
    std::vector<CheckFinding> findings;
    bool clean() const { return errors() == 0; }
    std::size_t errors() const {
        std::size_t n = 0;
        for (const auto& f : findings) n += f.warning ? 0 : 1;
        return n;
    }
    std::size_t warnings() const { return findings.size() - errors(); }
};

CheckSummary check_ledger(Database& db);

}  // namespace il::db
