#include "gui/city_panel.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "core/city/conflicts.h"
#include "core/city/intake.h"
#include "core/city/offices.h"
#include "core/city/package_writer.h"
#include "core/city/status_board.h"
#include "core/report/template_catalog.h"
#include "gui/error_text.h"
#include "gui/intake_dialog.h"
#include "gui/progress_runner.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace fs = std::filesystem;

CityPanel::CityPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    summary_ = new wxStaticText(this, wxID_ANY, wxString());
    summary_->SetFont(summary_->GetFont().Bold());
    top->Add(summary_, 0, wxALL, FromDIP(10));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* receive = new wxButton(this, wxID_ANY, _("&Receive packages..."));
    auto* ret = new wxButton(this, wxID_ANY, _("Re&turn to the office..."));
    auto* exp = new wxButton(this, wxID_ANY, _("&Export the status board..."));
    receive->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_receive(); });
    ret->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_return(); });
    exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_export(); });
    buttons->Add(receive);
    buttons->Add(ret, 0, wxLEFT, FromDIP(6));
    buttons->Add(exp, 0, wxLEFT, FromDIP(6));
    top->Add(buttons, 0, wxLEFT | wxRIGHT, FromDIP(10));
    board_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    board_->AppendColumn(_("Office"), wxLIST_FORMAT_LEFT, FromDIP(170));
    board_->AppendColumn(_("Regions"), wxLIST_FORMAT_LEFT, FromDIP(170));
    board_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(80));
    board_->AppendColumn(_("Late"), wxLIST_FORMAT_LEFT, FromDIP(60));
    board_->AppendColumn(_("Received"), wxLIST_FORMAT_LEFT, FromDIP(170));
    board_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(260));
    board_->AppendColumn(_("Open conflicts"), wxLIST_FORMAT_RIGHT, FromDIP(90));
    board_->AppendColumn(_("Package"), wxLIST_FORMAT_LEFT, FromDIP(230));
    top->Add(board_, 3, wxEXPAND | wxALL, FromDIP(10));
    top->Add(new wxStaticText(this, wxID_ANY, _("Conflicts: the same project submitted by two offices")), 0,
             wxLEFT | wxRIGHT, FromDIP(10));
    conflicts_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    conflicts_->AppendColumn(_("No."), wxLIST_FORMAT_RIGHT, FromDIP(50));
    conflicts_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(280));
    conflicts_->AppendColumn(_("Matched by"), wxLIST_FORMAT_LEFT, FromDIP(200));
    conflicts_->AppendColumn(_("Submitted by"), wxLIST_FORMAT_LEFT, FromDIP(170));
    conflicts_->AppendColumn(_("Held by"), wxLIST_FORMAT_LEFT, FromDIP(170));
    conflicts_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(80));
    top->Add(conflicts_, 2, wxEXPAND | wxALL, FromDIP(10));
    auto* cbuttons = new wxBoxSizer(wxHORIZONTAL);
    auto* keep = new wxButton(this, wxID_ANY, _("&Keep the record held"));
    auto* take = new wxButton(this, wxID_ANY, _("Take the &submitted record"));
    keep->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resolve(false); });
    take->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { resolve(true); });
    cbuttons->Add(keep);
    cbuttons->Add(take, 0, wxLEFT, FromDIP(6));
    top->Add(cbuttons, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    SetSizer(top);
}

void CityPanel::reload() {
    board_->DeleteAllItems();
    conflicts_->DeleteAllItems();
    conflict_ids_.clear();
    if (!ctx_.db) return;
    try {
        auto board = city::status_board(*ctx_.db, ctx_.period);
        summary_->SetLabel(wxString::Format(
            _("Submissions for %d %s (due %s): %d of %zu in, %d returned, %d late"), board.period.year,
            wx(board.period.label()), wx(board.due_date), board.count(city::BoardStatus::Accepted), board.rows.size(),
            board.count(city::BoardStatus::Returned), board.late()));
        for (const auto& r : board.rows) {
            std::string regions;
            for (const auto& g : r.regions) regions += (regions.empty() ? "" : "、") + g;
            long i = board_->InsertItem(board_->GetItemCount(), wx(r.office));
            board_->SetItem(i, 1, wx(regions));
            board_->SetItem(i, 2, wx(city::board_status_label(r.status)));
            board_->SetItem(i, 3, r.late ? _("late") : wxString());
            board_->SetItem(i, 4, wx(r.received_at.substr(0, 19)));
            board_->SetItem(i, 5, wx(r.reason));
            board_->SetItem(i, 6, wxString::Format("%d", r.open_conflicts));
            board_->SetItem(i, 7, wx(r.file_name));
            if (r.status != city::BoardStatus::Accepted || r.late)
                board_->SetItemTextColour(i, r.status == city::BoardStatus::Accepted ? wxColour(0xB0, 0x60, 0x00) : *wxRED);
        }
        for (const auto& c : city::list_conflicts(*ctx_.db)) {
            long i = conflicts_->InsertItem(conflicts_->GetItemCount(), wxString::Format("%lld", static_cast<long long>(c.id)));
            conflicts_->SetItem(i, 1, wx(c.name));
            conflicts_->SetItem(i, 2, wx(c.matched_by));
            conflicts_->SetItem(i, 3, wx(c.incoming_office));
            conflicts_->SetItem(i, 4, c.existing_office.empty() ? _("(city ledger)") : wx(c.existing_office));
            conflicts_->SetItem(i, 5, wx(c.period));
            conflict_ids_.push_back(c.id);
        }
    } catch (...) {
        summary_->SetLabel(describe_current_exception());
    }
    Layout();
}

