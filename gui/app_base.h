#pragma once
// The start of the desktop application shared by the program and the GUI test program
// (tests/gui/self_test/): no-display handling, UI language, configuration, the common command-line
// options, the main frame. A derived class adds its own options and decides what happens once the
// frame is shown (start()). Each program's main() is exit_status(wxEntry(argc, argv)).
#include <wx/app.h>
#include <wx/string.h>

namespace il::gui {

class MainFrame;

class AppBase : public wxApp {
public:
    // Without a display GTK cannot start: only the console part of wxWidgets is initialised, so
    // that --help and the note on what to use instead still work (see OnInit).
    bool Initialize(int& argc, wxChar** argv) override;
    bool OnInitGui() override;
    void CleanUp() override;

    bool OnInit() override;
    // The process exit status is OnRun's (wxWidgets ignores OnExit's): see set_exit_code().
    int OnRun() override;

    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineHelp(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

protected:
    // A test run (the GUI test program): the UI language is Chinese unless --lang says otherwise,
    // the user's configuration is left alone (a fresh file unless --config), log messages and
    // errors go to stderr instead of modal boxes. Asked before and after the command line is parsed.
    virtual bool test_run() const { return false; }
    // Called once the main frame is shown. The program opens the ledger and the view of the last
    // session. Returning false ends the start (OnInit fails).
    virtual bool start(MainFrame& frame);
    // A non-zero code becomes the process exit status (a failed test run).
    void set_exit_code(int code) { exit_code_ = code; }
    const wxString& db_path() const { return db_path_; }

private:
    wxString early_language() const;
    void setup_language(wxString lang);

    wxString db_path_, lang_, period_;
    int exit_code_ = 0;
    bool no_display_ = false, help_shown_ = false;
};

// The process status of main(): wxEntry's, unless OnInit stopped the start on purpose (--help: 0;
// no display: 2), for which wxWidgets itself returns -1.
int exit_status(int wx_entry_result);

}  // namespace il::gui
