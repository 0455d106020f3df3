#pragma once
// Logging in to a PostgreSQL server: the password from ~/.pgpass (libpq reads it), else typed at
// a prompt without echo. The tool never stores it.
#include <memory>
#include <string>

#include "core/db/storage/connection.h"

namespace il::cli {

// The password typed at the terminal without echo; throws when there is no terminal.
std::string prompt_password(const std::string& url);

// Throws il::DatabaseError naming the server and the reason (no pass file entry and no terminal).
std::unique_ptr<db::storage::Connection> connect_server(const std::string& url);

}  // namespace il::cli
