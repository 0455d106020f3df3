#pragma once
// Creates the panel of each navigator entry (keeps the main frame free of panel details).
#include <wx/window.h>

#include "gui/app_context.h"
#include "gui/view_kind.h"
#include "gui/view_panel.h"

namespace il::gui {
// The views implemented in their own files (monthly grid, reports, targets, dictionaries).
ViewPanel* make_extra_view(View v, wxWindow* parent, AppContext& ctx);
}  // namespace il::gui

namespace il::gui {

ViewPanel* make_view(View v, wxWindow* parent, AppContext& ctx);

// Lets the user import an Excel ledger into the open database (when the import module is built in).
void run_import_dialog(wxWindow* parent, AppContext& ctx);

}  // namespace il::gui
