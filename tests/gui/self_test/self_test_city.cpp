// Screenshots of the city level for docs/screenshots: the 汇总 panel (taken with the other views)
// and the review of a package, when IL_SCREENSHOT_PACKAGE names one (scripts/screenshots_city.sh
// prepares a city ledger with submissions and a re-submitted package to review).
#include <cstdlib>
#include <memory>

#include "core/city/intake.h"
#include "gui/intake_dialog.h"
#include "gui/main_frame.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {

int screenshot_city(MainFrame& frame, const wxString& out_dir) {
    const char* package = std::getenv("IL_SCREENSHOT_PACKAGE");
    if (!package || !*package || !frame.context().db) return 0;
    try {
        auto intake = std::make_unique<city::Intake>(*frame.context().db, std::filesystem::path(package));
        IntakeDialog dlg(&frame, frame.context(), std::move(intake));
        dlg.SetSize(dlg.FromDIP(wxSize(1200, 700)));
        dlg.Show();
        pump_events(600);
        grab_window(dlg, out_dir + "/city-review.png");
        dlg.Hide();
        return dlg.review_rows() > 0 ? 0 : 1;
    } catch (...) {
        return 1;
    }
}

}  // namespace il::gui
