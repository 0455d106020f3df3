#pragma once
// The warnings stored on records (column `warnings`: missing information, validate/completeness.h)
// are written by the repositories with every insert and update. refresh_warnings recomputes them
// for every record, for data written around the repositories (the demo generator's bulk inserts,
// a database from before migration 0003). Returns the number of records whose warnings changed.
#include <cstdint>
#include <map>
#include <string>

#include "core/db/database.h"

namespace il::db {

std::int64_t refresh_warnings(Database& db);

// The stored warnings of one table's records ("projects", "renovations", "deals"): id -> text
// (one reason per line), records without warnings left out.
std::map<std::int64_t, std::string> stored_warnings(Database& db, const std::string& table);

}  // namespace il::db
