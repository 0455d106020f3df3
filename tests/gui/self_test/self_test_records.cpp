// Self-test steps for editing 技改, 招商引资 and 问题 records through their dialogs and lists
// (see self_test_steps.h). Markers left in the ledger are checked again from outside by
// tests/gui/gui_self_test.sh.
#include <wx/datetime.h>
#include <wx/stockitem.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include "core/db/problem_repository.h"
#include "core/db/deal_repository.h"
#include "core/db/project_repository.h"
#include "core/db/renovation_repository.h"
#include "gui/deal_dialog.h"
#include "gui/list_panel.h"
#include "gui/main_frame.h"
#include "gui/problem_dialog.h"
#include "gui/project_dialog.h"
#include "gui/record_editing.h"
#include "gui/renovation_dialog.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {
namespace {
std::int64_t first_id(MainFrame& frame, View v, long row = 0) {
    frame.show_view(v);
    pump_events(100);
    auto* list = dynamic_cast<ListPanel*>(frame.view(v));
    return list && list->visible_count() > static_cast<std::size_t>(row) ? list->table().rows[list->visible_rows()[static_cast<std::size_t>(row)]].id : 0;
}
bool has_issue(const RecordDialog& dlg, const std::string& field) {
    for (const auto& issue : dlg.shown_issues())
        if (issue.field == field) return true;
    return false;
}
}  // namespace

int screenshot_record_dialogs(MainFrame& frame, const wxString& out_dir) {
    auto& ctx = frame.context();
    int failures = 0;
    if (std::int64_t id = first_id(frame, View::Renovations)) {
        RenovationDialog dlg(&frame, ctx, id);
        dlg.Show();
        pump_events(400);
        grab_window(dlg, out_dir + "/renovation-dialog.png");
        dlg.set_field_text("equipment_investment", "999999");
        dlg.try_save();  // refused: equipment above the total
        pump_events(400);
        grab_window(dlg, out_dir + "/renovation-dialog-error.png");
        dlg.Hide();
    } else {
        ++failures;
    }
    if (std::int64_t id = first_id(frame, View::Deals)) {
        DealDialog dlg(&frame, ctx, id);
        dlg.Show();
        pump_events(400);
        grab_window(dlg, out_dir + "/deal-dialog.png");
        int row = dlg.add_funds_row();
        dlg.set_funds_cell(row, DealDialog::F_DATE, "2017-05-18");
        dlg.set_funds_cell(row, DealDialog::F_AMOUNT, "100");
        dlg.set_funds_cell(row, DealDialog::F_CURRENCY, wxString::FromUTF8("美元"));
        dlg.try_save();  // refused: a USD entry without its rate
        pump_events(400);
        grab_window(dlg, out_dir + "/deal-dialog-funds-error.png");
        dlg.Hide();
    } else {
        ++failures;
    }
    first_id(frame, View::Problems);
    auto* problems = dynamic_cast<ListPanel*>(frame.view(View::Problems));
    if (std::int64_t project = problems ? problems->record_id_at(0) : 0) {  // the project of the first problem
        ProjectDialog pd(&frame, ctx, project);
        for (wxWindow* child : pd.GetChildren())
            if (auto* book = dynamic_cast<wxNotebook*>(child)) book->SetSelection(4);  // 问题
        pd.Show();
        pd.select_problem(0);
        pump_events(400);
        grab_window(pd, out_dir + "/edit-dialog-problems.png");
        pd.Hide();
    }
    if (std::int64_t project = first_id(frame, View::Projects)) {
        ProblemDialog dlg(&frame, ctx, 0, project);
        dlg.set_field_text("description", wxString::FromUTF8("施工用电未接入，需协调供电公司"));
        dlg.set_choice_text("status", wxString::FromUTF8("销号"));
        dlg.Show();
        dlg.try_save();  // refused: resolved without a closing date
        pump_events(400);
        grab_window(dlg, out_dir + "/problem-dialog-error.png");
        dlg.Hide();
    } else {
        ++failures;
    }
    return failures;
}

