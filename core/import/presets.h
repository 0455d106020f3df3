#pragma once
// Import presets: a confirmed column mapping saved under a name for a file layout (table
// import_presets; mapping as JSON), picked again with `import --preset NAME`.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/db/database.h"
#include "core/import/column_mapping.h"

namespace il::import {

struct Preset {
    std::int64_t id = 0;
    std::string uid, name;
    RecordKind kind = RecordKind::Projects;
    std::string signature;     // the header layout it was made for
    nlohmann::json mapping;    // mapping_to_json()
};

// Saves (or replaces, by name) a preset for `mapping`.
Preset save_preset(db::Database& db, const std::string& name, const Mapping& mapping);
std::optional<Preset> load_preset(db::Database& db, const std::string& name);
std::vector<Preset> list_presets(db::Database& db);
void delete_preset(db::Database& db, const std::string& name);
// The preset made for this exact header layout, if one was saved.
std::optional<Preset> preset_for_signature(db::Database& db, RecordKind kind, const std::string& signature);

}  // namespace il::import
