#pragma once
// Loads the dictionary entries that exist, for the validators' reference checks.
#include "core/db/database.h"
#include "core/validate/common.h"

namespace il::db {

// Regions, zones (with their region), industries, categories; with_projects also loads the
// ids of every project (for deals that link to one).
validate::References load_references(Database& db, bool with_projects = false);

}  // namespace il::db