void SelfTest::step_renovation_dialog() {
    auto& ctx = frame_.context();
    std::int64_t id = first_id(frame_, View::Renovations);
    check(id > 0, "a renovation item to edit");
    if (!id) return;
    db::RenovationRepository repo(*ctx.db);
    const Renovation original = *repo.get(id);
    const std::string marked_name = original.name + "（自测技改）";
    {
        RenovationDialog dlg(&frame_, ctx, id);
        check(dlg.loaded() && dlg.page_count() == 4, "the renovation dialog opens with 4 pages");
        dlg.Show();
        pump_events(100);
        // Equipment investment above the total: refused by core validation, shown at the field.
        dlg.set_field_text("equipment_investment", wx(format_wan(original.total_investment + Money::from_wan(5), false)));
        check(!dlg.try_save(), "renovation: equipment above the total is refused");
        check(has_issue(dlg, "equipment_investment") && dlg.is_marked("equipment_investment") && dlg.current_page() == 1,
              "renovation: the error is shown at the equipment field (investment page)");
        check(repo.get(id)->version == original.version, "renovation: nothing was saved by the refused edit");
        dlg.set_field_text("equipment_investment", wx(format_wan(original.equipment_investment, false)));
        dlg.set_field_text("name", wx(marked_name));
        dlg.set_field_text("total_investment", wx(format_wan(original.total_investment + Money::from_wan(3), false)));
        check(dlg.try_save(), "renovation: a valid edit is saved");
        check(dlg.shown_issues().empty() && !dlg.is_marked("equipment_investment"), "renovation: the marks are cleared");
        dlg.Hide();
    }
    auto saved = repo.get(id);
    check(saved->name == marked_name && saved->total_investment == original.total_investment + Money::from_wan(3),
          "renovation: the database holds the edit");
    ctx.undo->undo(*ctx.db);
    auto undone = repo.get(id);
    check(undone->name == original.name && undone->total_investment == original.total_investment,
          "renovation: undo restored the values");
    RenovationDialog again(&frame_, ctx, id);
    again.set_field_text("name", wx(marked_name));
    check(again.try_save(), "renovation: the marker edit is saved");
    RenovationDialog history(&frame_, ctx, id);
    check(history.history_rows() >= 3, wxString::Format("renovation: the change log page lists the edits (%d rows)",
                                                        history.history_rows()));
}

