#pragma once
// A report template's SQL (SQLite's named parameters :year, @year, $year) for an engine that
// takes `?` (the storage interface, connection.h): each use of a parameter becomes a `?` cast to
// the type of its value, with the value repeated for it. PostgreSQL needs the casts: it infers an
// untyped parameter's type from where it stands, and cannot in `:scope_region_id IS NULL` or
// `:time_progress AS time_progress` (it would make the latter text).
#include <map>
#include <string>
#include <vector>

#include "core/db/storage/connection.h"

namespace il::db::storage {

struct PositionalQuery {
    std::string sql;                // with `CAST(? AS type)` where the names were
    std::vector<SqlValue> values;   // to bind, from 1, in order
};

// Names are given without their prefix ({"year", 2017}). Types: integer -> bigint, real ->
// double precision, text -> text, blob -> bytea, NULL -> bigint (the report parameters that
// may be NULL are the scope ids). Quoted text, quoted identifiers, comments and `::` are left
// alone. Throws TemplateError naming `file_label` for a parameter not in `params` or a bare `?`.
PositionalQuery to_positional_params(const std::string& sql, const std::map<std::string, SqlValue>& params,
                                     const std::string& file_label);

}  // namespace il::db::storage
