#pragma once
// 汇总 (city level): the status board of the chosen period (which offices have submitted, which
// are late, which were returned and why), receiving packages (each reviewed in IntakeDialog),
// 退回, exporting the board, and the conflicts between offices with their resolution.
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "gui/view_panel.h"

namespace il::gui {

class CityPanel : public ViewPanel {
public:
    CityPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    // Opens each package in turn for review (IntakeDialog); a refused one is explained.
    void receive(const wxArrayString& files);
    int board_rows() const { return board_->GetItemCount(); }
    int conflict_rows() const { return conflicts_->GetItemCount(); }

private:
    void on_receive();
    void on_return();
    void on_export();
    void resolve(bool take_incoming);

    wxStaticText* summary_ = nullptr;
    wxListCtrl* board_ = nullptr;
    wxListCtrl* conflicts_ = nullptr;
    std::vector<std::int64_t> conflict_ids_;
};

// Asks where to save and writes the office's submission package for the context's period
// (menu 文件 → 上报市级…). Returns true when a package was written.
bool submit_to_city(wxWindow* parent, AppContext& ctx);

}  // namespace il::gui
