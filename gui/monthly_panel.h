#pragma once
// 月度调度: one grid of every project in scope for the chosen month, typed like Excel: 本月完成 or
// 1-N月累计 (the other is derived as they type), 形象进度, 存在问题; keyboard navigation, paste of
// a tab-separated block (Ctrl+V), invalid cells marked with the reason, saved in one transaction.
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include "core/query/month_sheet.h"
#include "core/query/name_lists.h"
#include "gui/view_panel.h"

namespace il::gui {

class MonthGridTable;

class MonthlyPanel : public ViewPanel {
public:
    MonthlyPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    bool has_unsaved_changes() const override { return sheet_.dirty_count() > 0; }

    // Stores every changed row in one transaction. False (and the reasons at the cells) if not.
    bool save();
    // Types `text` into a cell as the user would (row, grid column). For the self-test.
    void type_cell(int row, int col, const wxString& text);
    // Pastes a tab-separated block at (row, col) as Ctrl+V does.
    void paste_block(int row, int col, const wxString& block);
    query::MonthSheet& sheet() { return sheet_; }
    wxGrid* grid() { return grid_; }

private:
    void load();
    void update_summary();
    void on_key(wxKeyEvent& e);
    void on_cell_selected(wxGridEvent& e);
    void on_motion(wxMouseEvent& e);

    query::MonthSheet sheet_;
    query::NameList regions_;
    MonthGridTable* table_ = nullptr;
    wxGrid* grid_ = nullptr;
    wxChoice* region_ = nullptr;
    wxStaticText* summary_ = nullptr;
    wxStaticText* issue_ = nullptr;
    Period loaded_period_{};
};

}  // namespace il::gui
