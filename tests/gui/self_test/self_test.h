#pragma once
// A built-in GUI test driver (no input simulation): drives the real views and dialogs through
// their own methods, checks the database afterwards, and returns an exit status. Run under Xvfb:
//   investledger_gui_test --db demo.db --self-test WORKDIR
// And a screenshot taker for docs/screenshots: investledger_gui_test --db demo.db --screenshots DIR
// Test code only: built into the GUI test program (tests/gui/suite.cmake), never into the application.
#include <wx/gdicmn.h>
#include <wx/string.h>

namespace il::gui {

class MainFrame;

// `step`: empty for the whole test, or one step's name (e.g. "restart": what the previous run
// left in the configuration is back).
int run_self_test(MainFrame& frame, const wxString& work_dir, const wxString& step = {});
// `size`: the window's, in pixels at 96 dpi (1600×1000 for the manual, 1280×800 for small screens).
int take_screenshots(MainFrame& frame, const wxString& out_dir, const wxSize& size = wxSize(1600, 1000));

}  // namespace il::gui
