#pragma once
// 年度目标: the targets of the period's year for every region and zone in one grid; changed rows
// are saved together (one transaction) through TargetRepository, a rejected value is marked.
#include <map>
#include <vector>

#include <wx/grid.h>
#include <wx/stattext.h>

#include "core/model/dictionary.h"
#include "gui/view_panel.h"

namespace il::gui {

class TargetsPanel : public ViewPanel {
public:
    TargetsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool has_unsaved_changes() const override { return !dirty_.empty(); }
    bool save();

private:
    struct Line {
        wxString name;
        AnnualTarget target;  // region_id or zone_id set; id 0 if none stored yet
    };
    std::vector<Line> lines_;
    std::map<int, bool> dirty_;
    wxGrid* grid_ = nullptr;
    wxStaticText* title_ = nullptr;
    wxStaticText* issue_ = nullptr;
};

}  // namespace il::gui
