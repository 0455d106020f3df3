#pragma once
// Who may do what on a shared ledger server (PostgreSQL roles + row-level security):
//   il_office  an office's staff: read and write only the rows of their own regions (projects,
//              技改, 招商 and everything hanging off them, targets); dictionaries read-only;
//   il_city    the city office: reads every region, writes nothing but the audit log.
// A login role is made a member of one of them and, for an office, given its regions in
// il_office_users. The policies live in the server, so no client (ours or psql) gets around them.
#include <string>
#include <vector>

#include "core/db/storage/connection.h"

namespace il::db::storage {

// The SQL of the group roles, grants and policies (idempotent: safe to run again).
std::string server_roles_sql();

// Creates the schema if the database has none, then the roles and policies; one transaction.
void init_server(Connection& server);

enum class ServerRole { office, city };

// Makes `login` (an existing login role: createuser) an office user for the named regions or a
// city user; the regions must exist in the ledger's dictionary. One transaction; throws
// ValidationError naming an unknown region.
void grant_server_role(Connection& server, const std::string& login, ServerRole role,
                       const std::vector<std::string>& region_names);

}  // namespace il::db::storage
