#pragma once
// 汇总审核: the review of a received package before it is merged — who sent it for which period,
// the counts, the conflicts, the pre-submission findings, and the per-record diff as a table
// (新增 / 变更 with each changed field's old and new value / 删除). 接收 merges, 拒收 asks for the
// reason; both go to the audit log (core/city/intake.h does the work).
#include <memory>

#include <wx/dialog.h>
#include <wx/listctrl.h>

#include "core/city/intake.h"
#include "gui/app_context.h"

namespace il::gui {

class IntakeDialog : public wxDialog {
public:
    IntakeDialog(wxWindow* parent, AppContext& ctx, std::unique_ptr<city::Intake> intake);
    // What the user did: accepted or rejected (then the city ledger changed), or nothing.
    bool decided() const { return decided_; }
    // For the self-test and screenshots: the rows of the review table.
    int review_rows() const { return list_->GetItemCount(); }
    bool accept_now();
    bool reject_now(const wxString& reason);

private:
    void fill();
    void on_reject();

    AppContext& ctx_;
    std::unique_ptr<city::Intake> intake_;
    wxListCtrl* list_ = nullptr;
    bool decided_ = false;
};

}  // namespace il::gui
