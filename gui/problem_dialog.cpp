#include "gui/problem_dialog.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/sizer.h>

#include "core/db/problem_repository.h"
#include "core/db/project_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/wx_util.h"

namespace il::gui {

ProblemDialog::ProblemDialog(wxWindow* parent, AppContext& ctx, std::int64_t problem_id, std::int64_t project_id,
                             bool offer_project)
    : RecordDialog(parent, ctx, problem_id ? _("Edit problem") : _("New problem")) {
    wxString project_name;
    try {
        db::ProjectRepository repo(*ctx_.db);
        if (problem_id) {
            auto p = db::ProblemRepository(*ctx_.db).get(problem_id);
            if (!p) {
                ask(parent, _("The problem no longer exists."), GetTitle(), wxOK | wxICON_WARNING);
                return;
            }
            record_ = *p;
            before_ = *p;
        } else {
            record_.project_id = project_id;
            record_.assigned_date = utf8(wxDateTime::Today().FormatISODate());
        }
        auto project = repo.get(record_.project_id);
        if (!project) {
            ask(parent, _("The project no longer exists."), GetTitle(), wxOK | wxICON_WARNING);
            return;
        }
        project_name = wx(project->name);
    } catch (...) {
        show_current_exception(parent, _("Opening the problem"));
        return;
    }
    SetTitle(GetTitle() + " - " + project_name);
    book_->AddPage(build_page(), _("Problem"));
    book_->AddPage(build_history_page({{"problems", record_.id}}), _("Change log"));
    auto* extra = new wxBoxSizer(wxHORIZONTAL);
    auto* resolve = new wxButton(this, wxID_ANY, _("Mark &resolved"));
    resolve->SetToolTip(_("Set the status to resolved with today's date and save"));
    resolve->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (mark_resolved()) EndModal(wxID_OK);
    });
    extra->Add(resolve);
    if (offer_project) {
        auto* open = new wxButton(this, wxID_ANY, _("Open &project..."));
        open->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(kOpenProject); });
        extra->Add(open, 0, wxLEFT, FromDIP(6));
    }
    finish_layout(extra);
    SetSize(FromDIP(wxSize(640, 440)));
    CentreOnParent();
    fill_controls();
    loaded_ = true;
}

wxWindow* ProblemDialog::build_page() {
    auto* page = new_page();
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1);
    add_text(page, grid, "description", _("Problem *"), 0, wxTE_MULTILINE);
    add_text(page, grid, "owner_unit", _("Owner unit"), 0);
    add_choice(page, grid, "status", _("Status"), 0);
    add_text(page, grid, "assigned_date", _("Assigned on"), 0);
    add_text(page, grid, "supervised_date", _("Supervised on"), 0);
    add_text(page, grid, "closed_date", _("Closed on"), 0);
    add_text(page, grid, "notes", _("Notes"), 0, wxTE_MULTILINE);
    for (const char* s : kProblemStatuses) choices_["status"]->Append(wx(s));
    for (const char* f : {"assigned_date", "supervised_date", "closed_date"}) texts_[f]->SetHint("YYYY-MM-DD");
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(grid, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

void ProblemDialog::fill_controls() {
    set_text("description", record_.description);
    set_text("owner_unit", record_.owner_unit);
    set_text("assigned_date", record_.assigned_date.value_or(""));
    set_text("supervised_date", record_.supervised_date.value_or(""));
    set_text("closed_date", record_.closed_date.value_or(""));
    set_text("notes", record_.notes);
    choices_["status"]->SetStringSelection(wx(record_.status));
}

bool ProblemDialog::mark_resolved() {
    choices_["status"]->SetStringSelection(wx(kProblemStatuses.back()));
    if (text("closed_date").empty()) set_text("closed_date", utf8(wxDateTime::Today().FormatISODate()));
    return try_save();
}

bool ProblemDialog::try_save() {
    Problem edited = record_;
    edited.description = utf8(texts_["description"]->GetValue().Strip(wxString::both));
    edited.owner_unit = text("owner_unit");
    edited.status = utf8(choices_["status"]->GetStringSelection());
    edited.assigned_date = opt_text("assigned_date");
    edited.supervised_date = opt_text("supervised_date");
    edited.closed_date = opt_text("closed_date");
    edited.notes = utf8(texts_["notes"]->GetValue());
    try {
        db::ProblemRepository repo(*ctx_.db);
        if (edited.id) repo.update(edited);
        else repo.add(edited);
        if (ctx_.undo) record_problem_undo(*ctx_.undo, before_, edited);
        record_ = edited;
        before_ = edited;
        clear_marks();
        return true;
    } catch (const RecordInvalid& e) {
        show_issues(e.issues());
    } catch (...) {
        show_current_exception(this, _("Saving the problem (nothing was saved)"));
    }
    return false;
}

}  // namespace il::gui
