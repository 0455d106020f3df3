#include "gui/view_factory.h"

#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/error_text.h"
#include "gui/home_panel.h"
#include "gui/list_panel.h"
#include "gui/settings_panel.h"

namespace il::gui {

ViewPanel* make_view(View v, wxWindow* parent, AppContext& ctx) {
    switch (v) {
        case View::Home: return new HomePanel(parent, ctx);
        case View::Projects: return new ListPanel(parent, ctx, ListKind::Projects);
        case View::Renovations: return new ListPanel(parent, ctx, ListKind::Renovations);
        case View::Deals: return new ListPanel(parent, ctx, ListKind::Deals);
        case View::Problems: return new ListPanel(parent, ctx, ListKind::Problems);
        case View::Settings: return new SettingsPanel(parent, ctx);
        default: break;
    }
    return make_extra_view(v, parent, ctx);
}

}  // namespace il::gui
