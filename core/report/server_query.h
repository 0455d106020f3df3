#pragma once
// A report template's query on a ledger held by a PostgreSQL server: the same SQL as on SQLite
// (the il_* functions and shims are server functions, core/db/storage/server_functions.h), its
// named parameters made typed positional ones (named_params.h). Read-only is the server's to
// enforce: outside the report's own READ ONLY transaction the query runs in one of its own.
#include <string>

#include "core/db/storage/connection.h"
#include "core/report/sql_query.h"

namespace il::report {

// Throws TemplateError naming the file and the server's reason.
ResultTable run_server_query(db::storage::Connection& server, const std::string& sql, const SqlParams& params,
                             const std::string& file_label);

}  // namespace il::report
