#pragma once
// Editing one 亿元以上项目 in a dialog with pages: 基本信息, 投资, 前期手续, 进度, 问题, 变更记录.
// Saving goes through ProjectRepository (validation in core, one transaction); a rejected field
// is shown where it is (see RecordDialog): its page is selected, the control marked and given the
// reason as a tooltip, and every reason is listed at the bottom. Nothing is saved half. Saved
// changes can be undone.
#include <optional>
#include <string>
#include <vector>

#include "core/model/project.h"
#include "gui/record_dialog.h"

namespace il::gui {

class ProjectDialog : public RecordDialog {
public:
    // id 0: a new project.
    ProjectDialog(wxWindow* parent, AppContext& ctx, std::int64_t id);
    bool try_save() override;
    const Project& project() const { return record_; }
    // For the self-test: the problems shown on the 问题 page, and selecting one of them.
    int problem_rows() const { return problems_list_ ? problems_list_->GetItemCount() : 0; }
    void select_problem(int row);
    // The 问题 page's buttons: 0 edit, 1 mark resolved, 2 delete the selected problem (asks);
    // reloads the list afterwards.
    void problem_action(int action);

private:
    // Building the pages (project_dialog_pages.cpp).
    wxWindow* build_basic_page();
    wxWindow* build_investment_page();
    wxWindow* build_approvals_page();
    wxWindow* build_problems_page();

    void fill_controls();
    // Reads the controls into `out`; amount/text problems found here are added to `issues`.
    void read_controls(Project& out, std::vector<FieldIssue>& issues);
    void add_problem();
    void reload_problems();

    Project record_;
    std::optional<Project> before_;
    wxCheckBox* jingjin_ = nullptr;
    wxCheckBox* foreign_ = nullptr;
    struct ApprovalControls {
        wxChoice* status;
        wxTextCtrl* number;
        wxTextCtrl* date;
    };
    std::vector<ApprovalControls> approvals_;
    wxListCtrl* problems_list_ = nullptr;
    std::vector<std::int64_t> problem_ids_;  // per row of problems_list_
};

}  // namespace il::gui
