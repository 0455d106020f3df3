// Entry point of the desktop application: language, configuration, command line, main frame
// (gui/app_base.h). The GUI test program (tests/gui/self_test/) starts the same way.
//   investledger [--db FILE|postgresql://user@host[:port]/dbname] [--lang zh_CN|en] [--config FILE]
//                [--period YYYY-MM] [FILE|URL]
#include <wx/app.h>

#include "gui/app_base.h"

namespace il::gui {

class InvestLedgerApp : public AppBase {};

}  // namespace il::gui

wxIMPLEMENT_APP_NO_MAIN(il::gui::InvestLedgerApp);

int main(int argc, char** argv) { return il::gui::exit_status(wxEntry(argc, argv)); }
