#pragma once
// Plan first, write second. plan_import() reads a workbook into an ImportPlan: for each data row
// whether it is a new record, changes an existing one (with the changed cells), changes nothing,
// or is rejected (sheet, row, field, reason). Nothing is written; apply_import (import_run.h)
// writes a plan.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/db/database.h"
#include "core/import/column_mapping.h"
#include "core/import/dictionary_lookup.h"
#include "core/import/sheet_layout.h"
#include "core/import/value_decisions.h"
#include "core/import/read/workbook.h"
#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"
#include "core/util/progress.h"
#include "core/validate/field_issue.h"

namespace il::import {

struct ImportOptions {
    RecordKind kind = RecordKind::Projects;
    std::string sheet;                          // only this sheet; empty: every sheet with a header
    std::optional<nlohmann::json> preset;       // a saved mapping (import_presets.mapping)
    std::string preset_name;                    // its name, for messages (optional)
    // Without `preset`: use the saved preset whose layout signature (normalised header cells,
    // layout_signature) equals the sheet's header, if one exists for this kind.
    bool auto_preset = true;
    std::vector<std::pair<std::string, std::string>> set_fields;  // --set FIELD=VALUE (also year, period)
    bool keep_good = false;                     // write the good rows even when some are rejected
    bool dry_run = false;                       // validate and report, write nothing
    std::string source_name;                    // the file's name, for the audit log
    // Unknown dictionary values: mapped to an entry, added as new entries, else the rows are
    // rejected (--map, --add-missing). Over the decisions saved in the preset.
    ValueDecisions decisions;
};

struct CellChange {
    std::string field;  // user-facing label: "总投资", "2017年计划投资", "2017-06 累计完成"
    std::string old_value, new_value;
};

enum class Outcome { New, Changed, Unchanged };

// Where a row came from, and its cells as read (for the errors workbook).
struct SourceRow {
    std::string sheet;
    int row = 0;                 // 1-based, as Excel shows it
    std::vector<Cell> cells;     // merges expanded
    // Values the row took from outside its own cells (group label, 小计 line, sheet name, --set):
    // field key -> text. Written as extra columns in the errors workbook.
    std::vector<std::pair<std::string, std::string>> context;
};

struct RejectedRow {
    SourceRow source;
    std::vector<FieldIssue> issues;  // field: the 中文 label of the field ("总投资"); reason
};

// Monthly figures of one project or renovation read from the row.
struct ProgressInput {
    int year = 0, month = 0;
    std::optional<Money> ytd, month_value;
    std::optional<std::string> image_progress, problems;
    std::int64_t ytd_step = 1, month_step = 1;  // precision of the cells (see amount_step)
};

struct PlannedRecord {
    Outcome outcome = Outcome::New;
    SourceRow source;
    std::string display;            // "润泽信息港（广阳区）"
    std::int64_t existing_id = 0;   // 0 for new
    std::vector<CellChange> changes;
    std::optional<Project> project;
    std::optional<Renovation> renovation;
    std::optional<Deal> deal;
    std::vector<ProgressInput> progress;
    // Information the record lacks (validate/completeness.h): written with it, never a rejection.
    std::vector<FieldIssue> warnings;
};

struct SheetPlan {
    SheetLayout layout;
    Mapping mapping;
    std::string preset_name;    // the preset the mapping came from; "" = mapped automatically
    bool preset_auto = false;   // true: picked because the header matches its layout signature
    // True when the sheet's header was only guessed (layout.guessed) and no preset maps it: the
    // user must choose the name column (and check the others) before it can be imported.
    bool needs_confirmation = false;
};

struct ImportPlan {
    RecordKind kind = RecordKind::Projects;
    std::string source_name;
    std::vector<SheetPlan> sheets;
    std::vector<PlannedRecord> records;   // new, changed and unchanged, in file order
    std::vector<RejectedRow> rejected;
    std::vector<std::string> notes;       // what was skipped and why (合计/小计, labels, footer)
    int skipped_rows = 0;
    // Dictionary values no entry and no decision covers (their rows are rejected), with counts;
    // the entries the decisions add (written first by apply_import); the decisions in force
    // (the options' over the preset's: what a preset saved from this import should keep).
    std::vector<UnknownValue> unknown_values;
    std::vector<PendingEntry> additions;
    ValueDecisions decisions;

    int count(Outcome o) const;
    int warned() const;  // records with warnings
};

// Reads `workbook` into a plan. Throws ValidationError when no sheet holds a recognisable table
// (the message says what was looked for) or the mapping cannot work (no name column). A sheet
// whose header is only guessed (guess_table_layout) is read when options.preset or a saved
// preset for its layout maps a column to the name field.
ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options);

// The same with the dictionaries given (for tests and the GUI, which already holds them).
ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options,
                       const DictionaryLookup& dictionaries);

// The same, reporting every kPlanChunk rows to `progress` and throwing il::Cancelled when it asks
// to stop (nothing is written while planning, so there is nothing to undo).
inline constexpr int kPlanChunk = 200;
ImportPlan plan_import(db::Database& db, const Workbook& workbook, const ImportOptions& options,
                       const DictionaryLookup& dictionaries, ProgressSink& progress);

// For a mapping dialog: the layout and mapping of each sheet plan_import would read, chosen the
// same way (options.preset, else a saved preset for the header layout, else automatic), without
// reading the rows. Chart sheets and sheets without a recognisable header are left out (but when
// no sheet is recognised, the sheets that look like tables are returned with a guessed header,
// the columns auto_map could map, and needs_confirmation set, unless a preset maps them); a
// mapping's problems() are left for the caller to show. After the user edits a mapping:
// save_preset(db, name, sheet_plan.mapping.signature, edited) (presets.h), then plan_import with
// options.preset = mapping_to_json(edited) (or nothing: the saved preset is picked by the header).
std::vector<SheetPlan> map_workbook(db::Database& db, const Workbook& workbook, const ImportOptions& options);

}  // namespace il::import
