#include "gui/undo_stack.h"

#include <wx/intl.h>

#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"
#include "core/util/error.h"

namespace il::gui {

wxString UndoStack::next_label() const {
    if (entries_.empty()) return {};
    return wxString::Format(_("Undo: %s"), entries_.back().label);
}

void UndoStack::record(const wxString& label, std::optional<Project> before, std::optional<Project> after) {
    entries_.push_back(Entry{label, std::move(before), std::move(after), {}, {}});
    if (entries_.size() > kMax) entries_.erase(entries_.begin());
}

void UndoStack::record(const wxString& label, Revert revert) {
    entries_.push_back(Entry{label, std::nullopt, std::nullopt, {}, std::move(revert)});
    if (entries_.size() > kMax) entries_.erase(entries_.begin());
}

void UndoStack::attach_progress(std::vector<ProgressEntry> progress) {
    if (!entries_.empty()) entries_.back().progress = std::move(progress);
}

void UndoStack::undo(db::Database& db) {
    if (entries_.empty()) return;
    Entry& e = entries_.back();
    db::WriteTransaction tx(db);
    if (e.revert) {
        e.revert(db);
        tx.commit();
        entries_.pop_back();
        return;
    }
    db::ProjectRepository repo(db);
    if (e.before && e.after) {  // an edit: put the old values back over the current version
        auto current = repo.get(e.after->id);
        if (!current) throw NotFoundError("要撤销的项目已不存在");
        Project restored = *e.before;
        restored.version = current->version;
        repo.update(restored, "撤销");
    } else if (e.after) {  // an insert: remove it again
        repo.remove(e.after->id);
    } else if (e.before) {  // a delete: insert it again (a new row id, the same uid), with its months
        Project again = *e.before;
        again.id = 0;
        again.version = 0;
        std::int64_t id = repo.insert(again);
        for (ProgressEntry p : e.progress) {
            p.project_id = id;
            repo.set_progress(p, true);
        }
    }
    tx.commit();
    entries_.pop_back();
}

}  // namespace il::gui
