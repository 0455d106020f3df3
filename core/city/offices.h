#pragma once
// The offices that report to a city ledger and the regions each reports for (tables offices,
// office_regions). Until the city sets them up otherwise, every active 县市区 / 开发区单列 region
// is an office of its own name.
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::city {

struct Office {
    std::int64_t id = 0;
    std::string name;
    std::vector<std::string> regions;
    bool active = true;
};

// Fills offices from the regions dictionary when there are none yet (inside the caller's write).
void ensure_offices(db::Database& db);
// The offices in order (ensure_offices first when writable).
std::vector<Office> list_offices(db::Database& db);
// The office named `name`, or nullopt.
std::optional<Office> find_office(db::Database& db, const std::string& name);
// Creates or updates an office and assigns it `regions` (taken away from any other office).
// Throws ValidationError for an unknown region or an empty name.
void set_office(db::Database& db, const std::string& name, const std::vector<std::string>& regions);

// For the submitting side: the office this ledger belongs to (setting office_name, else the only
// 县市区 that has records) and its regions (setting office_regions, '、'-separated, else the
// region named like the office). Throws ValidationError when it cannot tell.
std::string own_office_name(db::Database& db);
std::vector<std::string> own_office_regions(db::Database& db, const std::string& office);

}  // namespace il::city
