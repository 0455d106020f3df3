#pragma once
// The record actions of the list views, per kind of list: open the edit dialog (double-click or
// Enter), add a record (Ctrl+N, the New button), delete one (Delete key, with confirmation, undone
// with Ctrl+Z). Projects go through the frame (AppContext::open_project / delete_project); 技改,
// 招商引资 and 问题 are handled here. Every function reports errors itself and returns true when
// the ledger changed (the caller's views are then reloaded through AppContext::data_changed).
#include <cstdint>
#include <optional>

#include <wx/window.h>

#include "core/model/deal.h"
#include "core/model/project.h"
#include "core/model/renovation.h"
#include "gui/app_context.h"
#include "gui/list_panel.h"
#include "gui/undo_stack.h"

namespace il::gui {

// `record_id`: the row's record (a problem's id for the problem list); `ref_id`: its related
// record (the problem's project), 0 if none.
bool open_record(wxWindow* parent, AppContext& ctx, ListKind kind, std::int64_t record_id, std::int64_t ref_id = 0);
bool add_record(wxWindow* parent, AppContext& ctx, ListKind kind);
bool delete_record(wxWindow* parent, AppContext& ctx, ListKind kind, std::int64_t record_id);
// Whether the list of `kind` offers New (problems are added from their project's dialog).
bool can_add(ListKind kind);

// Problems (问题): the edit dialog (problem_id 0: a new problem of project_id), marking one
// resolved (销号, closed today unless already dated), deleting one (asks first).
// `from_list`: offer "Open project" (the 问题清单 view), which closes this dialog and opens the project's.
bool edit_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id, std::int64_t project_id,
                  bool from_list = false);
bool resolve_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id);
bool delete_problem(wxWindow* parent, AppContext& ctx, std::int64_t problem_id);

// Undo entries for a saved edit (`before` nullopt: an insert) — used by the dialogs.
void record_renovation_undo(UndoStack& undo, const std::optional<Renovation>& before, const Renovation& after);
void record_deal_undo(UndoStack& undo, const std::optional<Deal>& before, const Deal& after);
void record_problem_undo(UndoStack& undo, const std::optional<Problem>& before, const Problem& after);

}  // namespace il::gui
