// The pages of ProjectDialog (see project_dialog.h): controls only, no saving logic.
#include <functional>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include "core/db/audit.h"
#include "gui/error_text.h"
#include "gui/project_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {

wxTextCtrl* ProjectDialog::add_text(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label,
                                    int page_index, long style) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* t = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition,
                             style & wxTE_MULTILINE ? FromDIP(wxSize(-1, 60)) : wxDefaultSize, style);
    grid->Add(t, 1, wxEXPAND);
    texts_[field] = t;
    page_of_[field] = page_index;
    return t;
}

wxChoice* ProjectDialog::add_choice(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label,
                                    int page_index) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* c = new wxChoice(page, wxID_ANY);
    grid->Add(c, 1, wxEXPAND);
    choices_[field] = c;
    page_of_[field] = page_index;
    return c;
}

wxWindow* ProjectDialog::build_basic_page() {
    auto* page = new wxPanel(book_);
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    grid->AddGrowableCol(3);
    add_text(page, grid, "name", _("Project name *"), 0);
    add_text(page, grid, "code", _("Project code"), 0);
    add_text(page, grid, "owner", _("Owner"), 0);
    add_text(page, grid, "site", _("Site"), 0);
    add_choice(page, grid, "region_id", _("Region *"), 0);
    add_choice(page, grid, "zone_id", _("Zone"), 0);
    add_choice(page, grid, "industry_id", _("Industry"), 0);
    add_choice(page, grid, "category_id", _("Category"), 0);
    add_choice(page, grid, "nature", _("Nature"), 0);
    add_choice(page, grid, "level", _("Level"), 0);
    add_choice(page, grid, "stage", _("Stage"), 0);
    add_text(page, grid, "responsible_unit", _("Responsible unit"), 0);
    add_text(page, grid, "leader_name", _("Responsible leader"), 0);
    add_text(page, grid, "leader_title", _("Leader's title"), 0);
    add_text(page, grid, "contact_person", _("Contact person"), 0);
    add_text(page, grid, "contact_phone", _("Contact phone"), 0);
    jingjin_ = new wxCheckBox(page, wxID_ANY, _("From Beijing or Tianjin"));
    foreign_ = new wxCheckBox(page, wxID_ANY, _("Foreign-funded"));
    grid->Add(jingjin_);
    grid->Add(foreign_);
    grid->AddSpacer(0);
    grid->AddSpacer(0);
    for (const char* n : kNatures) choices_["nature"]->Append(wx(n));
    for (const char* n : kLevels) choices_["level"]->Append(wx(n));
    for (const char* n : kStages) choices_["stage"]->Append(wx(n));
    choices_["region_id"]->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_zones(); });

    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(10));
    auto* content = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    content->AddGrowableCol(1);
    add_text(page, content, "content", _("Construction content"), 0, wxTE_MULTILINE);
    add_text(page, content, "notes", _("Notes"), 0, wxTE_MULTILINE);
    box->Add(content, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* ProjectDialog::build_investment_page() {
    auto* page = new wxPanel(book_);
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    add_text(page, grid, "total_investment", _("Total investment (10k yuan) *"), 1);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxALL, FromDIP(10));
    box->Add(new wxStaticText(page, wxID_ANY, _("Annual planned investment (10k yuan):")), 0, wxLEFT, FromDIP(10));
    plans_ = new wxGrid(page, wxID_ANY);
    plans_->CreateGrid(0, 1);
    plans_->SetColLabelValue(0, _("Planned investment"));
    plans_->SetColSize(0, FromDIP(160));
    plans_->SetRowLabelSize(FromDIP(70));
    page_of_["annual_plans"] = 1;
    box->Add(plans_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* ProjectDialog::build_approvals_page() {
    auto* page = new wxPanel(book_);
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(2);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Approval")));
    grid->Add(new wxStaticText(page, wxID_ANY, _("Status")));
    grid->Add(new wxStaticText(page, wxID_ANY, _("Document number")));
    grid->Add(new wxStaticText(page, wxID_ANY, _("Date (YYYY-MM-DD)")));
    for (const char* kind : kApprovalKinds) {
        grid->Add(new wxStaticText(page, wxID_ANY, wx(kind)), 0, wxALIGN_CENTER_VERTICAL);
        ApprovalControls a{new wxChoice(page, wxID_ANY), new wxTextCtrl(page, wxID_ANY),
                           new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)))};
        for (const char* s : kApprovalStatuses) a.status->Append(wx(s));
        a.status->SetSelection(0);
        grid->Add(a.status);
        grid->Add(a.number, 1, wxEXPAND);
        grid->Add(a.date);
        approvals_.push_back(a);
    }
    page_of_["approvals"] = 2;
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* ProjectDialog::build_progress_page() {
    auto* page = new wxPanel(book_);
    auto* grid = new wxFlexGridSizer(4, FromDIP(6), FromDIP(8));
    add_text(page, grid, "planned_start", _("Planned start"), 3);
    add_text(page, grid, "planned_completion", _("Planned completion"), 3);
    add_text(page, grid, "actual_start", _("Actual start"), 3);
    add_text(page, grid, "actual_completion", _("Actual completion"), 3);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 0, wxALL, FromDIP(10));
    box->Add(new wxStaticText(page, wxID_ANY, _("Monthly figures this year (enter them in the monthly update):")), 0,
             wxLEFT, FromDIP(10));
    progress_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    progress_list_->AppendColumn(_("Month"), wxLIST_FORMAT_LEFT, FromDIP(60));
    progress_list_->AppendColumn(_("Completed this month"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    progress_list_->AppendColumn(_("Completed YTD"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    progress_list_->AppendColumn(_("Physical progress"), wxLIST_FORMAT_LEFT, FromDIP(220));
    progress_list_->AppendColumn(_("Problems"), wxLIST_FORMAT_LEFT, FromDIP(200));
    box->Add(progress_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* ProjectDialog::build_problems_page() {
    auto* page = new wxPanel(book_);
    problems_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    problems_list_->AppendColumn(_("Problem"), wxLIST_FORMAT_LEFT, FromDIP(300));
    problems_list_->AppendColumn(_("Owner unit"), wxLIST_FORMAT_LEFT, FromDIP(120));
    problems_list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(60));
    problems_list_->AppendColumn(_("Assigned on"), wxLIST_FORMAT_LEFT, FromDIP(90));
    problems_list_->AppendColumn(_("Closed on"), wxLIST_FORMAT_LEFT, FromDIP(90));
    problems_list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { problem_action(0); });
    problems_list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE) problem_action(2);
        else e.Skip();
    });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto add_button = [&](const wxString& label, std::function<void()> fn) {
        auto* b = new wxButton(page, wxID_ANY, label);
        b->Enable(project_.id != 0);
        b->Bind(wxEVT_BUTTON, [fn](wxCommandEvent&) { fn(); });
        buttons->Add(b, 0, wxRIGHT, FromDIP(6));
    };
    add_button(_("&Add problem..."), [this] { add_problem(); });
    add_button(_("&Edit..."), [this] { problem_action(0); });
    add_button(_("Mark &resolved"), [this] { problem_action(1); });
    add_button(_("De&lete..."), [this] { problem_action(2); });
    auto* box = new wxBoxSizer(wxVERTICAL);
    if (!project_.id)
        box->Add(new wxStaticText(page, wxID_ANY, _("Save the new project first, then add its problems.")), 0,
                 wxLEFT | wxTOP, FromDIP(10));
    box->Add(problems_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    box->Add(buttons, 0, wxLEFT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

wxWindow* ProjectDialog::build_history_page() {
    auto* page = new wxPanel(book_);
    history_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    history_list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(150));
    history_list_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(70));
    history_list_->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(60));
    history_list_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(120));
    history_list_->AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(140));
    history_list_->AppendColumn(_("New value"), wxLIST_FORMAT_LEFT, FromDIP(140));
    history_list_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(80));
    if (project_.id) {
        try {
            auto trail = db::audit_trail(*ctx_.db, "projects", project_.id);
            for (auto it = trail.rbegin(); it != trail.rend(); ++it) {
                long i = history_list_->InsertItem(history_list_->GetItemCount(), wx(it->at.substr(0, 19)));
                history_list_->SetItem(i, 1, wx(it->who));
                history_list_->SetItem(i, 2, wx(it->action));
                history_list_->SetItem(i, 3, wx(it->field));
                history_list_->SetItem(i, 4, wx(it->old_value));
                history_list_->SetItem(i, 5, wx(it->new_value));
                history_list_->SetItem(i, 6, wx(it->reason));
            }
        } catch (...) {
            show_current_exception(this, _("Loading the change log"));
        }
    }
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(history_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

}  // namespace il::gui
