#include "gui/monthly_panel.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "core/validate/field_issue.h"
#include "gui/error_text.h"
#include "gui/wx_util.h"

#include "core/db/project_repository.h"
#include "core/db/write_transaction.h"

namespace il::gui {

namespace {
enum Col { C_REGION, C_NAME, C_TOTAL, C_PLAN, C_PREV, C_MONTH, C_YTD, C_PERCENT, C_IMAGE, C_PROBLEMS, C_COUNT };

bool editable(int col) { return col == C_MONTH || col == C_YTD || col == C_IMAGE || col == C_PROBLEMS; }
query::SheetColumn sheet_column(int col) {
    switch (col) {
        case C_YTD: return query::SheetColumn::Ytd;
        case C_IMAGE: return query::SheetColumn::Image;
        case C_PROBLEMS: return query::SheetColumn::Problems;
        default: return query::SheetColumn::Month;
    }
}
}  // namespace

// The grid's virtual table over the MonthSheet.
class MonthGridTable : public wxGridTableBase {
public:
    explicit MonthGridTable(query::MonthSheet& sheet) : sheet_(sheet) {
        read_only_ = new wxGridCellAttr;
        read_only_->SetReadOnly();
        read_only_->SetBackgroundColour(wxColour(245, 245, 245));
    }
    ~MonthGridTable() override { read_only_->DecRef(); }

    int GetNumberRows() override { return static_cast<int>(sheet_.rows.size()); }
    int GetNumberCols() override { return C_COUNT; }

    wxString GetValue(int row, int col) override {
        const auto& r = sheet_.rows.at(static_cast<std::size_t>(row));
        switch (col) {
            case C_REGION: return wx(r.region);
            case C_NAME: return wx(r.name);
            case C_TOTAL: return wx(format_wan(r.total_investment));
            case C_PLAN: return r.plan.fen ? wx(format_wan(r.plan)) : wxString();
            case C_PREV: return wx(format_wan(r.prev_ytd));
            case C_MONTH: return !r.month_issue.empty() ? wx(r.month_text) : wx(format_wan(r.month));
            case C_YTD: return !r.ytd_issue.empty() ? wx(r.ytd_text) : wx(format_wan(r.ytd));
            case C_PERCENT: {
                auto bp = r.plan_completion_bp();
                return bp ? wxString::Format("%.1f%%", static_cast<double>(*bp) / 100.0) : wxString();
            }
            case C_IMAGE: return wx(r.image_progress);
            case C_PROBLEMS: return wx(r.problems);
            default: return {};
        }
    }
    void SetValue(int row, int col, const wxString& value) override {
        if (!editable(col)) return;
        sheet_.set_cell(static_cast<std::size_t>(row), sheet_column(col), utf8(value));
        if (on_change) on_change(row);
    }
    wxString GetColLabelValue(int col) override {
        int m = sheet_.period.month;
        switch (col) {
            case C_REGION: return _("Region");
            case C_NAME: return _("Project name");
            case C_TOTAL: return _("Total investment");
            case C_PLAN: return wxString::Format(_("%d annual plan"), sheet_.period.year);
            case C_PREV: return m > 1 ? wxString::Format(_("1-%d months"), m - 1) : _("Before January");
            case C_MONTH: return wxString::Format(_("Month %d"), m);
            case C_YTD: return wxString::Format(_("1-%d months"), m);
            case C_PERCENT: return _("Of annual plan");
            case C_IMAGE: return _("Physical progress");
            case C_PROBLEMS: return _("Problems");
            default: return {};
        }
    }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        if (!editable(col)) {
            read_only_->IncRef();
            return read_only_;
        }
        const auto& r = sheet_.rows.at(static_cast<std::size_t>(row));
        bool bad = (col == C_MONTH && !r.month_issue.empty()) || (col == C_YTD && !r.ytd_issue.empty());
        if (!bad && !r.dirty) return nullptr;
        auto* attr = new wxGridCellAttr;
        attr->SetBackgroundColour(bad ? wxColour(255, 199, 206) : wxColour(255, 250, 205));
        if (bad) attr->SetTextColour(wxColour(156, 0, 6));
        if (col == C_MONTH || col == C_YTD) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
        return attr;
    }
    // The reason a cell is marked, if any.
    wxString issue_at(int row, int col) const {
        if (row < 0 || static_cast<std::size_t>(row) >= sheet_.rows.size()) return {};
        const auto& r = sheet_.rows[static_cast<std::size_t>(row)];
        if (col == C_MONTH) return wx(r.month_issue);
        if (col == C_YTD) return wx(r.ytd_issue);
        return {};
    }
    std::function<void(int)> on_change;

private:
    query::MonthSheet& sheet_;
    wxGridCellAttr* read_only_;
};

