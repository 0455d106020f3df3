#include "tests/gui/self_test/self_test.h"

#include <cstdio>
#include <filesystem>

#include <wx/app.h>
#include <wx/filename.h>
#include <wx/stopwatch.h>
#include <wx/utils.h>

#include "gui/background_load.h"
#include "gui/main_frame.h"
#include "gui/view_panel.h"
#include "gui/wx_util.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {

void pump_events(int ms) {
    wxStopWatch sw;
    do {
        wxTheApp->Yield(true);
        wxMilliSleep(10);
    } while (sw.Time() < ms);
}

bool wait_loaded(int max_ms) {
    wxStopWatch sw;
    do {
        wxTheApp->Yield(true);
        if (BackgroundLoad::in_flight() == 0) {
            wxTheApp->Yield(true);  // the results' own events (sizing, painting)
            return true;
        }
        wxMilliSleep(10);
    } while (sw.Time() < max_ms);
    return false;
}

bool grab_frame(MainFrame& frame, const wxString& file) {
    frame.Raise();
    // Keep the pointer and the focus where they draw nothing (no tooltip, no selected text).
    frame.WarpPointer(frame.GetSize().x - 40, frame.GetSize().y - 10);
    frame.focus_start();  // as on opening: the navigator (no selected text in the year field)
    frame.Refresh();
    frame.Update();
    pump_events(600);
    // Without a window manager (Xvfb) the window can lose its active state between shots; an
    // inactive one draws greyed ("backdrop") and is not what a user sees.
    for (int i = 0; i < 20 && !frame.IsActive(); ++i) {
        frame.Raise();
        frame.WarpPointer(frame.GetSize().x / 2, frame.GetSize().y - 10);
        frame.focus_start();
        pump_events(100);
    }
    if (!frame.IsActive()) std::fprintf(stderr, "screenshot %s: the window is not active\n", file.utf8_str().data());
    wxArrayString out, err;
    // Pixels on the screen: window coordinates are logical under GTK scaling (high DPI).
    const double scale = frame.GetContentScaleFactor();
    const int w = static_cast<int>(frame.GetSize().x * scale + 0.5), h = static_cast<int>(frame.GetSize().y * scale + 0.5);
    return wxExecute("import -window root -crop " + wxString::Format("%dx%d+0+0", w, h) + " " + file, out, err,
                     wxEXEC_SYNC) == 0;
}

int take_screenshots(MainFrame& frame, const wxString& out_dir, const wxSize& size) {
    wxFileName::Mkdir(out_dir, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    frame.SetSize(frame.FromDIP(size));
    frame.Move(0, 0);
    const std::pair<View, const char*> shots[] = {
        {View::Home, "home"}, {View::Projects, "projects"}, {View::Monthly, "monthly"},
        {View::Renovations, "renovations"}, {View::Deals, "deals"}, {View::Problems, "problems"},
        {View::Reports, "reports"}, {View::Targets, "targets"}, {View::Dictionaries, "dictionaries"},
        {View::Settings, "settings"}, {View::City, "city"},
    };
    int failures = 0;
    for (const auto& [view, name] : shots) {
        frame.show_view(view);
        wait_loaded(60000);
        if (!grab_frame(frame, out_dir + "/" + name + ".png")) ++failures;
    }
    failures += screenshot_dialogs(frame, out_dir);
    failures += screenshot_city(frame, out_dir);
    return failures ? 1 : 0;
}

int run_self_test(MainFrame& frame, const wxString& work_dir, const wxString& step) {
    wxFileName::Mkdir(work_dir, wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    SelfTest t(frame, work_dir);
    t.run(step);
    return t.failures() ? 1 : 0;
}

}  // namespace il::gui