void SelfTest::step_deal_dialog() {
    auto& ctx = frame_.context();
    std::int64_t project_id = first_id(frame_, View::Projects);
    std::int64_t id = first_id(frame_, View::Deals);
    check(id > 0, "a deal to edit");
    if (!id) return;
    db::DealRepository repo(*ctx.db);
    const Deal original = *repo.get(id);
    std::size_t entries = original.funds.size();
    DealDialog dlg(&frame_, ctx, id);
    check(dlg.loaded() && dlg.page_count() == 5, "the deal dialog opens with 5 pages");
    dlg.Show();
    pump_events(100);
    check(dlg.funds_grid()->GetNumberRows() == static_cast<int>(entries), "deal: the funds entries are listed");
    // A USD entry without the rate used: refused by core, marked at its grid cell.
    int row = dlg.add_funds_row();
    dlg.set_funds_cell(row, DealDialog::F_DATE, "2017-05-18");
    dlg.set_funds_cell(row, DealDialog::F_AMOUNT, "100");
    dlg.set_funds_cell(row, DealDialog::F_CURRENCY, wxString::FromUTF8("美元"));
    std::string field = "funds[" + std::to_string(entries + 1) + "].rate_micro";
    check(!dlg.try_save(), "deal: a USD entry without a rate is refused");
    check(has_issue(dlg, field) && dlg.is_marked(field) && dlg.current_page() == 2,
          "deal: the error is shown at the rate cell of the new entry (funds page)");
    check(repo.get(id)->funds.size() == entries && repo.get(id)->version == original.version,
          "deal: nothing was saved by the refused edit");
    dlg.set_funds_cell(row, DealDialog::F_RATE, "7.1");
    int note = dlg.add_followup_row();
    dlg.set_followup_cell(note, DealDialog::N_DATE, "2017-05-20");
    dlg.set_followup_cell(note, DealDialog::N_NOTE, wxString::FromUTF8("自测跟进：客商来访"));
    dlg.set_field_text("investor", wx(original.investor + "（自测）"));
    // The link to a 项目: the search box narrows the choice; the chosen project is saved.
    auto* projects = dynamic_cast<wxChoice*>(dlg.control_of("project_id"));
    auto project = db::ProjectRepository(*ctx.db).get(project_id);
    check(projects && project, "deal: the linked-project choice and a project to link");
    if (projects && project) {
        dlg.search_projects("");
        const unsigned offered = projects->GetCount();
        const auto all = static_cast<std::size_t>(db::ProjectRepository(*ctx.db).count());
        if (all > DealDialog::kProjectChoices)
            check(offered == DealDialog::kProjectChoices + 2 && projects->GetString(offered - 1).Contains(wxString::Format("%zu", all - DealDialog::kProjectChoices)),
                  wxString::Format("deal: with no search the choice offers the first projects and says how many more "
                                   "there are (%u entries of %zu projects, last: %s)",
                                   offered, all, projects->GetString(offered - 1)));
        else
            check(offered == all + 1, "deal: with no search the choice offers (none) and every project");
        check(!original.project_id || projects->GetSelection() == 1, "deal: the current link comes first and stays chosen");
        dlg.search_projects("zzz-no-such-project");
        check(projects->GetCount() == (original.project_id ? 2u : 1u), "deal: a search matching nothing leaves (none)");
        dlg.search_projects(wx(project->name));
        int found = wxNOT_FOUND;
        for (unsigned i = 1; i < projects->GetCount() && found == wxNOT_FOUND; ++i)
            if (projects->GetString(i).StartsWith(wx(project->name))) found = static_cast<int>(i);
        check(found != wxNOT_FOUND, "deal: the search by name offers the project");
        projects->SetSelection(found);
    }
    check(dlg.try_save(), "deal: the valid entry is saved");
    check(repo.get(id)->project_id == std::optional<std::int64_t>(project_id), "deal: the database holds the linked project");
    dlg.Hide();
    auto saved = repo.get(id);
    bool usd = false;
    for (const auto& f : saved->funds)
        usd = usd || (f.currency == Currency::USD && f.amount == Money::from_wan(100).fen && f.rate_micro == 7'100'000 &&
                      f.amount_cny == Money::from_wan(710));
    check(saved->funds.size() == entries + 1 && usd, "deal: the database holds the USD entry with its rate (100 x 7.1)");
    check(saved->followups.size() == original.followups.size() + 1 && saved->investor == original.investor + "（自测）",
          "deal: the database holds the follow-up and the edit");
    check(dlg.funds_grid()->GetNumberRows() == static_cast<int>(entries + 1), "deal: the grid shows the stored entries");
}

