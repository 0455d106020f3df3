#pragma once
// The ledger's schema on a PostgreSQL server, derived from the SQLite schema the migrations
// build (core/db/migrations): one definition of the tables, two dialects. Column types map
// INTEGER -> bigint, TEXT -> text COLLATE "C" (SQLite's byte order), BLOB -> bytea, REAL ->
// double precision; primary keys, NOT NULL, literal defaults, foreign keys and the indexes
// (partial ones too) carry over.
// il_tables keeps the creation order, il_schema the schema version.
#include <string>

#include "core/db/storage/connection.h"

namespace il::db::storage {

// The DDL for the current schema version (CREATE TABLE/INDEX statements, PostgreSQL dialect),
// followed by the functions report templates use (server_functions.h).
std::string server_schema_sql();
// ... of an earlier schema version (what an older program made; for upgrade tests).
std::string server_schema_sql(int version);

// The schema version a server database holds, 0 when it has no ledger schema yet.
int server_schema_version(Connection& server);

// Creates the ledger schema on an empty server database, in one transaction; throws
// DatabaseError when a ledger schema is already there.
void create_server_schema(Connection& server);

}  // namespace il::db::storage
