#pragma once
// Editing one 技改项目 in a dialog with pages: 基本信息, 投资, 进度, 变更记录. Saving goes through
// RenovationRepository (validation in core, one transaction, version check); rejected fields are
// shown where they are (see RecordDialog). Saved changes can be undone (Ctrl+Z).
#include <optional>
#include <vector>

#include "core/model/renovation.h"
#include "gui/record_dialog.h"

namespace il::gui {

class RenovationDialog : public RecordDialog {
public:
    // id 0: a new renovation item.
    RenovationDialog(wxWindow* parent, AppContext& ctx, std::int64_t id);
    bool try_save() override;
    const Renovation& renovation() const { return record_; }

private:
    wxWindow* build_basic_page();
    wxWindow* build_investment_page();
    void fill_controls();
    void read_controls(Renovation& out, std::vector<FieldIssue>& issues);

    Renovation record_;
    std::optional<Renovation> before_;
    wxCheckBox* in_statistics_ = nullptr;
};

}  // namespace il::gui
