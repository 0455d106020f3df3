#pragma once
// What the paged edit dialogs of 技改 (RenovationDialog), 招商引资 (DealDialog) and 问题
// (ProblemDialog) share: a notebook of pages with labelled fields registered by their model
// field name, a 变更记录 page, OK/Cancel, and the core validation shown at the offending field
// (its page selected, the control or grid cell marked, the reason as tooltip and listed below).
// Subclasses build their pages, read the controls and save through their repository.
#include <cstdint>
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
#include <wx/panel.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/model/money.h"
#include "core/query/name_lists.h"
#include "core/validate/field_issue.h"
#include "gui/app_context.h"

namespace il::gui {

class RecordDialog : public wxDialog {
public:
    bool loaded() const { return loaded_; }
    // Validates and stores; on failure shows the issues at their fields and returns false.
    virtual bool try_save() = 0;

    // For the self-test and for callers: set a text or choice control by model field name.
    bool set_field_text(const std::string& field, const wxString& value);
    bool set_choice_text(const std::string& field, const wxString& value);
    wxString field_text(const std::string& field) const;
    const std::vector<FieldIssue>& shown_issues() const { return shown_issues_; }
    int current_page() const { return book_ ? book_->GetSelection() : -1; }
    int page_count() const { return book_ ? static_cast<int>(book_->GetPageCount()) : 0; }
    wxWindow* control_of(const std::string& field) const;
    // true when the control of `field` (or, for "funds[2].amount", that grid cell) is marked.
    bool is_marked(const std::string& field) const;
    // Rows of the history page (变更记录).
    int history_rows() const { return history_list_ ? history_list_->GetItemCount() : 0; }

protected:
    RecordDialog(wxWindow* parent, AppContext& ctx, const wxString& title);

    wxPanel* new_page() { return new wxPanel(book_); }
    wxTextCtrl* add_text(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label, int page_index,
                         long style = 0);
    wxChoice* add_choice(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label, int page_index);
    // A grid whose rows are the entries of a list field: issue "funds[2].amount" marks row 2
    // (1-based, of the rows read: see grid_rows_read) in the column mapped to "amount".
    void register_grid(const std::string& list_field, wxGrid* grid, int page_index, std::map<std::string, int> columns);
    std::vector<int>& grid_rows_read(const std::string& list_field) { return grids_[list_field].rows_read; }
    // The 变更记录 page: the audit trail of (table, id) and of `more` (child tables), newest first.
    wxWindow* build_history_page(const std::vector<std::pair<std::string, std::int64_t>>& records);
    // Adds the pages' notebook, the issue text and the buttons; `extra` buttons go left of OK.
    void finish_layout(wxSizer* extra_buttons = nullptr);
    void load_names();  // the dictionaries for the choices below (throws like core)

    // Region -> zone choices (zones of the chosen region only) and optional id choices.
    void fill_regions(std::int64_t region_id, const std::optional<std::int64_t>& zone_id);
    void fill_zones();
    void fill_optional(const std::string& field, const query::NameList& list, const std::optional<std::int64_t>& id);
    std::int64_t region_value() const;
    std::optional<std::int64_t> zone_value() const;
    std::optional<std::int64_t> optional_value(const std::string& field, const query::NameList& list) const;

    std::string text(const std::string& field) const;  // trimmed
    std::optional<std::string> opt_text(const std::string& field) const;  // trimmed, nullopt if empty
    // An amount in 万 (exact, two decimals); an issue for `field` when not a number. Empty = 0.
    Money money(const std::string& field, const char* label, std::vector<FieldIssue>& issues) const;
    void set_text(const std::string& field, const std::string& value);

    void show_issues(const std::vector<FieldIssue>& issues);
    void clear_marks();

    AppContext& ctx_;
    bool loaded_ = false;
    wxNotebook* book_ = nullptr;
    wxStaticText* issues_text_ = nullptr;
    wxListCtrl* history_list_ = nullptr;
    std::map<std::string, wxTextCtrl*> texts_;
    std::map<std::string, wxChoice*> choices_;
    std::map<std::string, wxWindow*> others_;  // checkboxes, grids: field -> control
    std::map<std::string, int> page_of_;
    query::NameList regions_, zones_, industries_, categories_;
    std::vector<std::pair<std::int64_t, std::int64_t>> zone_regions_;

private:
    struct GridField {
        wxGrid* grid = nullptr;
        int page = 0;
        std::map<std::string, int> columns;
        std::vector<int> rows_read;  // grid row of the n-th entry read
    };
    // Marks the grid cell of "list[n].field"; returns the grid or nullptr.
    wxGrid* mark_cell(const std::string& field, bool mark_it, int* page = nullptr);
    void on_ok(wxCommandEvent&);

    std::map<std::string, GridField> grids_;
    std::vector<FieldIssue> shown_issues_;
    std::vector<wxWindow*> marked_;
    std::vector<std::pair<wxGrid*, std::pair<int, int>>> marked_cells_;
};

// The wxGrid cell colour and control colour of a rejected field.
extern const wxColour kBadFieldColour;

}  // namespace il::gui
