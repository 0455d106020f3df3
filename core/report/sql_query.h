#pragma once
// Read-only, parameterised SQL for report templates. Parameters are bound by name (:year,
// :month, :scope_region_id …), never substituted into the text. A statement that could change
// the database (or attach another one, or set a pragma) is refused before it runs.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace il::db {
class Database;
}

namespace il::report {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<SqlValue>> rows;
    // Index of a column by name, -1 when absent.
    int column_index(const std::string& name) const;
};

// Named parameters without their prefix: {"year", 2017}. The SQL may use :year, @year or $year.
using SqlParams = std::map<std::string, SqlValue>;

// Prepares `sql` (the text of `file_label`, used in messages), refuses anything that is not one
// read-only statement, binds the named parameters it uses and returns all rows.
// Throws TemplateError naming the file, the line and the problem.
ResultTable run_read_only_query(SQLite::Database& db, const std::string& sql, const SqlParams& params,
                                const std::string& file_label);

// The same on a ledger of either engine: SQLite as above, a server through run_server_query.
ResultTable run_read_only_query(db::Database& db, const std::string& sql, const SqlParams& params,
                                const std::string& file_label);

// Only prepares and checks (read-only, one statement, known parameters): for validating a template.
void check_read_only_query(SQLite::Database& db, const std::string& sql, const SqlParams& params,
                           const std::string& file_label);

}  // namespace il::report
