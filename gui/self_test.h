#pragma once
// A built-in GUI test driver (no input simulation): drives the real views and dialogs through
// their own methods, checks the database afterwards, and returns an exit status. Run under Xvfb:
//   investledger --db demo.db --self-test WORKDIR
// And a screenshot taker for docs/screenshots: investledger --db demo.db --screenshots DIR
#include <wx/string.h>

namespace il::gui {

class MainFrame;

// `step`: empty for the whole test, or one step's name (e.g. "restart": what the previous run
// left in the configuration is back).
int run_self_test(MainFrame& frame, const wxString& work_dir, const wxString& step = {});
int take_screenshots(MainFrame& frame, const wxString& out_dir);

}  // namespace il::gui
