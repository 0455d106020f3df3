#pragma once
// What the paged edit dialogs of 项目 (ProjectDialog), 技改 (RenovationDialog), 招商引资
// (DealDialog) and 问题 (ProblemDialog) share: a notebook of pages with labelled fields registered by their model
// field name, a 变更记录 page, OK/Cancel, and the core validation shown at the offending field
// (its page selected, the control or grid cell marked, the reason as tooltip and listed below).
// Subclasses build their pages, read the controls and save through their repository.
#include <cstdint>
#include <functional>
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
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/model/money.h"
#include "core/query/name_lists.h"
#include "core/validate/field_issue.h"
#include "gui/app_context.h"
#include "gui/error_text.h"

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
    // A (label, control) x cols/2 grid of fields; with `grow` the control columns stretch.
    wxFlexGridSizer* field_grid(int cols = 4, bool grow = true);
    // The page's vertical box with `grid` at the top (`expand`: the grid takes the full width).
    wxBoxSizer* page_box(wxWindow* page, wxSizer* grid, bool expand = true);
    // Multi-line texts (notes, content) in their own two-column grid below the page's fields;
    // `proportion` 1 lets them take the page's remaining height.
    void add_long_texts(wxWindow* page, wxBoxSizer* box, const std::vector<std::pair<std::string, wxString>>& fields,
                        int page_index, int proportion = 0);
    // Date fields (YYYY-MM-DD hint).
    void add_dates(wxWindow* page, wxSizer* grid, const std::vector<std::pair<std::string, wxString>>& fields,
                   int page_index);
    wxCheckBox* add_check(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label, int page_index);
    // The 年度计划投资 grid (one row per year, in 万元) under `box`; issues "annual_plans" mark it.
    void add_plans_grid(wxWindow* page, wxBoxSizer* box, int page_index);
    // Rows: the years of `plans`, the current period's year and the next.
    void fill_plans(const std::map<int, Money>& plans);
    void read_plans(std::map<int, Money>& plans, std::vector<FieldIssue>& issues);
    // The 进度 page: planned/actual start and completion, then the year's monthly figures
    // (with 形象进度 and 存在问题 columns when `with_texts`).
    wxWindow* build_schedule_page(int page_index, const wxString& caption, bool with_texts);
    // The schedule fields of the 进度 page, to and from a record with planned/actual dates.
    template <class Rec>
    void fill_schedule(const Rec& r) {
        set_text("planned_start", r.planned_start.value_or(""));
        set_text("planned_completion", r.planned_completion.value_or(""));
        set_text("actual_start", r.actual_start.value_or(""));
        set_text("actual_completion", r.actual_completion.value_or(""));
    }
    template <class Rec>
    void read_schedule(Rec& r) const {
        r.planned_start = opt_text("planned_start");
        r.planned_completion = opt_text("planned_completion");
        r.actual_start = opt_text("actual_start");
        r.actual_completion = opt_text("actual_completion");
    }
    void add_progress_row(int month, Money completed_month, Money completed_ytd, const std::string& image = {},
                          const std::string& problems = {});
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
    // A `size` (in DIPs) replaces the fitted size.
    void finish_layout(wxSizer* extra_buttons = nullptr, wxSize size = wxDefaultSize);

    // Opening: reads record `id` (0: a new one, placed in the first region) and the dictionaries;
    // false (after telling the user) when it is gone or unreadable.
    template <class Repo, class Rec>
    bool open_record(wxWindow* parent, std::int64_t id, Rec& record, std::optional<Rec>& before, const wxString& gone,
                     const wxString& opening) {
        try {
            if (id) {
                auto r = Repo(*ctx_.db).get(id);
                if (!r) {
                    ask(parent, gone, GetTitle(), wxOK | wxICON_WARNING);
                    return false;
                }
                record = *r;
                before = *r;
            }
            load_names();
        } catch (...) {
            show_current_exception(parent, opening);
            return false;
        }
        if (!id && !regions_.empty()) record.region_id = regions_.front().first;
        return true;
    }
    // Saving: `read` fills a copy of `record` from the controls (adding the issues it finds);
    // any issue, of the controls or of core's validation, is shown at its field and nothing is
    // stored. Otherwise the copy is inserted or updated through Repo, `undo(before, stored)` is
    // called when there is an undo stack, and `record`/`before` become the stored record.
    template <class Repo, class Rec>
    bool save_record(Rec& record, std::optional<Rec>& before,
                     const std::function<void(Rec&, std::vector<FieldIssue>&)>& read,
                     const std::function<void(const std::optional<Rec>&, const std::optional<Rec>&)>& undo,
                     const wxString& failure) {
        Rec edited = record;
        std::vector<FieldIssue> issues;
        read(edited, issues);
        if (!issues.empty()) {
            show_issues(issues);
            return false;
        }
        try {
            Repo repo(*ctx_.db);
            if (edited.id) repo.update(edited);
            else repo.insert(edited);
            auto stored = repo.get(edited.id);
            if (ctx_.undo) undo(before, stored);
            record = stored ? *stored : edited;
            before = record;
            clear_marks();
            return true;
        } catch (const RecordInvalid& e) {
            show_issues(e.issues());
        } catch (...) {
            show_current_exception(this, failure);
        }
        return false;
    }
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
    wxGrid* plans_ = nullptr;
    std::vector<int> plan_years_;  // per row of plans_
    wxListCtrl* progress_list_ = nullptr;

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