MonthlyPanel::MonthlyPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    region_ = new wxChoice(this, wxID_ANY);
    region_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (has_unsaved_changes() && ask(this, _("Discard the unsaved changes of this month?"), _("Monthly update"),
                                                  wxYES_NO | wxICON_QUESTION) != wxYES)
            return;
        load();
    });
    top->Add(region_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(4));
    auto* save_button = new wxButton(this, wxID_SAVE, _("&Save (Ctrl+S)"));
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });
    auto* revert = new wxButton(this, wxID_REVERT, _("&Revert"));
    revert->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { load(); });
    top->Add(save_button, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    top->Add(revert, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    top->Add(summary_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(10));

    grid_ = new wxGrid(this, wxID_ANY);
    table_ = new MonthGridTable(sheet_);
    table_->on_change = [this](int) {
        grid_->ForceRefresh();
        update_summary();
    };
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    grid_->SetDefaultRowSize(FromDIP(24), true);
    grid_->SetColLabelSize(FromDIP(30));
    grid_->SetRowLabelSize(FromDIP(48));
    grid_->EnableDragRowSize(false);
    grid_->SetTabBehaviour(wxGrid::Tab_Wrap);
    grid_->Bind(wxEVT_KEY_DOWN, &MonthlyPanel::on_key, this);
    grid_->Bind(wxEVT_GRID_SELECT_CELL, &MonthlyPanel::on_cell_selected, this);
    grid_->GetGridWindow()->Bind(wxEVT_MOTION, &MonthlyPanel::on_motion, this);

    issue_ = new wxStaticText(this, wxID_ANY, wxString());
    issue_->SetForegroundColour(wxColour(156, 0, 6));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(top, 0, wxEXPAND);
    box->Add(grid_, 1, wxEXPAND);
    box->Add(issue_, 0, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(box);
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == 'S' && e.ControlDown()) save();
        else e.Skip();
    });
}

void MonthlyPanel::reload() {
    if (!ctx_.db) return;
    if (has_unsaved_changes() && loaded_period_ == ctx_.period) return;  // keep what is being typed
    try {
        regions_ = query::region_names(*ctx_.db);
    } catch (...) {
        regions_.clear();
    }
    wxString current = region_->GetStringSelection();
    region_->Clear();
    region_->Append(_("All regions"));
    for (const auto& [id, name] : regions_) region_->Append(wx(name));
    int sel = current.empty() ? 0 : region_->FindString(current, true);
    region_->SetSelection(sel == wxNOT_FOUND ? 0 : sel);
    // Wide enough for the longest region name (the items came after the first layout).
    region_->InvalidateBestSize();
    region_->SetMinSize(region_->GetBestSize());
    Layout();
    load();
}

void MonthlyPanel::load() {
    if (!ctx_.db) return;
    std::optional<std::int64_t> region;
    int sel = region_->GetSelection();
    if (sel > 0) region = regions_[static_cast<std::size_t>(sel - 1)].first;
    wxBusyCursor busy;
    int old_rows = static_cast<int>(sheet_.rows.size());
    try {
        sheet_ = query::load_month_sheet(*ctx_.db, ctx_.period, region);
    } catch (...) {
        show_current_exception(this, _("Loading the monthly update"));
        sheet_ = {};
    }
    loaded_period_ = ctx_.period;
    int rows = static_cast<int>(sheet_.rows.size());
    grid_->BeginBatch();
    if (rows > old_rows) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows - old_rows);
        grid_->ProcessTableMessage(msg);
    } else if (rows < old_rows) {
        wxGridTableMessage msg(table_, wxGRIDTABLE_NOTIFY_ROWS_DELETED, rows, old_rows - rows);
        grid_->ProcessTableMessage(msg);
    }
    const int widths[C_COUNT] = {80, 220, 100, 100, 100, 100, 100, 90, 200, 200};
    for (int c = 0; c < C_COUNT; ++c) {
        grid_->SetColSize(c, FromDIP(widths[c]));
        auto* attr = new wxGridCellAttr;
        if (c == C_TOTAL || c == C_PLAN || c == C_PREV || c == C_PERCENT) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
        if (c == C_MONTH || c == C_YTD) attr->SetAlignment(wxALIGN_RIGHT, wxALIGN_CENTER);
        grid_->SetColAttr(c, attr);
    }
    grid_->EndBatch();
    grid_->ForceRefresh();
    issue_->SetLabel(wxString());
    update_summary();
}

void MonthlyPanel::update_summary() {
    summary_->SetLabel(wxString::Format(_("%d %s: %zu projects   Month total: %s   1-%d months: %s (10k yuan)   Changed: %zu   Errors: %zu"),
                                        sheet_.period.year, wx(Period{sheet_.period.year, sheet_.period.month}.label()),
                                        sheet_.rows.size(), wx(format_wan(sheet_.total_month())), sheet_.period.month,
                                        wx(format_wan(sheet_.total_ytd())), sheet_.dirty_count(), sheet_.invalid_count()));
}

