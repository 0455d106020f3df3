#pragma once
// What every view shares: the open ledger, the chosen period and ways to tell the frame about
// changes. Views get a reference; the main frame owns it.
#include <cstdint>
#include <functional>
#include <memory>

#include <wx/string.h>

#include "core/db/database.h"
#include "core/model/period.h"

namespace il::gui {

class UndoStack;

struct AppContext {
    // Shared with the views' background loads (background_load.h), which may still be connecting
    // to it when another ledger is opened.
    std::shared_ptr<db::Database> db;
    Period period{2017, 6};
    UndoStack* undo = nullptr;
    std::function<void()> data_changed;                         // a record was added/changed/deleted
    std::function<void(const wxString&)> status;                // text in the status bar
    std::function<void(const wxString& region)> show_region;    // 首页 bar click -> project list
    std::function<void(std::int64_t project_id)> open_project;    // opens the project's dialog (0: new)
    std::function<void(std::int64_t project_id)> delete_project;  // asks, deletes, can be undone
};

}  // namespace il::gui
