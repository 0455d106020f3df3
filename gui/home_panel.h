#pragma once
// 首页: the current period at a glance. Charts (1-N月 completed vs annual plan by region with the
// 序时进度 marks, projects by stage, the monthly curve this year vs last), then the red and yellow
// projects and the recent changes. Clicking a region's bars opens that region's project list.
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "core/query/overview.h"
#include "gui/chart_control.h"
#include "gui/view_panel.h"

namespace il::gui {

class HomePanel : public ViewPanel {
public:
    HomePanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

private:
    wxStaticText* headline_ = nullptr;
    ChartControl* by_region_ = nullptr;
    ChartControl* by_stage_ = nullptr;
    ChartControl* monthly_ = nullptr;
    wxListCtrl* lagging_ = nullptr;
    wxListCtrl* changes_ = nullptr;
    std::vector<query::LaggingProject> lagging_rows_;
    std::vector<query::RecentChange> change_rows_;
};

}  // namespace il::gui
