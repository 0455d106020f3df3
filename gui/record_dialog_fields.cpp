// RecordDialog's builders of the field rows and grids the record pages share (see record_dialog.h).
#include <set>

#include <wx/sizer.h>

#include "gui/record_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {

wxFlexGridSizer* RecordDialog::field_grid(int cols, bool grow) {
    auto* grid = new wxFlexGridSizer(cols, FromDIP(6), FromDIP(8));
    if (grow)
        for (int c = 1; c < cols; c += 2) grid->AddGrowableCol(static_cast<std::size_t>(c));
    return grid;
}

wxBoxSizer* RecordDialog::page_box(wxWindow* page, wxSizer* grid, bool expand) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, (expand ? wxEXPAND : 0) | wxALL, FromDIP(10));
    page->SetSizer(box);
    return box;
}

void RecordDialog::add_long_texts(wxWindow* page, wxBoxSizer* box,
                                  const std::vector<std::pair<std::string, wxString>>& fields, int page_index,
                                  int proportion) {
    auto* grid = field_grid(2);
    for (const auto& [field, label] : fields) add_text(page, grid, field, label, page_index, wxTE_MULTILINE);
    box->Add(grid, proportion, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
}

void RecordDialog::add_dates(wxWindow* page, wxSizer* grid, const std::vector<std::pair<std::string, wxString>>& fields,
                             int page_index) {
    for (const auto& [field, label] : fields) add_text(page, grid, field, label, page_index)->SetHint("YYYY-MM-DD");
}

wxCheckBox* RecordDialog::add_check(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label,
                                    int page_index) {
    auto* check = new wxCheckBox(page, wxID_ANY, label);
    others_[field] = check;
    page_of_[field] = page_index;
    grid->Add(check, 0, wxALIGN_CENTER_VERTICAL);
    return check;
}

void RecordDialog::add_plans_grid(wxWindow* page, wxBoxSizer* box, int page_index) {
    box->Add(new wxStaticText(page, wxID_ANY, _("Annual planned investment (10k yuan):")), 0, wxLEFT, FromDIP(10));
    plans_ = new wxGrid(page, wxID_ANY);
    plans_->CreateGrid(0, 1);
    plans_->SetColLabelValue(0, _("Planned investment"));
    plans_->SetColSize(0, FromDIP(160));
    plans_->SetRowLabelSize(FromDIP(70));
    others_["annual_plans"] = plans_;
    page_of_["annual_plans"] = page_index;
    box->Add(plans_, 1, wxEXPAND | wxALL, FromDIP(10));
}

void RecordDialog::fill_plans(const std::map<int, Money>& plans) {
    std::set<int> years{ctx_.period.year, ctx_.period.year + 1};
    for (const auto& [year, plan] : plans) years.insert(year);
    plan_years_.assign(years.begin(), years.end());
    if (plans_->GetNumberRows()) plans_->DeleteRows(0, plans_->GetNumberRows());
    plans_->AppendRows(static_cast<int>(plan_years_.size()));
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        int row = static_cast<int>(i);
        plans_->SetRowLabelValue(row, wxString::Format("%d", plan_years_[i]));
        auto it = plans.find(plan_years_[i]);
        plans_->SetCellValue(row, 0, it != plans.end() ? wx(format_wan(it->second, false)) : wxString());
        plans_->SetCellAlignment(row, 0, wxALIGN_RIGHT, wxALIGN_CENTER);
    }
}

void RecordDialog::read_plans(std::map<int, Money>& plans, std::vector<FieldIssue>& issues) {
    plans_->SaveEditControlValue();
    plans.clear();
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        std::string v = utf8(plans_->GetCellValue(static_cast<int>(i), 0).Strip(wxString::both));
        if (v.empty()) continue;
        if (auto m = parse_amount(v)) plans[plan_years_[i]] = *m;
        else issues.push_back({"annual_plans", std::to_string(plan_years_[i]) + "年计划投资“" + v + "”不是有效的金额"});
    }
}

wxWindow* RecordDialog::build_schedule_page(int page_index, const wxString& caption, bool with_texts) {
    auto* page = new_page();
    auto* grid = field_grid(4, false);
    add_dates(page, grid,
              {{"planned_start", _("Planned start")},
               {"planned_completion", _("Planned completion")},
               {"actual_start", _("Actual start")},
               {"actual_completion", _("Actual completion")}},
              page_index);
    auto* box = page_box(page, grid, false);
    box->Add(new wxStaticText(page, wxID_ANY, caption), 0, wxLEFT, FromDIP(10));
    progress_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    int money_width = with_texts ? 110 : 130;
    progress_list_->AppendColumn(_("Month"), wxLIST_FORMAT_LEFT, FromDIP(60));
    progress_list_->AppendColumn(_("Completed this month"), wxLIST_FORMAT_RIGHT, FromDIP(money_width));
    progress_list_->AppendColumn(_("Completed YTD"), wxLIST_FORMAT_RIGHT, FromDIP(money_width));
    if (with_texts) {
        progress_list_->AppendColumn(_("Physical progress"), wxLIST_FORMAT_LEFT, FromDIP(220));
        progress_list_->AppendColumn(_("Problems"), wxLIST_FORMAT_LEFT, FromDIP(200));
    }
    box->Add(progress_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    return page;
}

void RecordDialog::add_progress_row(int month, Money completed_month, Money completed_ytd, const std::string& image,
                                    const std::string& problems) {
    long i = progress_list_->InsertItem(progress_list_->GetItemCount(), wxString::Format(_("%d month"), month));
    progress_list_->SetItem(i, 1, wx(format_wan(completed_month)));
    progress_list_->SetItem(i, 2, wx(format_wan(completed_ytd)));
    if (progress_list_->GetColumnCount() > 3) {
        progress_list_->SetItem(i, 3, wx(image));
        progress_list_->SetItem(i, 4, wx(problems));
    }
}

}  // namespace il::gui
