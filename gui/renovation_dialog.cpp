#include "gui/renovation_dialog.h"

#include <set>

#include <wx/sizer.h>

#include "core/db/renovation_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {

RenovationDialog::RenovationDialog(wxWindow* parent, AppContext& ctx, std::int64_t id)
    : RecordDialog(parent, ctx, id ? _("Edit renovation item") : _("New renovation item")) {
    try {
        db::RenovationRepository repo(*ctx_.db);
        if (id) {
            auto r = repo.get(id);
            if (!r) {
                ask(parent, _("The renovation item no longer exists."), GetTitle(), wxOK | wxICON_WARNING);
                return;
            }
            record_ = *r;
            before_ = *r;
        }
        load_names();
    } catch (...) {
        show_current_exception(parent, _("Opening the renovation item"));
        return;
    }
    if (!id && !regions_.empty()) record_.region_id = regions_.front().first;
    if (id) SetTitle(wxString::Format(_("Renovation item: %s"), wx(record_.name)));
    book_->AddPage(build_basic_page(), _("Basic information"));
    book_->AddPage(build_investment_page(), _("Investment"));
    book_->AddPage(build_progress_page(), _("Progress"));
    book_->AddPage(build_history_page({{"renovations", record_.id}}), _("Change log"));
    finish_layout();
    SetSize(FromDIP(wxSize(820, 560)));
    CentreOnParent();
    fill_controls();
    loaded_ = true;
}

