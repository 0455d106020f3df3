#pragma once
// Opening a ledger as the user names it: a file (path) or a shared ledger on a PostgreSQL server
// ("postgresql://user@host[:port]/dbname"). The server password comes from ~/.pgpass (libpq
// reads it; %APPDATA%\postgresql\pgpass.conf on Windows); only when that has none is the
// caller's prompt asked. The password is kept in memory for the connections the same program
// opens again (GUI workers), never written anywhere.
#include <functional>
#include <memory>
#include <string>

#include "core/db/database.h"

namespace il::db {

// Returns the password for the server `url`, or throws (no terminal, the user cancelled).
using PasswordPrompt = std::function<std::string(const std::string& url)>;

std::unique_ptr<Database> open_ledger(const std::string& target, const OpenOptions& options,
                                      const PasswordPrompt& prompt);

// Connects to a server, asking `prompt` only when the server wants a password it did not get.
// `password` receives the one used (empty when ~/.pgpass had it).
std::unique_ptr<storage::Connection> connect_server(const std::string& url, const PasswordPrompt& prompt,
                                                    std::string* password = nullptr);

}  // namespace il::db
