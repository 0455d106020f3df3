#pragma once
// 首页: the current period at a glance. Key figures, then charts (1-N月 completed vs annual plan
// by region with the 序时进度 marks, projects by stage, the monthly curve this year vs last),
// then the red and yellow projects (core/stats lights, the same as the reports) and the recent
// changes. Clicking a region's bars opens that region's project list. The figures are read on a
// worker thread (BackgroundLoad): the window stays responsive on a big ledger.
#include <vector>

#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "core/query/overview.h"
#include "gui/background_load.h"
#include "gui/chart_control.h"
#include "gui/view_panel.h"

namespace il::gui {

class WarnedList;
class KpiTile;
class FitList;

class HomePanel : public ViewPanel {
public:
    HomePanel(wxWindow* parent, AppContext& ctx);
    ~HomePanel() override;
    void reload() override;

    // For the self-test.
    const query::Overview& overview() const { return data_; }
    bool loading() const { return loader_.busy(); }
    long warned_rows_shown() const;
    ChartControl* region_chart() const { return by_region_; }
    FitList* warned_list() const;
    void save_layout() override;

private:
    void show(query::Overview&& o);
    // The red/yellow table: columns the user has not sized fit their content; the reason column
    // takes the width left over.
    void size_warned_columns();
    std::vector<wxString> short_region_names(const std::vector<wxString>& names) const;

    BackgroundLoad loader_;
    query::Overview data_;
    std::vector<KpiTile*> tiles_;
    ChartControl* by_region_ = nullptr;
    ChartControl* by_stage_ = nullptr;
    ChartControl* monthly_ = nullptr;
    WarnedList* warned_ = nullptr;
    FitList* changes_ = nullptr;
    std::vector<bool> user_sized_;  // per red/yellow column: a width from the settings or the user
    wxStaticText* warned_caption_ = nullptr;
};

}  // namespace il::gui
