#pragma once
// Id/name lists of the dictionaries, in display order, for choice controls.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/db/database.h"

namespace il::query {

using NameList = std::vector<std::pair<std::int64_t, std::string>>;

NameList region_names(db::Database& db, bool active_only = true);
NameList zone_names(db::Database& db, bool active_only = true);
NameList industry_names(db::Database& db, bool active_only = true);  // "C 制造业"
NameList category_names(db::Database& db, bool active_only = true);

}  // namespace il::query

namespace il::query {
// zone id -> its region id, for every zone.
std::vector<std::pair<std::int64_t, std::int64_t>> zone_regions(db::Database& db);
}  // namespace il::query