void CityPanel::receive(const wxArrayString& files) {
    bool changed = false;
    for (const auto& f : files) {
        std::unique_ptr<city::Intake> intake;
        try {
            wxBusyCursor busy;
            intake = std::make_unique<city::Intake>(*ctx_.db, fs::path(utf8(f)));
        } catch (...) {
            show_current_exception(this, _("Receiving a submission"));
            continue;
        }
        IntakeDialog dlg(this, ctx_, std::move(intake));
        dlg.ShowModal();
        changed = changed || dlg.decided();
    }
    if (changed && ctx_.data_changed) ctx_.data_changed();
    reload();
}

void CityPanel::on_receive() {
    if (!ctx_.db) return;
    wxFileDialog dlg(this, _("Receive submission packages"), wxString(), wxString(),
                     _("Submission package (*.ilpkg)|*.ilpkg|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
    if (dlg.ShowModal() != wxID_OK) return;
    wxArrayString files;
    dlg.GetPaths(files);
    receive(files);
}

void CityPanel::on_return() {
    long sel = board_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (sel < 0) {
        ask(this, _("Choose the office in the list first."), _("Return to the office"), wxOK | wxICON_INFORMATION);
        return;
    }
    wxString office = board_->GetItemText(sel, 0);
    wxTextEntryDialog dlg(this, wxString::Format(_("Why is the submission of %s returned? (recorded in the audit log)"), office),
                          _("Return to the office"));
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        city::return_submission(*ctx_.db, utf8(office), ctx_.period, utf8(dlg.GetValue()));
    } catch (...) {
        show_current_exception(this, _("Returning the submission"));
    }
    reload();
}

void CityPanel::on_export() {
    if (!ctx_.db) return;
    wxFileDialog dlg(this, _("Export the status board"), wxString(),
                     wx("上报情况-" + ctx_.period.key() + ".xlsx"), _("Excel workbook (*.xlsx)|*.xlsx"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        auto board = city::status_board(*ctx_.db, ctx_.period);
        city::export_status_board(*ctx_.db, board, fs::path(utf8(dlg.GetPath())));
        if (ctx_.status) ctx_.status(wxString::Format(_("Exported: %s"), dlg.GetPath()));
    } catch (...) {
        show_current_exception(this, _("Exporting the status board"));
    }
}

void CityPanel::resolve(bool take_incoming) {
    long sel = conflicts_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (sel < 0 || static_cast<std::size_t>(sel) >= conflict_ids_.size()) {
        ask(this, _("Choose a conflict in the list first."), _("Conflicts"), wxOK | wxICON_INFORMATION);
        return;
    }
    try {
        wxBusyCursor busy;
        city::resolve_conflict(*ctx_.db, conflict_ids_[static_cast<std::size_t>(sel)],
                               take_incoming ? city::Resolution::TakeIncoming : city::Resolution::KeepExisting);
        if (ctx_.data_changed) ctx_.data_changed();
    } catch (...) {
        show_current_exception(this, _("Resolving the conflict"));
    }
    reload();
}

bool submit_to_city(wxWindow* parent, AppContext& ctx) {
    if (!ctx.db) return false;
    std::string office;
    try {
        office = city::own_office_name(*ctx.db);
    } catch (...) {
        show_current_exception(parent, _("Submitting to the city"));
        return false;
    }
    wxFileDialog dlg(parent, _("Submit to the city: save the package"), wxString(),
                     wx(office + "-" + ctx.period.key() + ".ilpkg"), _("Submission package (*.ilpkg)|*.ilpkg"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return false;
    city::SubmitRequest req;
    req.period = ctx.period;
    req.out = fs::path(utf8(dlg.GetPath()));
    req.office = office;
    city::SubmitResult result;
    try {
        run_with_progress(parent, _("Writing the submission package"), [&](ProgressSink& progress) {
            report::TemplateCatalog catalog;
            result = city::submit_package(*ctx.db, catalog, req, progress);
        }, false);
    } catch (...) {
        show_current_exception(parent, _("Submitting to the city"));
        return false;
    }
    ask(parent, wxString::Format(_("The package for %d %s was written to\n%s\n\nSHA-256 %s\n%s"), req.period.year,
                                 wx(req.period.label()), dlg.GetPath(), wx(result.sha256),
                                 result.locked_now ? _("The period is now locked (closed).") : _("The period was already locked.")),
        _("Submit to the city"), wxOK | wxICON_INFORMATION);
    if (ctx.data_changed) ctx.data_changed();
    return true;
}

}  // namespace il::gui