void MonthlyPanel::type_cell(int row, int col, const wxString& text) {
    grid_->SetCellValue(row, col, text);  // goes through MonthGridTable::SetValue
}

void MonthlyPanel::paste_block(int row, int col, const wxString& block) {
    if (row < 0 || sheet_.rows.empty()) return;
    if (!editable(col)) col = C_MONTH;
    sheet_.paste(static_cast<std::size_t>(row), sheet_column(col), utf8(block));
    grid_->ForceRefresh();
    update_summary();
}

void MonthlyPanel::on_key(wxKeyEvent& e) {
    if (e.ControlDown() && e.GetKeyCode() == 'V') {
        wxString text;
        if (wxTheClipboard->Open()) {
            wxTextDataObject data;
            if (wxTheClipboard->GetData(data)) text = data.GetText();
            wxTheClipboard->Close();
        }
        if (!text.empty()) paste_block(grid_->GetGridCursorRow(), grid_->GetGridCursorCol(), text);
        return;
    }
    if (e.GetKeyCode() == WXK_DELETE && editable(grid_->GetGridCursorCol())) {
        type_cell(grid_->GetGridCursorRow(), grid_->GetGridCursorCol(), wxString());
        return;
    }
    e.Skip();
}

void MonthlyPanel::on_cell_selected(wxGridEvent& e) {
    issue_->SetLabel(table_->issue_at(e.GetRow(), e.GetCol()));
    e.Skip();
}

void MonthlyPanel::on_motion(wxMouseEvent& e) {
    int x, y;
    grid_->CalcUnscrolledPosition(e.GetX(), e.GetY(), &x, &y);
    wxString tip = table_->issue_at(grid_->YToRow(y), grid_->XToCol(x));
    grid_->GetGridWindow()->SetToolTip(tip.empty() ? wxString() : tip);
    e.Skip();
}

bool MonthlyPanel::save() {
    if (!ctx_.db) return false;
    grid_->SaveEditControlValue();
    if (sheet_.invalid_count() > 0) {
        for (std::size_t i = 0; i < sheet_.rows.size(); ++i)
            if (!sheet_.rows[i].valid()) {
                int col = sheet_.rows[i].month_issue.empty() ? C_YTD : C_MONTH;
                grid_->GoToCell(static_cast<int>(i), col);
                issue_->SetLabel(table_->issue_at(static_cast<int>(i), col));
                break;
            }
        ask(this, wxString::Format(_("%zu rows have invalid figures (marked in red). Nothing was saved."),
                                      sheet_.invalid_count()), _("Monthly update"), wxOK | wxICON_WARNING);
        return false;
    }
    std::size_t current = 0;
    try {
        db::ProjectRepository repo(*ctx_.db);
        db::WriteTransaction tx(*ctx_.db);
        for (current = 0; current < sheet_.rows.size(); ++current) {
            const auto& r = sheet_.rows[current];
            if (!r.dirty) continue;
            ProgressEntry entry;
            entry.project_id = r.project_id;
            entry.year = sheet_.period.year;
            entry.month = sheet_.period.month;
            entry.completed_month = r.month;
            entry.completed_ytd = r.ytd;
            entry.image_progress = r.image_progress;
            entry.problems = r.problems;
            repo.set_progress(entry, r.entered_as_ytd);
        }
        tx.commit();
    } catch (const RecordInvalid& e) {
        if (current < sheet_.rows.size()) {
            auto& r = sheet_.rows[current];
            std::string reasons;
            for (const auto& issue : e.issues()) reasons += (reasons.empty() ? "" : "；") + issue.reason;
            bool ytd = r.entered_as_ytd;
            (ytd ? r.ytd_issue : r.month_issue) = reasons;
            (ytd ? r.ytd_text : r.month_text) = format_wan(ytd ? r.ytd : r.month);
            grid_->GoToCell(static_cast<int>(current), ytd ? C_YTD : C_MONTH);
            grid_->ForceRefresh();
            issue_->SetLabel(wx(reasons));
        }
        show_current_exception(this, _("Saving the monthly update (nothing was saved)"));
        update_summary();
        return false;
    } catch (...) {
        show_current_exception(this, _("Saving the monthly update (nothing was saved)"));
        return false;
    }
    std::size_t saved = sheet_.dirty_count();
    load();
    if (ctx_.status) ctx_.status(wxString::Format(_("Saved %zu rows of %s."), saved, wx(ctx_.period.label())));
    if (ctx_.data_changed) ctx_.data_changed();
    return true;
}

}  // namespace il::gui
