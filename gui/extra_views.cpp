// The views built in their own files beyond the lists, the overview and the settings.
#include "gui/city_panel.h"
#include "gui/dictionary_panel.h"
#include "gui/monthly_panel.h"
#include "gui/report_panel.h"
#include "gui/targets_panel.h"
#include "gui/view_factory.h"

namespace il::gui {

ViewPanel* make_extra_view(View v, wxWindow* parent, AppContext& ctx) {
    switch (v) {
        case View::Monthly: return new MonthlyPanel(parent, ctx);
        case View::Reports: return new ReportPanel(parent, ctx);
        case View::Targets: return new TargetsPanel(parent, ctx);
        case View::Dictionaries: return new DictionaryPanel(parent, ctx);
        case View::City: return new CityPanel(parent, ctx);
        default: break;
    }
    return new ReportPanel(parent, ctx);  // not reached: every view is handled above or in make_view
}

}  // namespace il::gui
