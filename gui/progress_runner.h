#pragma once
// Runs long work (demo city, reports, imports) on a worker thread while a progress dialog with
// a Cancel button keeps the window alive. The work gets a ProgressSink; exceptions thrown by
// the work are rethrown on the UI thread (il::Cancelled when the user cancelled).
#include <functional>

#include <wx/string.h>
#include <wx/window.h>

#include "core/util/progress.h"

namespace il::gui {

// can_cancel = false for work that cannot stop half-way (the dialog then has no Cancel button).
void run_with_progress(wxWindow* parent, const wxString& title, const std::function<void(ProgressSink&)>& work,
                       bool can_cancel = true);

// For the self-test: the next run_with_progress() with can_cancel acts as if the user pressed
// Cancel once the work has reported `steps` steps (the same path as the button).
void cancel_next_run_after_steps(int steps);

}  // namespace il::gui
