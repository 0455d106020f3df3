#pragma once
// Id/name lists of the dictionaries, in display order, for choice controls.
#include <cstdint>
#include <optional>
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

namespace il::query {
// The project a free text (a pre-report check finding) names: the longest project name found in
// it, preferring a project code when one appears. nullopt if none.
std::optional<std::int64_t> project_mentioned(db::Database& db, const std::string& text);
}  // namespace il::query
