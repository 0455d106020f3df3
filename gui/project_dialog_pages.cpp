// The pages of ProjectDialog (see project_dialog.h): controls only, no saving logic.
#include <functional>

#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>

#include "gui/project_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {

wxWindow* ProjectDialog::build_basic_page() {
    auto* page = new_page();
    auto* grid = field_grid();
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
    jingjin_ = add_check(page, grid, "is_jingjin", _("From Beijing or Tianjin"), 0);
    foreign_ = add_check(page, grid, "is_foreign", _("Foreign-funded"), 0);
    for (const char* n : kNatures) choices_["nature"]->Append(wx(n));
    for (const char* n : kLevels) choices_["level"]->Append(wx(n));
    for (const char* n : kStages) choices_["stage"]->Append(wx(n));
    add_long_texts(page, page_box(page, grid), {{"content", _("Construction content")}, {"notes", _("Notes")}}, 0, 1);
    return page;
}

wxWindow* ProjectDialog::build_investment_page() {
    auto* page = new_page();
    auto* grid = field_grid(2, false);
    add_text(page, grid, "total_investment", _("Total investment (10k yuan) *"), 1);
    add_plans_grid(page, page_box(page, grid, false), 1);
    return page;
}

wxWindow* ProjectDialog::build_approvals_page() {
    auto* page = new_page();
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
    others_["approvals"] = approvals_.front().status;
    page_of_["approvals"] = 2;
    page_box(page, grid);
    return page;
}

wxWindow* ProjectDialog::build_problems_page() {
    auto* page = new_page();
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
        b->Enable(record_.id != 0);
        b->Bind(wxEVT_BUTTON, [fn](wxCommandEvent&) { fn(); });
        buttons->Add(b, 0, wxRIGHT, FromDIP(6));
    };
    add_button(_("&Add problem..."), [this] { add_problem(); });
    add_button(_("&Edit..."), [this] { problem_action(0); });
    add_button(_("Mark &resolved"), [this] { problem_action(1); });
    add_button(_("De&lete..."), [this] { problem_action(2); });
    auto* box = new wxBoxSizer(wxVERTICAL);
    if (!record_.id)
        box->Add(new wxStaticText(page, wxID_ANY, _("Save the new project first, then add its problems.")), 0,
                 wxLEFT | wxTOP, FromDIP(10));
    box->Add(problems_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    box->Add(buttons, 0, wxLEFT | wxBOTTOM, FromDIP(10));
    page->SetSizer(box);
    return page;
}

}  // namespace il::gui
