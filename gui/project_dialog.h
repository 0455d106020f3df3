#pragma once
// Editing one 亿元以上项目 in a dialog with pages: 基本信息, 投资, 前期手续, 进度, 问题, 变更记录.
// Saving goes through ProjectRepository (validation in core, one transaction); a rejected field
// is shown where it is: its page is selected, the control marked and given the reason as a tooltip,
// and every reason is listed at the bottom. Nothing is saved half. Saved changes can be undone.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/model/project.h"
#include "core/query/name_lists.h"
#include "core/validate/field_issue.h"
#include "gui/app_context.h"

namespace il::gui {

class ProjectDialog : public wxDialog {
public:
    // id 0: a new project.
    ProjectDialog(wxWindow* parent, AppContext& ctx, std::int64_t id);
    bool loaded() const { return loaded_; }

    // Validates and stores; on failure shows the issues at their fields and returns false.
    bool try_save();
    // For the self-test: set a text control by model field name; read back what is marked.
    bool set_field_text(const std::string& field, const wxString& value);
    const std::vector<FieldIssue>& shown_issues() const { return shown_issues_; }
    int current_page() const { return book_->GetSelection(); }
    wxWindow* control_of(const std::string& field) const;
    const Project& project() const { return project_; }
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
    wxWindow* build_progress_page();
    wxWindow* build_problems_page();
    wxWindow* build_history_page();
    wxTextCtrl* add_text(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label, int page_index,
                         long style = 0);
    wxChoice* add_choice(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label, int page_index);

    void fill_controls();
    // Reads the controls into `out`; amount/text problems found here are added to `issues`.
    void read_controls(Project& out, std::vector<FieldIssue>& issues);
    void show_issues(const std::vector<FieldIssue>& issues);
    void clear_marks();
    void fill_zones();
    void on_ok(wxCommandEvent&);
    void add_problem();
    void reload_problems();

    AppContext& ctx_;
    Project project_;
    std::optional<Project> before_;
    bool loaded_ = false;
    wxNotebook* book_ = nullptr;
    wxStaticText* issues_text_ = nullptr;
    std::map<std::string, wxTextCtrl*> texts_;
    std::map<std::string, wxChoice*> choices_;
    std::map<std::string, int> page_of_;
    wxCheckBox* jingjin_ = nullptr;
    wxCheckBox* foreign_ = nullptr;
    wxGrid* plans_ = nullptr;
    std::vector<int> plan_years_;
    struct ApprovalControls {
        wxChoice* status;
        wxTextCtrl* number;
        wxTextCtrl* date;
    };
    std::vector<ApprovalControls> approvals_;
    wxListCtrl* progress_list_ = nullptr;
    wxListCtrl* problems_list_ = nullptr;
    std::vector<std::int64_t> problem_ids_;  // per row of problems_list_
    wxListCtrl* history_list_ = nullptr;
    query::NameList regions_, zones_, industries_, categories_;
    std::vector<std::pair<std::int64_t, std::int64_t>> zone_regions_;  // zone id -> region id
    std::vector<FieldIssue> shown_issues_;
    std::vector<wxWindow*> marked_;
};

}  // namespace il::gui
