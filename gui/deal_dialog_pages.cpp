// The pages of DealDialog (see deal_dialog.h): controls only, no saving logic.
#include <wx/button.h>
#include <wx/sizer.h>

#include "gui/deal_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {

wxWindow* DealDialog::build_basic_page() {
    auto* page = new_page();
    auto* grid = field_grid();
    add_text(page, grid, "name", _("Project name *"), 0);
    add_text(page, grid, "investor", _("Investor"), 0);
    add_choice(page, grid, "origin", _("Origin"), 0);
    add_text(page, grid, "country", _("Country or region"), 0);
    add_choice(page, grid, "region_id", _("Region *"), 0);
    add_choice(page, grid, "zone_id", _("Zone"), 0);
    add_choice(page, grid, "industry_id", _("Industry"), 0);
    add_choice(page, grid, "category_id", _("Category"), 0);
    add_choice(page, grid, "stage", _("Stage"), 0);
    add_choice(page, grid, "contract_type", _("Contract type"), 0);
    add_text(page, grid, "contract_amount", _("Contract amount (10k)"), 0);
    add_choice(page, grid, "contract_currency", _("Currency"), 0);
    add_text(page, grid, "signing_event", _("Signing event"), 0);
    grid->AddSpacer(0);
    is_foreign_ = add_check(page, grid, "is_foreign", _("Foreign-funded"), 0);
    add_project_choice(page, grid);
    for (const char* o : kOrigins) choices_["origin"]->Append(wx(o));
    for (const char* s : kDealStages) choices_["stage"]->Append(wx(s));
    for (const char* t : kContractTypes) choices_["contract_type"]->Append(wx(t));
    choices_["contract_currency"]->Append(wxString::FromUTF8("人民币"));
    choices_["contract_currency"]->Append(wxString::FromUTF8("美元"));
    choices_["origin"]->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (choices_["origin"]->GetStringSelection() == wxString::FromUTF8("境外")) is_foreign_->SetValue(true);
    });
    add_long_texts(page, page_box(page, grid), {{"notes", _("Notes")}}, 0);
    return page;
}

wxWindow* DealDialog::build_dates_page() {
    auto* page = new_page();
    auto* grid = field_grid(4, false);
    add_dates(page, grid,
              {{"lead_date", _("Lead on")},
               {"negotiation_date", _("Negotiation on")},
               {"signed_date", _("Signed on")},
               {"registered_date", _("Registered on")},
               {"started_date", _("Started on")},
               {"operating_date", _("Operating on")},
               {"terminated_date", _("Terminated on")}},
              1);
    page_box(page, grid, false)
        ->Add(new wxStaticText(page, wxID_ANY, _("Dates as YYYY-MM-DD (or YYYY-MM); leave empty when not reached.")), 0,
              wxLEFT, FromDIP(10));
    return page;
}

void DealDialog::remove_selected_row(wxGrid* grid, std::vector<std::int64_t>& ids) {
    int row = grid->GetGridCursorRow();
    wxArrayInt selected = grid->GetSelectedRows();
    if (!selected.empty()) row = selected[0];
    if (row < 0 || row >= grid->GetNumberRows()) return;
    grid->DeleteRows(row, 1);
    ids.erase(ids.begin() + row);
    clear_marks();
}

wxWindow* DealDialog::build_funds_page() {
    auto* page = new_page();
    funds_ = new wxGrid(page, wxID_ANY);
    funds_->CreateGrid(0, F_COUNT);
    funds_->SetColLabelValue(F_DATE, _("Date"));
    funds_->SetColLabelValue(F_AMOUNT, _("Amount (10k)"));
    funds_->SetColLabelValue(F_CURRENCY, _("Currency"));
    funds_->SetColLabelValue(F_RATE, _("Rate (CNY per USD)"));
    funds_->SetColLabelValue(F_CNY, _("CNY equivalent (10k yuan)"));
    funds_->SetColLabelValue(F_NOTES, _("Notes"));
    const int widths[] = {100, 110, 70, 130, 170, 200};
    for (int c = 0; c < F_COUNT; ++c) funds_->SetColSize(c, FromDIP(widths[c]));
    funds_->SetRowLabelSize(FromDIP(40));
    register_grid("funds", funds_, 2,
                  {{"date", F_DATE}, {"amount", F_AMOUNT}, {"rate_micro", F_RATE}, {"amount_cny", F_RATE}, {"notes", F_NOTES}});
    funds_->Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        update_funds_total();
        e.Skip();
    });
    funds_total_ = new wxStaticText(page, wxID_ANY, wxString());
    auto* add = new wxButton(page, wxID_ANY, _("&Add entry"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int row = add_funds_row();
        funds_->SetCellValue(row, F_DATE, wxDateTime::Today().FormatISODate());
        funds_->GoToCell(row, F_AMOUNT);
        funds_->SetFocus();
    });
    auto* remove = new wxButton(page, wxID_ANY, _("&Remove entry"));
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        remove_selected_row(funds_, fund_ids_);
        update_funds_total();
    });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, FromDIP(6));
    buttons->Add(remove, 0, wxRIGHT, FromDIP(12));
    buttons->Add(funds_total_, 1, wxALIGN_CENTER_VERTICAL);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(new wxStaticText(page, wxID_ANY,
                              _("Amounts in 10k of the entry's currency; a USD entry needs the rate used (e.g. 6.85).")),
             0, wxLEFT | wxTOP | wxRIGHT, FromDIP(10));
    box->Add(funds_, 1, wxEXPAND | wxALL, FromDIP(10));
    box->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* DealDialog::build_followups_page() {
    auto* page = new_page();
    followups_ = new wxGrid(page, wxID_ANY);
    followups_->CreateGrid(0, N_COUNT);
    followups_->SetColLabelValue(N_DATE, _("Date"));
    followups_->SetColLabelValue(N_AUTHOR, _("By"));
    followups_->SetColLabelValue(N_NOTE, _("Follow-up"));
    followups_->SetColSize(N_DATE, FromDIP(100));
    followups_->SetColSize(N_AUTHOR, FromDIP(90));
    followups_->SetColSize(N_NOTE, FromDIP(560));
    followups_->SetRowLabelSize(FromDIP(40));
    register_grid("followups", followups_, 3, {{"date", N_DATE}, {"author", N_AUTHOR}, {"note", N_NOTE}});
    auto* add = new wxButton(page, wxID_ANY, _("&Add follow-up"));
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        int row = add_followup_row();
        followups_->SetCellValue(row, N_DATE, wxDateTime::Today().FormatISODate());
        followups_->SetCellValue(row, N_AUTHOR, wx(ctx_.db ? ctx_.db->user() : std::string()));
        followups_->GoToCell(row, N_NOTE);
        followups_->SetFocus();
    });
    auto* remove = new wxButton(page, wxID_ANY, _("&Remove follow-up"));
    remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { remove_selected_row(followups_, followup_ids_); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add, 0, wxRIGHT, FromDIP(6));
    buttons->Add(remove);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(followups_, 1, wxEXPAND | wxALL, FromDIP(10));
    box->Add(buttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

}  // namespace il::gui
