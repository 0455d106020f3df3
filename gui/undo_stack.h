#pragma once
// Undo of the last changes made through the dialogs: each entry restores the previous values
// through the repository (so validation, versions and the audit log apply to the undo too).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <wx/string.h>

#include "core/db/database.h"
#include "core/model/project.h"

namespace il::gui {

class UndoStack {
public:
    // Puts the previous state back (through a repository); runs inside one transaction.
    using Revert = std::function<void(db::Database&)>;

    void clear() { entries_.clear(); }
    bool empty() const { return entries_.empty(); }
    wxString next_label() const;  // "Undo: 修改 华夏AMOLED"

    // Record a change just made: `before` is the stored state before it (nullopt for an insert),
    // `after` the stored state after it (nullopt for a delete).
    void record(const wxString& label, std::optional<Project> before, std::optional<Project> after);
    // Record a change of another kind of record (技改, 招商, 问题) with the way to revert it.
    void record(const wxString& label, Revert revert);
    // Reverts the latest entry. Throws like the repository does; the entry stays on failure.
    void undo(db::Database& db);

private:
    struct Entry {
        wxString label;
        std::optional<Project> before, after;
        std::vector<ProgressEntry> progress;  // of a deleted project, restored with it
        Revert revert;                        // set for other kinds of records
    };
    std::vector<Entry> entries_;
    static constexpr std::size_t kMax = 50;

public:
    // Keeps the monthly figures of a project about to be deleted so that undo can restore them.
    void attach_progress(std::vector<ProgressEntry> progress);
};

}  // namespace il::gui
