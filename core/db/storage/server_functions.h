#pragma once
// What a report template's SQL needs on a PostgreSQL server so that the same text runs there
// unchanged and gives what it gives on SQLite:
//  - the reporting rules core/stats registers on SQLite connections (sql_functions.h), as SQL
//    and PL/pgSQL functions with the same results: il_stage_at, il_counts_in_year,
//    il_latest_month, il_ytd, il_since_start, il_renovation_latest_month, il_renovation_ytd,
//    il_light, il_light_reason. il_light reads its thresholds from the ledger's settings table at
//    each statement, as a report on SQLite reads them when it starts (WarnThresholds::from_settings),
//    with the same defaults and the same refusal of a malformed setting;
//  - shims for what the templates use of SQLite's own dialect: group_concat(text, text),
//    sum(boolean) (il_counts_in_year and comparisons are boolean on PostgreSQL, integers on
//    SQLite) and boolean = bigint (`il_counts_in_year(…) = 1`).
// Every function is SECURITY INVOKER (the default): the progress lookups see only the rows the
// caller's row-level security policies let them see. They are created in the first schema of the
// search path, next to the ledger's tables, whose names they use unqualified.
#include <string>

namespace il::db::storage {

// CREATE OR REPLACE statements (idempotent; run after the ledger's tables exist).
std::string server_functions_sql();

}  // namespace il::db::storage
