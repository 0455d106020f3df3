#pragma once
// Base of the panels the navigator shows: each reloads itself from the database on demand.
#include <wx/panel.h>

#include "gui/app_context.h"

namespace il::gui {

class ViewPanel : public wxPanel {
public:
    ViewPanel(wxWindow* parent, AppContext& ctx) : wxPanel(parent, wxID_ANY), ctx_(ctx) {}
    // Re-reads what the panel shows (database opened, data or period changed).
    virtual void reload() = 0;
    // Saves layout (columns, filters) to wxConfig; called before the frame closes.
    virtual void save_layout() {}
    // Unsaved edits? The frame asks before switching database or closing.
    virtual bool has_unsaved_changes() const { return false; }

protected:
    AppContext& ctx_;
};

}  // namespace il::gui
