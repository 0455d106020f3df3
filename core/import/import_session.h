#pragma once
// One import as the GUI walks through it, without any window: the file read once, the kind of
// records (guessed from the headers or a saved preset), the sheet, the column mapping the user
// confirms (or picks from the presets), the preview (a dry run: new / changed / unchanged /
// rejected) and the import itself. import_dialog.cpp shows it; the self-test drives it there.
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
#include "core/import/workbook.h"
#include "core/util/progress.h"

namespace il::gui {

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

    // Reads the file (throws import::ReadError with the reason), then guesses the kind and picks
    // the first sheet with a table.
    void load(const std::filesystem::path& file);
    bool loaded() const { return loaded_; }
    const std::filesystem::path& file() const { return file_; }
    const import::Workbook& workbook() const { return workbook_; }
    std::vector<std::string> sheet_names() const;

    import::RecordKind kind() const { return kind_; }
    // How the kind was chosen: not at all (the default), from the headers, by the preset saved
    // for this layout (kind_preset() names it), or by the user.
    enum class KindSource { Default, Headers, Preset, User };
    KindSource kind_source() const { return kind_source_; }
    const std::string& kind_preset() const { return kind_preset_; }
    void set_kind(import::RecordKind kind);
    const std::string& sheet() const { return sheet_; }
    void set_sheet(const std::string& sheet);

    // The header found on the chosen sheet for the chosen kind (nullopt: none found; guessed when
    // no known name header was found but the sheet looks like a table).
    const std::optional<import::SheetLayout>& layout() const { return layout_; }
    import::Mapping& mapping() { return mapping_; }
    const std::string& preset_name() const { return preset_name_; }
    // The header was only guessed (no known name header) and no preset maps it: the user must
    // choose the name column in the mapping grid before the sheet can be imported.
    bool needs_confirmation() const { return layout_ && layout_->guessed && preset_name_.empty(); }
    // The mapping made automatically (or by the preset saved for this layout).
    void map_automatically();
    // The mapping of a saved preset applied to this header.
    void use_preset(const import::Preset& preset);
    std::vector<import::Preset> presets() const;
    // Saves the confirmed mapping as a preset for this header layout.
    void save_preset(const std::string& name);

    bool keep_good = false;
    // A region for every row, over what the file says (the CLI's --set region=…); "" = the file's.
    std::string fixed_region;
    // Reads the rows with the confirmed mapping and tries every write without keeping it.
    void preview(ProgressSink& progress);
    bool previewed() const { return previewed_; }
    const import::ImportPlan& plan() const { return plan_; }
    const import::ImportResult& preview_result() const { return preview_; }
    std::vector<PreviewLine> preview_lines() const;
    // The rejected rows as a workbook to correct and import again.
    void save_errors(const std::filesystem::path& out) const;

    // Plans again (the ledger may have changed since the preview) and writes: all or nothing
    // unless keep_good. il::Cancelled when the user cancels: nothing is written.
    import::ImportResult run(ProgressSink& progress);

private:
    import::ImportOptions options(bool dry_run) const;
    void detect();

    db::Database& db_;
    std::filesystem::path file_;
    import::Workbook workbook_;
    bool loaded_ = false;
    import::RecordKind kind_ = import::RecordKind::Projects;
    KindSource kind_source_ = KindSource::Default;
    std::string kind_preset_;
    std::string sheet_;
    std::optional<import::SheetLayout> layout_;
    import::Mapping mapping_;
    std::string preset_name_;
    bool previewed_ = false;
    import::ImportPlan plan_;
    import::ImportResult preview_;
};

}  // namespace il::gui
