// Entry point of the GUI test program: the application's start (gui/app_base.h), then the built-in
// GUI test or the screenshots of docs/screenshots instead of a user's session.
//   investledger_gui_test [--db FILE] [--lang zh_CN|en] [--config FILE] [--period YYYY-MM]
//                         (--self-test DIR [--self-test-step NAME] | --screenshots DIR [--screenshot-size WxH])
#include <cstdio>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/gdicmn.h>
#include <wx/intl.h>

#include "gui/app_base.h"
#include "gui/main_frame.h"
#include "tests/gui/self_test/self_test.h"

namespace il::gui {

class GuiTestApp : public AppBase {
public:
    void OnInitCmdLine(wxCmdLineParser& parser) override {
        AppBase::OnInitCmdLine(parser);
        parser.AddOption({}, "self-test", _("run the built-in GUI test; the value is a work folder; exit status 0 = passed"));
        parser.AddOption({}, "self-test-step", _("run only this step of the GUI test (e.g. restart)"));
        parser.AddOption({}, "screenshots", _("save a screenshot of every main view into this folder, then exit"));
        parser.AddOption({}, "screenshot-size", _("the window size for --screenshots, e.g. 1280x800 (default 1600x1000)"));
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        parser.Found("self-test", &self_test_);
        parser.Found("self-test-step", &self_test_step_);
        parser.Found("screenshots", &screenshots_);
        parser.Found("screenshot-size", &screenshot_size_);
        if (self_test_.empty() == screenshots_.empty()) {
            std::fputs("investledger_gui_test: give either --self-test DIR or --screenshots DIR (--help lists the options)\n", stderr);
            return false;
        }
        return AppBase::OnCmdLineParsed(parser);
    }

protected:
    bool test_run() const override { return true; }

    bool start(MainFrame& frame) override {
        // Test runs start from a clean window layout, whatever the user's configuration says.
        if (!frame.open_initial(db_path())) return false;
        frame.focus_start();
        frame.CallAfter([this, &frame] {
            set_exit_code(!self_test_.empty() ? run_self_test(frame, self_test_, self_test_step_)
                                              : take_screenshots(frame, screenshots_, screenshot_size()));
            frame.Close(true);  // as a user closes it: layouts and window size are saved
        });
        return true;
    }

private:
    wxSize screenshot_size() const {
        long w = 0, h = 0;
        if (screenshot_size_.BeforeFirst('x').ToLong(&w) && screenshot_size_.AfterFirst('x').ToLong(&h) && w > 0 && h > 0)
            return wxSize(static_cast<int>(w), static_cast<int>(h));
        return wxSize(1600, 1000);
    }

    wxString self_test_, self_test_step_, screenshots_, screenshot_size_;
};

}  // namespace il::gui

wxIMPLEMENT_APP_NO_MAIN(il::gui::GuiTestApp);

int main(int argc, char** argv) { return il::gui::exit_status(wxEntry(argc, argv)); }
