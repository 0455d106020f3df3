#pragma once
// Bringing a server ledger made by an earlier program up to this program's schema version, by
// the very migration steps a file takes (core/db/migrations, data changes included): the rows are
// copied into a temporary SQLite file at the server's version, migrated there, and copied back
// into the current server schema. The server is written in one transaction: it ends at the new
// version with every row, or stays as it was. The offices' region grants are kept; the roles
// and policies are made again for the new tables.
#include <filesystem>

#include "core/db/storage/connection.h"
#include "core/util/progress.h"

namespace il::db::storage {

// Returns the version the server had. work_dir holds the temporary file (removed afterwards).
// Throws DatabaseError for a server without a ledger or of a newer version.
int upgrade_server_schema(Connection& server, const std::filesystem::path& work_dir, ProgressSink& progress);

}  // namespace il::db::storage
