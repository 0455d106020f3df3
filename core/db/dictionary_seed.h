#pragma once
// The shipped default dictionaries (Langfang: regions, zones, GB/T 4754-2017 sections, industrial
// categories) are data, not code: data/dictionaries/langfang.json, compiled in as the default.
// A city that is not Langfang gives its own file of the same shape.
#include <filesystem>
#include <optional>
#include <string>

#include "core/db/database.h"

namespace il::db {

// Fills empty dictionary tables from `json_text` (the shape of data/dictionaries/langfang.json),
// in one transaction. Tables that already hold entries are left alone. Throws ValidationError on
// a malformed file, naming the place.
void seed_dictionaries(Database& db, const std::string& json_text);

// The shipped default (Langfang).
const std::string& default_dictionaries_json();

// Convenience: seed from a file, or from the default when `file` is empty.
void seed_dictionaries_from(Database& db, const std::optional<std::filesystem::path>& file);

}  // namespace il::db
