#include "gui/project_dialog.h"

#include <algorithm>
#include <set>

#include <wx/button.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "core/db/project_repository.h"
#include "gui/error_text.h"
#include "gui/record_editing.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
const wxColour kBad(255, 205, 210);

void select_id(wxChoice* c, const query::NameList& list, std::optional<std::int64_t> id, bool has_none) {
    int sel = has_none ? 0 : wxNOT_FOUND;
    for (std::size_t i = 0; i < list.size(); ++i)
        if (id && list[i].first == *id) sel = static_cast<int>(i) + (has_none ? 1 : 0);
    c->SetSelection(sel);
}
std::optional<std::string> opt_text(const wxTextCtrl* t) {
    std::string s = utf8(t->GetValue().Strip(wxString::both));
    if (s.empty()) return std::nullopt;
    return s;
}
}  // namespace

ProjectDialog::ProjectDialog(wxWindow* parent, AppContext& ctx, std::int64_t id)
    : wxDialog(parent, wxID_ANY, id ? _("Edit project") : _("New project"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    try {
        db::ProjectRepository repo(*ctx_.db);
        if (id) {
            auto p = repo.get(id);
            if (!p) {
                ask(parent, _("The project no longer exists."), GetTitle(), wxOK | wxICON_WARNING);
                return;
            }
            project_ = *p;
            before_ = *p;
        }
        regions_ = query::region_names(*ctx_.db);
        zones_ = query::zone_names(*ctx_.db);
        zone_regions_ = query::zone_regions(*ctx_.db);
        industries_ = query::industry_names(*ctx_.db);
        categories_ = query::category_names(*ctx_.db);
    } catch (...) {
        show_current_exception(parent, _("Opening the project"));
        return;
    }
    if (!id && !regions_.empty()) project_.region_id = regions_.front().first;
    if (id) SetTitle(wxString::Format(_("Project: %s"), wx(project_.name)));

    book_ = new wxNotebook(this, wxID_ANY);
    book_->AddPage(build_basic_page(), _("Basic information"));
    book_->AddPage(build_investment_page(), _("Investment"));
    book_->AddPage(build_approvals_page(), _("Approvals"));
    book_->AddPage(build_progress_page(), _("Progress"));
    book_->AddPage(build_problems_page(), _("Problems"));
    book_->AddPage(build_history_page(), _("Change log"));

    issues_text_ = new wxStaticText(this, wxID_ANY, wxString());
    issues_text_->SetForegroundColour(wxColour(176, 0, 32));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(book_, 1, wxEXPAND | wxALL, FromDIP(6));
    box->Add(issues_text_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    box->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(box);
    SetSize(FromDIP(wxSize(860, 620)));
    CentreOnParent();
    Bind(wxEVT_BUTTON, &ProjectDialog::on_ok, this, wxID_OK);
    fill_controls();
    loaded_ = true;
}

void ProjectDialog::fill_zones() {
    wxChoice* zone = choices_["zone_id"];
    std::optional<std::int64_t> keep;
    int sel = zone->GetSelection();
    if (sel > 0 && static_cast<std::size_t>(sel) <= zone->GetCount()) keep = reinterpret_cast<std::intptr_t>(zone->GetClientData(static_cast<unsigned>(sel)));
    int region_sel = choices_["region_id"]->GetSelection();
    std::int64_t region = region_sel >= 0 ? regions_[static_cast<std::size_t>(region_sel)].first : 0;
    zone->Clear();
    zone->Append(_("(none)"), reinterpret_cast<void*>(0));
    int new_sel = 0;
    for (const auto& [zid, name] : zones_) {
        auto it = std::find_if(zone_regions_.begin(), zone_regions_.end(), [&](const auto& zr) { return zr.first == zid; });
        if (it == zone_regions_.end() || it->second != region) continue;
        zone->Append(wx(name), reinterpret_cast<void*>(static_cast<std::intptr_t>(zid)));
        if (keep && *keep == zid) new_sel = static_cast<int>(zone->GetCount()) - 1;
    }
    zone->SetSelection(new_sel);
}

void ProjectDialog::fill_controls() {
    const Project& p = project_;
    texts_["name"]->ChangeValue(wx(p.name));
    texts_["code"]->ChangeValue(wx(p.code.value_or("")));
    texts_["owner"]->ChangeValue(wx(p.owner));
    texts_["site"]->ChangeValue(wx(p.site));
    texts_["responsible_unit"]->ChangeValue(wx(p.responsible_unit));
    texts_["leader_name"]->ChangeValue(wx(p.leader_name));
    texts_["leader_title"]->ChangeValue(wx(p.leader_title));
    texts_["contact_person"]->ChangeValue(wx(p.contact_person));
    texts_["contact_phone"]->ChangeValue(wx(p.contact_phone));
    texts_["content"]->ChangeValue(wx(p.content));
    texts_["notes"]->ChangeValue(wx(p.notes));
    texts_["total_investment"]->ChangeValue(wx(format_wan(p.total_investment, false)));
    texts_["planned_start"]->ChangeValue(wx(p.planned_start.value_or("")));
    texts_["planned_completion"]->ChangeValue(wx(p.planned_completion.value_or("")));
    texts_["actual_start"]->ChangeValue(wx(p.actual_start.value_or("")));
    texts_["actual_completion"]->ChangeValue(wx(p.actual_completion.value_or("")));
    for (const auto& [id, name] : regions_) choices_["region_id"]->Append(wx(name));
    select_id(choices_["region_id"], regions_, p.region_id, false);
    fill_zones();
    if (p.zone_id) {
        wxChoice* zone = choices_["zone_id"];
        for (unsigned i = 1; i < zone->GetCount(); ++i)
            if (reinterpret_cast<std::intptr_t>(zone->GetClientData(i)) == *p.zone_id) zone->SetSelection(static_cast<int>(i));
    }
    choices_["industry_id"]->Append(_("(none)"));
    for (const auto& [id, name] : industries_) choices_["industry_id"]->Append(wx(name));
    select_id(choices_["industry_id"], industries_, p.industry_id, true);
    choices_["category_id"]->Append(_("(none)"));
    for (const auto& [id, name] : categories_) choices_["category_id"]->Append(wx(name));
    select_id(choices_["category_id"], categories_, p.category_id, true);
    choices_["nature"]->SetStringSelection(wx(p.nature));
    choices_["level"]->SetStringSelection(wx(p.level));
    choices_["stage"]->SetStringSelection(wx(p.stage));
    jingjin_->SetValue(p.is_jingjin);
    foreign_->SetValue(p.is_foreign);

    std::set<int> years;
    for (const auto& [year, plan] : p.annual_plans) years.insert(year);
    years.insert(ctx_.period.year);
    years.insert(ctx_.period.year + 1);
    plan_years_.assign(years.begin(), years.end());
    plans_->AppendRows(static_cast<int>(plan_years_.size()));
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        int row = static_cast<int>(i);
        plans_->SetRowLabelValue(row, wxString::Format("%d", plan_years_[i]));
        auto it = p.annual_plans.find(plan_years_[i]);
        plans_->SetCellValue(row, 0, it != p.annual_plans.end() ? wx(format_wan(it->second, false)) : wxString());
        plans_->SetCellAlignment(row, 0, wxALIGN_RIGHT, wxALIGN_CENTER);
    }
    for (std::size_t k = 0; k < kApprovalKinds.size(); ++k)
        for (const auto& a : p.approvals)
            if (a.kind == kApprovalKinds[k]) {
                approvals_[k].status->SetStringSelection(wx(a.status));
                approvals_[k].number->ChangeValue(wx(a.doc_number));
                approvals_[k].date->ChangeValue(wx(a.doc_date.value_or("")));
            }
    if (p.id) {
        try {
            db::ProjectRepository repo(*ctx_.db);
            for (const auto& e : repo.progress(p.id, ctx_.period.year)) {
                long i = progress_list_->InsertItem(progress_list_->GetItemCount(), wxString::Format(_("%d month"), e.month));
                progress_list_->SetItem(i, 1, wx(format_wan(e.completed_month)));
                progress_list_->SetItem(i, 2, wx(format_wan(e.completed_ytd)));
                progress_list_->SetItem(i, 3, wx(e.image_progress));
                progress_list_->SetItem(i, 4, wx(e.problems));
            }
        } catch (...) {
            show_current_exception(this, _("Loading the project"));
        }
        reload_problems();
    }
}

void ProjectDialog::reload_problems() {
    problems_list_->DeleteAllItems();
    problem_ids_.clear();
    try {
        for (const auto& pb : db::ProjectRepository(*ctx_.db).problems(project_.id)) {
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
    bool done = action == 0   ? edit_problem(this, ctx_, id, project_.id)
                : action == 1 ? resolve_problem(this, ctx_, id)
                              : delete_problem(this, ctx_, id);
    if (done) {
        reload_problems();
        select_problem(static_cast<int>(std::min<long>(row, problems_list_->GetItemCount() - 1)));
    }
}

void ProjectDialog::read_controls(Project& p, std::vector<FieldIssue>& issues) {
    auto text = [this](const char* f) { return utf8(texts_[f]->GetValue().Strip(wxString::both)); };
    p.name = text("name");
    p.code = opt_text(texts_["code"]);
    p.owner = text("owner");
    p.site = text("site");
    p.responsible_unit = text("responsible_unit");
    p.leader_name = text("leader_name");
    p.leader_title = text("leader_title");
    p.contact_person = text("contact_person");
    p.contact_phone = text("contact_phone");
    p.content = utf8(texts_["content"]->GetValue());
    p.notes = utf8(texts_["notes"]->GetValue());
    p.planned_start = opt_text(texts_["planned_start"]);
    p.planned_completion = opt_text(texts_["planned_completion"]);
    p.actual_start = opt_text(texts_["actual_start"]);
    p.actual_completion = opt_text(texts_["actual_completion"]);
    int r = choices_["region_id"]->GetSelection();
    p.region_id = r >= 0 ? regions_[static_cast<std::size_t>(r)].first : 0;
    int z = choices_["zone_id"]->GetSelection();
    p.zone_id = z > 0 ? std::optional<std::int64_t>(reinterpret_cast<std::intptr_t>(choices_["zone_id"]->GetClientData(static_cast<unsigned>(z))))
                      : std::nullopt;
    int ind = choices_["industry_id"]->GetSelection();
    p.industry_id = ind > 0 ? std::optional<std::int64_t>(industries_[static_cast<std::size_t>(ind - 1)].first) : std::nullopt;
    int cat = choices_["category_id"]->GetSelection();
    p.category_id = cat > 0 ? std::optional<std::int64_t>(categories_[static_cast<std::size_t>(cat - 1)].first) : std::nullopt;
    p.nature = utf8(choices_["nature"]->GetStringSelection());
    p.level = utf8(choices_["level"]->GetStringSelection());
    p.stage = utf8(choices_["stage"]->GetStringSelection());
    p.is_jingjin = jingjin_->GetValue();
    p.is_foreign = foreign_->GetValue();
    std::string total = text("total_investment");
    if (auto m = parse_amount(total.empty() ? "0" : total)) p.total_investment = *m;
    else issues.push_back({"total_investment", "总投资“" + total + "”不是有效的金额（万元，最多两位小数）"});
    plans_->SaveEditControlValue();
    p.annual_plans.clear();
    for (std::size_t i = 0; i < plan_years_.size(); ++i) {
        std::string v = utf8(plans_->GetCellValue(static_cast<int>(i), 0).Strip(wxString::both));
        if (v.empty()) continue;
        if (auto m = parse_amount(v)) p.annual_plans[plan_years_[i]] = *m;
        else issues.push_back({"annual_plans", std::to_string(plan_years_[i]) + "年计划投资“" + v + "”不是有效的金额"});
    }
    p.approvals.clear();
    for (std::size_t k = 0; k < kApprovalKinds.size(); ++k) {
        Approval a;
        a.kind = kApprovalKinds[k];
        a.status = utf8(approvals_[k].status->GetStringSelection());
        a.doc_number = utf8(approvals_[k].number->GetValue().Strip(wxString::both));
        a.doc_date = opt_text(approvals_[k].date);
        if (a.status != "未办" || !a.doc_number.empty() || a.doc_date) p.approvals.push_back(a);
    }
}

wxWindow* ProjectDialog::control_of(const std::string& field) const {
    if (auto it = texts_.find(field); it != texts_.end()) return it->second;
    if (auto it = choices_.find(field); it != choices_.end()) return it->second;
    if (field == "annual_plans") return plans_;
    if (field == "approvals" && !approvals_.empty()) return approvals_.front().status;
    return nullptr;
}

void ProjectDialog::clear_marks() {
    for (wxWindow* w : marked_) {
        w->SetBackgroundColour(wxNullColour);
        w->UnsetToolTip();
        w->Refresh();
    }
    marked_.clear();
    shown_issues_.clear();
    issues_text_->SetLabel(wxString());
}

void ProjectDialog::show_issues(const std::vector<FieldIssue>& issues) {
    clear_marks();
    shown_issues_ = issues;
    wxString all;
    wxWindow* first = nullptr;
    std::map<wxWindow*, wxString> tips;
    for (const auto& issue : issues) {
        all << (all.empty() ? "" : "\n") << wxString::FromUTF8("• ") << wx(issue.reason);
        wxWindow* w = control_of(issue.field);
        if (!w) continue;
        tips[w] << (tips[w].empty() ? "" : "\n") << wx(issue.reason);
        if (!first) {
            first = w;
            auto page = page_of_.find(issue.field);
            if (page != page_of_.end()) book_->SetSelection(static_cast<std::size_t>(page->second));
        }
    }
    for (auto& [w, tip] : tips) {
        w->SetBackgroundColour(kBad);
        w->SetToolTip(tip);
        w->Refresh();
        marked_.push_back(w);
    }
    issues_text_->SetLabel(all);
    Layout();
    if (first) first->SetFocus();
}

bool ProjectDialog::try_save() {
    Project edited = project_;
    std::vector<FieldIssue> issues;
    read_controls(edited, issues);
    if (!issues.empty()) {
        show_issues(issues);
        return false;
    }
    try {
        db::ProjectRepository repo(*ctx_.db);
        if (edited.id) repo.update(edited);
        else repo.insert(edited);
        auto stored = repo.get(edited.id);
        if (ctx_.undo)
            ctx_.undo->record(wxString::Format(edited.id && before_ ? _("edit %s") : _("new %s"), wx(edited.name)), before_,
                              stored);
        project_ = stored ? *stored : edited;
        before_ = project_;
        clear_marks();
        return true;
    } catch (const RecordInvalid& e) {
        show_issues(e.issues());
    } catch (...) {
        show_current_exception(this, _("Saving the project (nothing was saved)"));
    }
    return false;
}

bool ProjectDialog::set_field_text(const std::string& field, const wxString& value) {
    auto it = texts_.find(field);
    if (it == texts_.end()) return false;
    it->second->ChangeValue(value);
    return true;
}

void ProjectDialog::on_ok(wxCommandEvent&) {
    if (try_save()) EndModal(wxID_OK);
}

void ProjectDialog::add_problem() {
    if (!project_.id || !edit_problem(this, ctx_, 0, project_.id)) return;
    reload_problems();
    select_problem(problems_list_->GetItemCount() - 1);
}

}  // namespace il::gui
