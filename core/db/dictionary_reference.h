#pragma once
// A dictionary entry as a user names it on the command line: by its exact name, its code (区划
// 代码, 行业门类) or its id — region=固安县, industry=C, zone=12. Unknown entries throw
// ValidationError naming `field` and the command that lists the dictionary. (An import's
// lenient matching of what files say is import::DictionaryLookup.)
#include <cstdint>
#include <string>

#include "core/db/database.h"

namespace il::db {

std::int64_t resolve_region(Database& db, const std::string& text, const std::string& field = "region");
std::int64_t resolve_zone(Database& db, const std::string& text, const std::string& field = "zone");
std::int64_t resolve_industry(Database& db, const std::string& text, const std::string& field = "industry");
std::int64_t resolve_category(Database& db, const std::string& text, const std::string& field = "category");

}  // namespace il::db
