#pragma once
// Import presets: a confirmed column mapping saved under a name for a file layout (table
// import_presets; mapping as JSON), picked again with `import --preset NAME`, and picked
// automatically when a file's header matches the layout a preset was saved for.
//
// The layout signature is layout_signature(SheetLayout) (column_mapping.h): the header cells of
// each column, normalised (spaces, line breaks, full-width forms), joined by '|'. A Mapping made
// by auto_map / apply_preset carries its sheet's signature in Mapping::signature.
//
// For a mapping dialog (GUI): plan_import (import_plan.h) gives each sheet's layout and mapping
// (ImportPlan::sheets, with the preset it came from); let the user edit the ColumnBindings, then
//     save_preset(db, name, plan.sheets[i].mapping.signature, edited_mapping);
// The next plan_import of a file with that header uses it without being asked
// (ImportOptions::auto_preset), and says so in ImportPlan::notes and SheetPlan::preset_name.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/db/database.h"
#include "core/import/column_mapping.h"
#include "core/import/value_decisions.h"
#include "core/import/read/workbook.h"

namespace il::import {

struct Preset {
    std::int64_t id = 0;
    std::string uid, name;
    RecordKind kind = RecordKind::Projects;
    std::string signature;     // the header layout it was made for
    nlohmann::json mapping;    // mapping_to_json()
};

// Saves (or replaces, by name) a preset for `mapping`, for the layout `layout_signature`, with the
// decisions on unknown dictionary values (mapping JSON key "values"; without `values` a replaced
// preset keeps the decisions it had). Throws ValidationError for an empty name or signature. One
// layout may have several presets: automatic picking takes the most recently saved one for the kind.
Preset save_preset(db::Database& db, const std::string& name, const std::string& layout_signature,
                   const Mapping& mapping, const ValueDecisions* values = nullptr);
// The same for the layout the mapping was made for (mapping.signature).
Preset save_preset(db::Database& db, const std::string& name, const Mapping& mapping, const ValueDecisions* values = nullptr);
// Replaces only the decisions of a saved preset. Throws NotFoundError.
void save_preset_decisions(db::Database& db, const std::string& name, const ValueDecisions& values);
std::optional<Preset> load_preset(db::Database& db, const std::string& name);
std::vector<Preset> list_presets(db::Database& db);
void delete_preset(db::Database& db, const std::string& name);
// The preset made for this exact header layout, if one was saved.
std::optional<Preset> preset_for_signature(db::Database& db, RecordKind kind, const std::string& signature);
// The preset (of any kind) saved for the header layout of a sheet of `workbook` (only `sheet`
// when given), trying each record kind's header detection; for choosing the kind when the user
// did not. nullopt when none matches.
std::optional<Preset> preset_for_workbook(db::Database& db, const Workbook& workbook, const std::string& sheet = "");

}  // namespace il::import
