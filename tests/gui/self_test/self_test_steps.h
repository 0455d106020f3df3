#pragma once
// The steps of the built-in GUI test (see self_test.h).
#include <vector>

#include <wx/string.h>
#include <wx/window.h>

namespace il::gui {

class MainFrame;

// Lets queued events, paints and timers run for `ms` milliseconds.
void pump_events(int ms);
// Saves what the screen shows of `w` (a dialog) as a PNG (ImageMagick's import).
void grab_window(wxWindow& w, const wxString& file);
// Saves the main window (at the top left of the screen) as a PNG, raised and active as a user sees it.
bool grab_frame(MainFrame& frame, const wxString& file);
// Lets events run until no view is reading on a worker thread (at most `max_ms`). False on timeout.
bool wait_loaded(int max_ms = 60000);

// The shown controls in `w` given less than their best size (text cut, a squeezed spin button).
std::vector<wxString> clipped_controls(wxWindow& w);

// Screenshots of dialogs (the edit dialog) for docs/screenshots. Returns the number of failures.
int screenshot_dialogs(MainFrame& frame, const wxString& out_dir);
// The review of a submission package named by $IL_SCREENSHOT_PACKAGE (self_test_city.cpp).
int screenshot_city(MainFrame& frame, const wxString& out_dir);
// The import dialog's three steps on a generated ledger, the 报表 panel after a run (self_test_long_work.cpp).
int screenshot_long_work(MainFrame& frame, const wxString& out_dir);
// The same for the 技改, 招商 and 问题 dialogs (self_test_records.cpp).
int screenshot_record_dialogs(MainFrame& frame, const wxString& out_dir);

class SelfTest {
public:
    SelfTest(MainFrame& frame, const wxString& work_dir) : frame_(frame), dir_(work_dir) {}
    void run(const wxString& only_step = {});
    int failures() const { return failures_; }

private:
    void check(bool ok, const wxString& what);
    // self_test_fit.cpp: sizes, focus, fitted columns.
    void check_fits(wxWindow& w, const wxString& what);  // every page of w: no control below its best size
    void step_start_focus();
    void step_layout_fits();
    void step_dialogs_fit();
    void step_list_fit();
    void step_views();
    void step_list();
    void step_edit_dialog();
    // self_test_records.cpp: 技改, 招商, 问题 dialogs; delete and undo from the lists.
    void step_renovation_dialog();
    void step_deal_dialog();
    void step_problems();
    void step_delete_undo();
    void step_stock_language();  // OK/Cancel and GTK's dialogs speak the UI language
    void step_monthly_grid();
    void step_report();
    void step_report_progress();   // self_test_long_work.cpp
    void step_import();            // self_test_long_work.cpp
    void step_import_unrecognised();  // self_test_long_work.cpp
    void step_import_values();     // self_test_import_values.cpp: unknown dictionary values decided once
    void step_settings();
    void step_home();
    void step_background_load();
    void step_layout_save();   // last step: leaves a layout for the "restart" run to find
    void step_restart();       // "restart" run: window, list layout, filters, language, last ledger
    // "server" run (self_test_server.cpp): the ledger is on a PostgreSQL server (tests/gui/gui_server_test.sh).
    void step_server();
    void step_server_edit();
    void step_server_dialog();

    MainFrame& frame_;
    wxString dir_;
    int failures_ = 0;
};

}  // namespace il::gui
