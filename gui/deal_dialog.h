#pragma once
// Editing one 招商引资 deal in a dialog with pages: 基本信息, 进展日期, 到位资金 (funds entries in
// CNY or USD with the rate used), 跟进记录 (follow-ups), 变更记录. The 基本信息 page links the
// deal to a 项目 (or none): a search box narrows the choice by name, code or pinyin initials. The deal is saved as one
// aggregate through DealRepository::update (fields, funds and follow-ups in one transaction,
// version check); rejected fields are shown where they are, a bad funds entry at its grid cell.
// Saved changes can be undone (Ctrl+Z).
#include <optional>
#include <vector>

#include <wx/srchctrl.h>

#include "core/model/deal.h"
#include "core/query/table.h"
#include "gui/record_dialog.h"

namespace il::gui {

class DealDialog : public RecordDialog {
public:
    static constexpr std::size_t kProjectChoices = 200;  // projects offered at once in the link choice
    enum FundsCol { F_DATE, F_AMOUNT, F_CURRENCY, F_RATE, F_CNY, F_NOTES, F_COUNT };
    enum FollowCol { N_DATE, N_AUTHOR, N_NOTE, N_COUNT };

    // id 0: a new deal.
    DealDialog(wxWindow* parent, AppContext& ctx, std::int64_t id);
    bool try_save() override;
    const Deal& deal() const { return record_; }

    // For the self-test and the buttons: append an empty entry row (returns its row) and set cells.
    int add_funds_row();
    int add_followup_row();
    void set_funds_cell(int row, int col, const wxString& value);
    void set_followup_cell(int row, int col, const wxString& value);
    wxGrid* funds_grid() const { return funds_; }
    // For the self-test: narrow the linked-project choice as if typed in its search box.
    void search_projects(const wxString& text);

private:
    // Pages (deal_dialog_pages.cpp).
    wxWindow* build_basic_page();
    wxWindow* build_dates_page();
    wxWindow* build_funds_page();
    wxWindow* build_followups_page();
    void fill_controls();
    void fill_funds();
    void fill_followups();
    void update_funds_total();
    void remove_selected_row(wxGrid* grid, std::vector<std::int64_t>& ids);
    // The linked 项目 (deal_project_choice.cpp): "(none)" and the projects matching the search,
    // always keeping `keep` (the current link) in the list.
    void add_project_choice(wxWindow* page, wxSizer* grid);
    void fill_projects(const std::optional<std::int64_t>& keep);
    std::optional<std::int64_t> project_value() const;

    void read_controls(Deal& out, std::vector<FieldIssue>& issues);
    void read_funds(Deal& out, std::vector<FieldIssue>& issues);
    void read_followups(Deal& out);

    Deal record_;
    std::optional<Deal> before_;
    wxCheckBox* is_foreign_ = nullptr;
    wxGrid* funds_ = nullptr;
    wxGrid* followups_ = nullptr;
    wxStaticText* funds_total_ = nullptr;
    std::vector<std::int64_t> fund_ids_, followup_ids_;  // per grid row; 0: new
    wxSearchCtrl* project_search_ = nullptr;
    query::Table projects_;
    bool projects_loaded_ = false;
    std::vector<std::int64_t> project_ids_;  // per item of the project choice; 0: none
};

}  // namespace il::gui