wxWindow* RenovationDialog::build_basic_page() {
    auto* page = new_page();
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->AddGrowableCol(3);
    add_text(page, grid, "enterprise", _("Enterprise *"), 0);
    add_text(page, grid, "name", _("Project name *"), 0);
    add_text(page, grid, "filing_number", _("Filing number"), 0);
    add_choice(page, grid, "industry_id", _("Industry"), 0);
    add_choice(page, grid, "region_id", _("Region *"), 0);
    add_choice(page, grid, "zone_id", _("Zone"), 0);
    add_choice(page, grid, "kind", _("Renovation type"), 0);
    add_choice(page, grid, "stage", _("Stage"), 0);
    in_statistics_ = new wxCheckBox(page, wxID_ANY, _("Included in statistics"));
    others_["in_statistics"] = in_statistics_;
    page_of_["in_statistics"] = 0;
    grid->Add(in_statistics_);
    for (const char* k : kRenovationKinds) choices_["kind"]->Append(wx(k));
    for (const char* s : kRenovationStages) choices_["stage"]->Append(wx(s));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(10));
    auto* notes = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    notes->AddGrowableCol(1);
    add_text(page, notes, "notes", _("Notes"), 0, wxTE_MULTILINE);
    box->Add(notes, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* RenovationDialog::build_investment_page() {
    auto* page = new_page();
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    add_text(page, grid, "total_investment", _("Total investment (10k yuan) *"), 1);
    add_text(page, grid, "equipment_investment", _("Of which equipment (10k yuan)"), 1);
    add_text(page, grid, "expected_output", _("Added output value (10k yuan)"), 1);
    add_text(page, grid, "expected_tax", _("Added profit and tax (10k yuan)"), 1);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxALL, FromDIP(10));
    box->Add(new wxStaticText(page, wxID_ANY, _("Annual planned investment (10k yuan):")), 0, wxLEFT, FromDIP(10));
    plans_ = new wxGrid(page, wxID_ANY);
    plans_->CreateGrid(0, 1);
    plans_->SetColLabelValue(0, _("Planned investment"));
    plans_->SetColSize(0, FromDIP(160));
    plans_->SetRowLabelSize(FromDIP(70));
    others_["annual_plans"] = plans_;
    page_of_["annual_plans"] = 1;
    box->Add(plans_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* RenovationDialog::build_progress_page() {
    auto* page = new_page();
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    add_text(page, grid, "planned_start", _("Planned start"), 2);
    add_text(page, grid, "planned_completion", _("Planned completion"), 2);
    add_text(page, grid, "actual_start", _("Actual start"), 2);
    add_text(page, grid, "actual_completion", _("Actual completion"), 2);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxALL, FromDIP(10));
    box->Add(new wxStaticText(page, wxID_ANY, _("Monthly figures this year:")), 0, wxLEFT, FromDIP(10));
    progress_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    progress_list_->AppendColumn(_("Month"), wxLIST_FORMAT_LEFT, FromDIP(60));
    progress_list_->AppendColumn(_("Completed this month"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    progress_list_->AppendColumn(_("Completed YTD"), wxLIST_FORMAT_RIGHT, FromDIP(130));
    box->Add(progress_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

void RenovationDialog::fill_controls() {
    const Renovation& r = record_;
    set_text("enterprise", r.enterprise);
    set_text("name", r.name);
    set_text("filing_number", r.filing_number.value_or(""));
    set_text("notes", r.notes);
    set_text("total_investment", format_wan(r.total_investment, false));
    set_text("equipment_investment", format_wan(r.equipment_investment, false));
    set_text("expected_output", format_wan(r.expected_output, false));
    set_text("expected_tax", format_wan(r.expected_tax, false));
    set_text("planned_start", r.planned_start.value_or(""));
    set_text("planned_completion", r.planned_completion.value_or(""));
    set_text("actual_start", r.actual_start.value_or(""));
    set_text("actual_completion", r.actual_completion.value_or(""));
    fill_regions(r.region_id, r.zone_id);
    fill_optional("industry_id", industries_, r.industry_id);
    choices_["kind"]->SetStringSelection(wx(r.kind));
    choices_["stage"]->SetStringSelection(wx(r.stage));
    in_statistics_->SetValue(r.in_statistics);

    std::set<int> years{ctx_.period.year, ctx_.period.year + 1};
    for (const auto& [year, plan] : r.annual_plans) years.insert(year);
    plan_years_.assign(years.begin(), years.end());
    plans_->AppendRows(static_cast<int>(plan_years_.size()));
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        int row = static_cast<int>(i);
        plans_->SetRowLabelValue(row, wxString::Format("%d", plan_years_[i]));
        auto it = r.annual_plans.find(plan_years_[i]);
        plans_->SetCellValue(row, 0, it != r.annual_plans.end() ? wx(format_wan(it->second, false)) : wxString());
        plans_->SetCellAlignment(row, 0, wxALIGN_RIGHT, wxALIGN_CENTER);
    }
    if (!r.id) return;
    try {
        for (const auto& e : db::RenovationRepository(*ctx_.db).progress(r.id, ctx_.period.year)) {
            long i = progress_list_->InsertItem(progress_list_->GetItemCount(), wxString::Format(_("%d month"), e.month));
            progress_list_->SetItem(i, 1, wx(format_wan(e.completed_month)));
            progress_list_->SetItem(i, 2, wx(format_wan(e.completed_ytd)));
        }
    } catch (...) {
        show_current_exception(this, _("Loading the renovation item"));
    }
}

void RenovationDialog::read_controls(Renovation& r, std::vector<FieldIssue>& issues) {
    r.enterprise = text("enterprise");
    r.name = text("name");
    r.filing_number = opt_text("filing_number");
    r.notes = utf8(texts_["notes"]->GetValue());
    r.region_id = region_value();
    r.zone_id = zone_value();
    r.industry_id = optional_value("industry_id", industries_);
    r.kind = utf8(choices_["kind"]->GetStringSelection());
    r.stage = utf8(choices_["stage"]->GetStringSelection());
    r.in_statistics = in_statistics_->GetValue();
    r.total_investment = money("total_investment", "总投资", issues);
    r.equipment_investment = money("equipment_investment", "设备投资", issues);
    r.expected_output = money("expected_output", "新增产值", issues);
    r.expected_tax = money("expected_tax", "新增利税", issues);
    r.planned_start = opt_text("planned_start");
    r.planned_completion = opt_text("planned_completion");
    r.actual_start = opt_text("actual_start");
    r.actual_completion = opt_text("actual_completion");
    plans_->SaveEditControlValue();
    r.annual_plans.clear();
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        std::string v = utf8(plans_->GetCellValue(static_cast<int>(i), 0).Strip(wxString::both));
        if (v.empty()) continue;
        if (auto m = parse_amount(v)) r.annual_plans[plan_years_[i]] = *m;
        else issues.push_back({"annual_plans", std::to_string(plan_years_[i]) + "年计划投资“" + v + "”不是有效的金额"});
    }
}

bool RenovationDialog::try_save() {
    Renovation edited = record_;
    std::vector<FieldIssue> issues;
    read_controls(edited, issues);
    if (!issues.empty()) {
        show_issues(issues);
        return false;
    }
    try {
        db::RenovationRepository repo(*ctx_.db);
        if (edited.id) repo.update(edited);
        else repo.insert(edited);
        auto stored = repo.get(edited.id);
        if (ctx_.undo && stored) record_renovation_undo(*ctx_.undo, before_, *stored);
        record_ = stored ? *stored : edited;
        before_ = record_;
        clear_marks();
        return true;
    } catch (const RecordInvalid& e) {
        show_issues(e.issues());
    } catch (...) {
        show_current_exception(this, _("Saving the renovation item (nothing was saved)"));
    }
    return false;
}

}  // namespace il::gui
