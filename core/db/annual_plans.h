#pragma once
// A record's planned investment per year (project_plans, renovation_plans): stored as given, the
// years no longer in the map removed.
#include <cstdint>
#include <map>

#include "core/db/database.h"
#include "core/model/money.h"

namespace il::db {

struct PlanTable {
    const char* table;         // "project_plans"
    const char* owner_column;  // "project_id"
};

// `is_new`: the owner was just inserted and has no plans yet (nothing to remove).
void save_annual_plans(Database& db, const PlanTable& where, std::int64_t owner_id, const std::map<int, Money>& plans,
                       bool is_new);

}  // namespace il::db
