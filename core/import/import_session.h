#pragma once
// One import as a dialog walks through it, without any window: the file read once, the kind of
// records (guessed from the headers or a saved preset), the sheet, its table and column mapping
// found the way plan_import finds them (map_workbook: detection, a guessed header, the preset
// saved for the layout, auto-mapping with the year/month hints), the mapping the user confirms
// (or picks from the presets), the preview (a dry run: new / changed / unchanged / rejected),
// the values no dictionary knows with the user's decision for each (map / add / reject, saved with
// the preset), and the import itself. gui/import_dialog.cpp shows it; the GUI self-test and
// tests/core/import drive it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/import/column_mapping.h"
#include "core/import/import_plan.h"
#include "core/import/import_run.h"
#include "core/import/presets.h"
#include "core/import/sheet_layout.h"
#include "core/import/value_decisions.h"
#include "core/import/read/workbook.h"
#include "core/util/progress.h"

namespace il::import {

// One line of the preview list: a record, one changed cell, or one reason a row was rejected.
struct PreviewLine {
    enum Status { New, Changed, Unchanged, Rejected } status = New;
    std::string sheet;
    int row = 0;
    std::string record;   // the record's name (and region)
    std::string field;    // the changed field / the field a rejection is about
    std::string old_value, new_value;  // changed cells (rejected: new_value holds the reason)
};

class ImportSession {
public:
    explicit ImportSession(db::Database& db) : db_(db) {}

    // Reads the file (throws ReadError with the reason), then guesses the kind and picks
    // the first sheet with a table.
    void load(const std::filesystem::path& file);
    bool loaded() const { return loaded_; }
    const std::filesystem::path& file() const { return file_; }
    const Workbook& workbook() const { return workbook_; }
    std::vector<std::string> sheet_names() const;

    RecordKind kind() const { return kind_; }
    // How the kind was chosen: not at all (the default), from the headers, by the preset saved
    // for this layout (kind_preset() names it), or by the user.
    enum class KindSource { Default, Headers, Preset, User };
    KindSource kind_source() const { return kind_source_; }
    const std::string& kind_preset() const { return kind_preset_; }
    void set_kind(RecordKind kind);
    const std::string& sheet() const { return sheet_; }
    void set_sheet(const std::string& sheet);

    // The header found on the chosen sheet for the chosen kind (nullopt: none found; guessed when
    // no known name header was found but the sheet looks like a table).
    const std::optional<SheetLayout>& layout() const { return layout_; }
    Mapping& mapping() { return mapping_; }
    const std::string& preset_name() const { return preset_name_; }
    // The header was only guessed (no known name header) and no preset maps it: the user must
    // choose the name column in the mapping grid before the sheet can be imported.
    bool needs_confirmation() const { return layout_ && layout_->guessed && preset_name_.empty(); }
    // The mapping made automatically (or by the preset saved for this layout).
    void map_automatically();
    // The mapping of a saved preset applied to this header (with its decisions on values).
    void use_preset(const Preset& preset);
    std::vector<Preset> presets() const;
    // Saves the confirmed mapping and the decisions on values as a preset for this header layout.
    void save_preset(const std::string& name);

    // Values of dictionary fields (产业类别, 县市区, 开发区, 国民经济行业, 建设性质, 项目级别) the
    // dictionaries do not know, as the previews found them (a value stays listed once decided),
    // and what the user decided for each. Without a decision a value's rows are rejected.
    enum class ValueAction { Reject, Add, Map };
    const std::vector<UnknownValue>& value_table() const { return value_table_; }
    ValueAction decision(const std::string& field, const std::string& value, std::string* target = nullptr) const;
    // Throws ValidationError for Add on a fixed vocabulary (建设性质, 项目级别) or Map without a target.
    void decide(const std::string& field, const std::string& value, ValueAction action, const std::string& target = "");
    // What a value can be mapped to: the entries of the dictionary, or the vocabulary's values.
    std::vector<std::string> value_targets(const std::string& field) const;
    const ValueDecisions& decisions() const { return decisions_; }

    bool keep_good = false;
    // A region for every row, over what the file says (the CLI's --set region=…); "" = the file's.
    std::string fixed_region;
    // Reads the rows with the confirmed mapping and tries every write without keeping it.
    void preview(ProgressSink& progress);
    bool previewed() const { return previewed_; }
    const ImportPlan& plan() const { return plan_; }
    const ImportResult& preview_result() const { return preview_; }
    std::vector<PreviewLine> preview_lines() const;
    // The rejected rows as a workbook to correct and import again.
    void save_errors(const std::filesystem::path& out) const;

    // Plans again (the ledger may have changed since the preview) and writes: all or nothing
    // unless keep_good. il::Cancelled when the user cancels: nothing is written.
    ImportResult run(ProgressSink& progress);

private:
    ImportOptions options(bool dry_run) const;
    void detect();
    void collect_values();

    db::Database& db_;
    std::filesystem::path file_;
    Workbook workbook_;
    bool loaded_ = false;
    RecordKind kind_ = RecordKind::Projects;
    KindSource kind_source_ = KindSource::Default;
    std::string kind_preset_;
    std::string sheet_;
    std::optional<SheetLayout> layout_;
    Mapping mapping_;
    std::string preset_name_;
    bool previewed_ = false;
    ImportPlan plan_;
    ImportResult preview_;
    ValueDecisions decisions_;
    std::vector<UnknownValue> value_table_;
};

}  // namespace il::import
