#pragma once
// Window and menu ids shared between the frame, the panels and the self-test driver.
#include <wx/defs.h>

namespace il::gui {

enum : int {
    ID_LIST_VIEW = wxID_HIGHEST + 1,
    ID_LIST_SEARCH,
    ID_LIST_EXPORT,
    ID_BACKUP,
    ID_RESTORE,
    ID_DEMO,
    ID_IMPORT,
    ID_PERIOD_YEAR,
    ID_PERIOD_MONTH,
    ID_GOTO_SEARCH,
    ID_REFRESH,
    ID_SUBMIT,
    ID_CONNECT_SERVER,
    ID_NAV_FIRST,  // navigator shortcuts Ctrl+1.. follow
};

}  // namespace il::gui
