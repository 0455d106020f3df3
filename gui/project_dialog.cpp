#include "gui/project_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/msgdlg.h>

#include "core/db/problem_repository.h"
#include "core/db/project_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {

ProjectDialog::ProjectDialog(wxWindow* parent, AppContext& ctx, std::int64_t id)
    : RecordDialog(parent, ctx, id ? _("Edit project") : _("New project")) {
    if (!open_record<db::ProjectRepository>(parent, id, record_, before_, _("The project no longer exists."),
                                            _("Opening the project")))
        return;
    if (id) SetTitle(wxString::Format(_("Project: %s"), wx(record_.name)));
    book_->AddPage(build_basic_page(), _("Basic information"));
    book_->AddPage(build_investment_page(), _("Investment"));
    book_->AddPage(build_approvals_page(), _("Approvals"));
    book_->AddPage(build_schedule_page(3, _("Monthly figures this year (enter them in the monthly update):"), true),
                   _("Progress"));
    book_->AddPage(build_problems_page(), _("Problems"));
    book_->AddPage(build_history_page({{"projects", record_.id}}), _("Change log"));
    finish_layout(nullptr, wxSize(860, 620));
    fill_controls();
    loaded_ = true;
}

void ProjectDialog::fill_controls() {
    const Project& p = record_;
    set_text("name", p.name);
    set_text("code", p.code.value_or(""));
    set_text("owner", p.owner);
    set_text("site", p.site);
    set_text("responsible_unit", p.responsible_unit);
    set_text("leader_name", p.leader_name);
    set_text("leader_title", p.leader_title);
    set_text("contact_person", p.contact_person);
    set_text("contact_phone", p.contact_phone);
    set_text("content", p.content);
    set_text("notes", p.notes);
    set_text("total_investment", format_wan(p.total_investment, false));
    fill_schedule(p);
    fill_regions(p.region_id, p.zone_id);
    fill_optional("industry_id", industries_, p.industry_id);
    fill_optional("category_id", categories_, p.category_id);
    choices_["nature"]->SetStringSelection(wx(p.nature));
    choices_["level"]->SetStringSelection(wx(p.level));
    choices_["stage"]->SetStringSelection(wx(p.stage));
    jingjin_->SetValue(p.is_jingjin);
    foreign_->SetValue(p.is_foreign);
    fill_plans(p.annual_plans);
    for (std::size_t k = 0; k < kApprovalKinds.size(); ++k)
        for (const auto& a : p.approvals)
            if (a.kind == kApprovalKinds[k]) {
                approvals_[k].status->SetStringSelection(wx(a.status));
                approvals_[k].number->ChangeValue(wx(a.doc_number));
                approvals_[k].date->ChangeValue(wx(a.doc_date.value_or("")));
            }
    if (!p.id) return;
    try {
        for (const auto& e : db::ProjectRepository(*ctx_.db).progress(p.id, ctx_.period.year))
            add_progress_row(e.month, e.completed_month, e.completed_ytd, e.image_progress, e.problems);
    } catch (...) {
        show_current_exception(this, _("Loading the project"));
    }
    reload_problems();
}

void ProjectDialog::reload_problems() {
    problems_list_->DeleteAllItems();
    problem_ids_.clear();
    try {
        for (const auto& pb : db::ProblemRepository(*ctx_.db).for_project(record_.id)) {
            long i = problems_list_->InsertItem(problems_list_->GetItemCount(), wx(pb.description));
            problems_list_->SetItem(i, 1, wx(pb.owner_unit));
            problems_list_->SetItem(i, 2, wx(pb.status));
            problems_list_->SetItem(i, 3, wx(pb.assigned_date.value_or("")));
            problems_list_->SetItem(i, 4, wx(pb.closed_date.value_or("")));
            problem_ids_.push_back(pb.id);
        }
    } catch (...) {
        show_current_exception(this, _("Loading the project"));
    }
}

void ProjectDialog::select_problem(int row) {
    if (row < 0 || row >= problems_list_->GetItemCount()) return;
    problems_list_->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
}

void ProjectDialog::problem_action(int action) {
    long row = problems_list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || static_cast<std::size_t>(row) >= problem_ids_.size()) return;
    std::int64_t id = problem_ids_[static_cast<std::size_t>(row)];
    bool done = action == 0   ? edit_problem(this, ctx_, id, record_.id)
                : action == 1 ? resolve_problem(this, ctx_, id)
                              : delete_problem(this, ctx_, id);
    if (done) {
        reload_problems();
        select_problem(static_cast<int>(std::min<long>(row, problems_list_->GetItemCount() - 1)));
    }
}

void ProjectDialog::add_problem() {
    if (!record_.id || !edit_problem(this, ctx_, 0, record_.id)) return;
    reload_problems();
    select_problem(problems_list_->GetItemCount() - 1);
}

void ProjectDialog::read_controls(Project& p, std::vector<FieldIssue>& issues) {
    p.name = text("name");
    p.code = opt_text("code");
    p.owner = text("owner");
    p.site = text("site");
    p.responsible_unit = text("responsible_unit");
    p.leader_name = text("leader_name");
    p.leader_title = text("leader_title");
    p.contact_person = text("contact_person");
    p.contact_phone = text("contact_phone");
    p.content = utf8(texts_["content"]->GetValue());
    p.notes = utf8(texts_["notes"]->GetValue());
    read_schedule(p);
    p.region_id = region_value();
    p.zone_id = zone_value();
    p.industry_id = optional_value("industry_id", industries_);
    p.category_id = optional_value("category_id", categories_);
    p.nature = utf8(choices_["nature"]->GetStringSelection());
    p.level = utf8(choices_["level"]->GetStringSelection());
    p.stage = utf8(choices_["stage"]->GetStringSelection());
    p.is_jingjin = jingjin_->GetValue();
    p.is_foreign = foreign_->GetValue();
    p.total_investment = money("total_investment", "总投资", issues);
    read_plans(p.annual_plans, issues);
    p.approvals.clear();
    for (std::size_t k = 0; k < kApprovalKinds.size(); ++k) {
        Approval a;
        a.kind = kApprovalKinds[k];
        a.status = utf8(approvals_[k].status->GetStringSelection());
        a.doc_number = utf8(approvals_[k].number->GetValue().Strip(wxString::both));
        std::string date = utf8(approvals_[k].date->GetValue().Strip(wxString::both));
        if (!date.empty()) a.doc_date = date;
        if (a.status != "未办" || !a.doc_number.empty() || a.doc_date) p.approvals.push_back(a);
    }
}

bool ProjectDialog::try_save() {
    return save_record<db::ProjectRepository, Project>(
        record_, before_, [this](Project& p, std::vector<FieldIssue>& issues) { read_controls(p, issues); },
        [this](const std::optional<Project>& before, const std::optional<Project>& stored) {
            wxString name = wx(stored ? stored->name : std::string());
            ctx_.undo->record(wxString::Format(before ? _("edit %s") : _("new %s"), name), before, stored);
        },
        _("Saving the project (nothing was saved)"));
}

}  // namespace il::gui
