#pragma once
// The storage interface over libpq (PostgreSQL 15). `?` placeholders are translated to $n in
// one place (placeholders.h); values travel as text (bytea as hex). The password comes from
// ~/.pgpass (libpq reads it) or from `password` given by the caller (a prompt), never stored.
#include <memory>
#include <string>

#include "core/db/storage/connection.h"

namespace il::db::storage {

// True when `target` names a server ("postgresql://…" or "postgres://…").
bool is_postgresql_url(const std::string& target);
// True when this build has the PostgreSQL engine (libpq found when configuring).
bool postgresql_available();

// Opens a connection; throws il::DatabaseError naming the server and libpq's reason.
// needs_password (if given) is set when the server asked for a password it did not get.
std::unique_ptr<Connection> connect_postgresql(const std::string& url, const std::string& password = {},
                                               bool* needs_password = nullptr);

}  // namespace il::db::storage
