// Temporary: views whose panels are not written yet show what they will hold.
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/main_frame.h"
#include "gui/monthly_panel.h"
#include "gui/view_factory.h"

namespace il::gui {
namespace {
class PendingPanel : public ViewPanel {
public:
    PendingPanel(wxWindow* parent, AppContext& ctx, const wxString& what) : ViewPanel(parent, ctx) {
        auto* box = new wxBoxSizer(wxVERTICAL);
        box->Add(new wxStaticText(this, wxID_ANY, what), 0, wxALL, 20);
        SetSizer(box);
    }
    void reload() override {}
};
}  // namespace

ViewPanel* make_extra_view(View v, wxWindow* parent, AppContext& ctx) {
    if (v == View::Monthly) return new MonthlyPanel(parent, ctx);
    return new PendingPanel(parent, ctx, MainFrame::view_title(v));
}

}  // namespace il::gui