void SelfTest::step_problems() {
    auto& ctx = frame_.context();
    std::int64_t project = first_id(frame_, View::Projects);
    check(project > 0, "a project for the problems");
    if (!project) return;
    db::ProjectRepository repo(*ctx.db);
    db::ProblemRepository problems_repo(*ctx.db);
    std::size_t before = problems_repo.for_project(project).size();
    std::int64_t kept = 0, doomed = 0;
    for (const char* text : {"自测问题：用地未落实", "自测问题：待删除"}) {
        ProblemDialog add(&frame_, ctx, 0, project);
        add.set_field_text("description", wxString::FromUTF8(text));
        add.set_field_text("owner_unit", wxString::FromUTF8("自然资源局"));
        check(add.try_save(), wxString::Format("problem added: %s", wxString::FromUTF8(text)));
        (kept ? doomed : kept) = add.problem().id;
    }
    {
        ProblemDialog dlg(&frame_, ctx, kept, project);
        dlg.Show();
        dlg.set_field_text("owner_unit", wxString::FromUTF8("自然资源和规划局"));
        dlg.set_choice_text("status", wxString::FromUTF8("销号"));
        dlg.set_field_text("closed_date", "");
        check(!dlg.try_save(), "problem: resolved without a closing date is refused");
        check(has_issue(dlg, "closed_date") && dlg.is_marked("closed_date"), "problem: the error is shown at the closing date");
        check(problems_repo.get(kept)->status == "交办", "problem: nothing was saved by the refused edit");
        check(dlg.mark_resolved(), "problem: marked resolved");
        dlg.Hide();
    }
    auto resolved = problems_repo.get(kept);
    check(resolved->status == "销号" && resolved->closed_date == utf8(wxDateTime::Today().FormatISODate()) &&
              resolved->owner_unit == "自然资源和规划局",
          "problem: the database holds it resolved today with the edit");
    // Delete from the project dialog's 问题 page, undo, delete again from the 问题清单 list.
    ProjectDialog pd(&frame_, ctx, project);
    check(pd.problem_rows() == static_cast<int>(before + 2), "problem page lists the new problems");
    pd.select_problem(pd.problem_rows() - 1);
    pd.problem_action(2);
    check(!problems_repo.get(doomed) && pd.problem_rows() == static_cast<int>(before + 1),
          "problem deleted from the project dialog");
    ctx.undo->undo(*ctx.db);
    auto problems = problems_repo.for_project(project);
    check(problems.size() == before + 2 && problems.back().description == "自测问题：待删除", "problem delete undone");
    check(delete_record(&frame_, ctx, ListKind::Problems, problems.back().id), "problem deleted from the problem list");
    check(problems_repo.for_project(project).size() == before + 1, "the database no longer holds the deleted problem");
}

void SelfTest::step_stock_language() {
    auto* t = wxTranslations::Get();
    if (!t || t->GetBestTranslation("investledger").empty()) return;  // English UI: nothing to check
    check(wxGetStockLabel(wxID_CANCEL, wxSTOCK_NOFLAGS) == wxString::FromUTF8("取消"),
          "wxWidgets' own catalog (wx3.2-i18n) is loaded: the stock Cancel label is Chinese");
    wxString language;
    bool set = wxGetEnv("LANGUAGE", &language);
    check(set && language.StartsWith("zh"),
          "GTK's stock buttons and file dialogs get the UI language (LANGUAGE=" + language + ")");
}

void SelfTest::step_delete_undo() {
    auto& ctx = frame_.context();
    std::int64_t id = first_id(frame_, View::Renovations, 1);
    check(id > 0, "a renovation item to delete");
    if (id) {
        db::RenovationRepository repo(*ctx.db);
        const Renovation r = *repo.get(id);
        auto months = repo.progress(id, ctx.period.year).size();
        check(delete_record(&frame_, ctx, ListKind::Renovations, id) && !repo.get(id), "renovation item deleted");
        ctx.undo->undo(*ctx.db);
        std::int64_t back = 0;
        for (const auto& row : repo.list())
            if (row.uid == r.uid) back = row.id;
        check(back && repo.get(back)->name == r.name && repo.progress(back, ctx.period.year).size() == months,
              wxString::Format("renovation delete undone with its %zu months", months));
    }
    id = first_id(frame_, View::Deals, 1);
    check(id > 0, "a deal to delete");
    if (!id) return;
    db::DealRepository repo(*ctx.db);
    const Deal d = *repo.get(id);
    check(delete_record(&frame_, ctx, ListKind::Deals, id) && !repo.get(id), "deal deleted");
    ctx.undo->undo(*ctx.db);
    std::int64_t back = 0;
    for (const auto& row : repo.list())
        if (row.uid == d.uid) back = row.id;
    check(back && repo.get(back)->funds.size() == d.funds.size() && repo.get(back)->followups.size() == d.followups.size(),
          "deal delete undone with its funds and follow-ups");
}

}  // namespace il::gui
