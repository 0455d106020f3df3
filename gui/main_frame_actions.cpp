// MainFrame's record actions: demo city, edit/delete a project, undo. Kept apart from the frame's
// layout code (main_frame.cpp).
#include <wx/msgdlg.h>

#include "core/db/project_repository.h"
#include "core/demo/demo_generator.h"
#include "gui/error_text.h"
#include "gui/main_frame.h"
#include "gui/progress_runner.h"
#include "gui/project_dialog.h"
#include "gui/wx_util.h"

namespace il::gui {

bool MainFrame::generate_demo() {
    try {
        demo::DemoSummary summary;
        run_with_progress(this, _("Demo city"), [&](ProgressSink& progress) {
            summary = demo::generate(*ctx_.db, demo::DemoOptions{}, progress);
        });
        set_period(Period{demo::DemoOptions{}.year, 6});
        SetStatusText(wxString::Format(_("Demo city added: %d projects, %d renovations, %d deals"), summary.projects,
                                       summary.renovations, summary.deals), 0);
        return true;
    } catch (const Cancelled&) {
        SetStatusText(_("Demo city cancelled: nothing was added."), 0);
    } catch (...) {
        show_current_exception(this, _("Demo city"));
    }
    return false;
}

int MainFrame::edit_project(std::int64_t id) {
    if (!ctx_.db) return wxID_CANCEL;
    ProjectDialog dlg(this, ctx_, id);
    if (!dlg.loaded()) return wxID_CANCEL;
    int rc = dlg.ShowModal();
    if (rc == wxID_OK) reload_all();
    return rc;
}

void MainFrame::delete_project(std::int64_t id) {
    if (!ctx_.db) return;
    try {
        db::ProjectRepository repo(*ctx_.db);
        auto project = repo.get(id);
        if (!project) return;
        if (ask(this, wxString::Format(_("Delete the project \"%s\" with its monthly figures, approvals and problems?\n"
                                            "You can undo this with Ctrl+Z."), wx(project->name)),
                         _("Delete project"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING) != wxYES)
            return;
        std::vector<ProgressEntry> progress;
        for (int year = 2000; year <= ctx_.period.year + 2; ++year) {  // all its months, not just this year's
            auto p = repo.progress(id, year);
            progress.insert(progress.end(), p.begin(), p.end());
        }
        repo.remove(id);
        undo_.record(wxString::Format(_("delete %s"), wx(project->name)), project, std::nullopt);
        undo_.attach_progress(std::move(progress));
        reload_all();
        SetStatusText(wxString::Format(_("Deleted \"%s\" (Ctrl+Z to undo)"), wx(project->name)), 0);
    } catch (...) {
        show_current_exception(this, _("Delete project"));
    }
}

void MainFrame::on_undo() {
    if (!ctx_.db || undo_.empty()) return;
    wxString label = undo_.next_label();
    try {
        undo_.undo(*ctx_.db);
        reload_all();
        SetStatusText(label, 0);
    } catch (...) {
        show_current_exception(this, _("Undo"));
    }
}

}  // namespace il::gui
