// Importing an Excel/CSV ledger into the open database (core/import): choose the file and the
// kind of records, check it first (a dry run on a worker thread: what would be added, changed,
// rejected and why), then import — all or nothing unless "keep the good rows" is chosen.
#include <wx/checkbox.h>
#include <wx/choicdlg.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/textdlg.h>

#include "core/import/field_catalog.h"
#include "core/import/import_run.h"
#include "gui/error_text.h"
#include "gui/progress_runner.h"
#include "gui/view_factory.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {

wxString summary(const import::ImportResult& r, const import::ImportPlan& plan) {
    wxString text = wxString::Format(_("New: %d   Changed: %d   Unchanged: %d   Rejected: %d"), r.added, r.updated, r.unchanged,
                                     r.rejected);
    int shown = 0;
    for (const auto& row : plan.rejected) {
        if (++shown > 8) {
            text << "\n…";
            break;
        }
        text << "\n" << wx(row.source.sheet) << wxString::Format(_(" row %d: "), row.source.row);
        for (const auto& issue : row.issues) text << wx(issue.field) << " — " << wx(issue.reason) << "; ";
    }
    if (!r.message.empty()) text << "\n" << wx(r.message);
    return text;
}

}  // namespace

void run_import_dialog(wxWindow* parent, AppContext& ctx) {
    if (!ctx.db) return;
    wxFileDialog files(parent, _("Import a ledger"), wxString(), wxString(),
                       _("Spreadsheets (*.xlsx;*.xls;*.csv)|*.xlsx;*.xls;*.csv|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (files.ShowModal() != wxID_OK) return;
    wxArrayString kinds;
    kinds.Add(_("Projects over 100M"));
    kinds.Add(_("Technical renovation"));
    kinds.Add(_("Investment attraction"));
    int kind = wxGetSingleChoiceIndex(_("What does the file hold?"), _("Import"), kinds, parent);
    if (kind < 0) return;
    import::ImportOptions options;
    options.kind = static_cast<import::RecordKind>(kind);
    options.source_name = utf8(wxFileName(files.GetPath()).GetFullName());
    const std::filesystem::path file(utf8(files.GetPath()));
    try {
        import::ImportPlan plan;
        import::ImportResult check;
        options.dry_run = true;
        run_with_progress(parent, _("Checking the file"), [&](ProgressSink&) { check = import::import_file(*ctx.db, file, options, &plan); },
                          false);
        wxString text = _("Check result (nothing written yet):") + "\n" + summary(check, plan);
        long style = wxYES_NO | wxICON_QUESTION;
        if (check.rejected > 0) {
            text << "\n\n" << _("Import the good rows and leave the rejected ones out?");
            options.keep_good = true;
        } else {
            text << "\n\n" << _("Import now?");
        }
        if (ask(parent, text, _("Import"), style) != wxYES) return;
        options.dry_run = false;
        import::ImportResult done;
        run_with_progress(parent, _("Importing"), [&](ProgressSink&) { done = import::import_file(*ctx.db, file, options, &plan); },
                          false);
        ask(parent, (done.written ? _("Imported.") : _("Nothing was written.")) + "\n" + summary(done, plan), _("Import"),
            wxOK | (done.written ? wxICON_INFORMATION : wxICON_WARNING));
    } catch (...) {
        show_current_exception(parent, _("Import"));
    }
    if (ctx.data_changed) ctx.data_changed();
}

}  // namespace il::gui
