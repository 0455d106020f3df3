#include "gui/intake_dialog.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

IntakeDialog::IntakeDialog(wxWindow* parent, AppContext& ctx, std::unique_ptr<city::Intake> intake)
    : wxDialog(parent, wxID_ANY, _("Review a submission"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx), intake_(std::move(intake)) {
    const auto& p = intake_->preview();
    const auto& m = p.manifest;
    auto* top = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("%s, %d %s, package %s"), wx(m.office), m.period.year,
                                                   wx(m.period.label()), wx(p.file_name)));
    head->SetFont(head->GetFont().Bold());
    top->Add(head, 0, wxALL, FromDIP(10));
    wxString sub = wxString::Format(_("Made %s by %s with version %s (data version %d)."), wx(m.created_at.substr(0, 19)),
                                    wx(m.created_by), wx(m.tool_version), p.original_schema);
    if (p.resubmission) sub << "\n" << _("This office already submitted this period: accepting replaces its figures.");
    sub << "\n"
        << wxString::Format(_("New %d, changed %d, removed %d, unchanged %d, conflicts %d, check findings %d"),
                            p.count(city::ChangeKind::Added), p.count(city::ChangeKind::Changed),
                            p.count(city::ChangeKind::Removed), p.unchanged, static_cast<int>(p.conflicts.size()),
                            static_cast<int>(p.findings.size()));
    top->Add(new wxStaticText(this, wxID_ANY, sub), 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(1100, 520)), wxLC_REPORT);
    list_->AppendColumn(_("Change"), wxLIST_FORMAT_LEFT, FromDIP(70));
    list_->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(110));
    list_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(280));
    list_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(120));
    list_->AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(240));
    list_->AppendColumn(_("New value"), wxLIST_FORMAT_LEFT, FromDIP(240));
    top->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* accept = new wxButton(this, wxID_OK, _("&Accept and merge"));
    auto* reject = new wxButton(this, wxID_ANY, _("&Reject..."));
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Decide &later"));
    accept->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (accept_now()) EndModal(wxID_OK);
    });
    reject->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_reject(); });
    buttons->Add(accept);
    buttons->Add(reject, 0, wxLEFT, FromDIP(6));
    buttons->AddStretchSpacer();
    buttons->Add(cancel);
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(top);
    fill();
}

void IntakeDialog::fill() {
    const auto& p = intake_->preview();
    auto add = [this](const wxString& change, const wxString& kind, const wxString& record, const wxString& field,
                      const wxString& old_value, const wxString& new_value) {
        long i = list_->InsertItem(list_->GetItemCount(), change);
        list_->SetItem(i, 1, kind);
        list_->SetItem(i, 2, record);
        list_->SetItem(i, 3, field);
        list_->SetItem(i, 4, old_value);
        list_->SetItem(i, 5, new_value);
        return i;
    };
    for (const auto& c : p.conflicts) {
        long i = add(_("Conflict"), c.table == "projects" ? _("Project") : _("Renovation"), wx(c.name), wx(c.matched_by),
                     c.existing_office.empty() ? _("(city ledger)") : wx(c.existing_office), _("held until resolved"));
        list_->SetItemTextColour(i, *wxRED);
    }
    for (const auto& f : p.findings) {
        long i = add(_("Check"), wxString(), wx(f), wxString(), wxString(), wxString());
        list_->SetItemTextColour(i, wxColour(0xB0, 0x60, 0x00));
    }
    for (const auto& c : p.changes) {
        wxString change = wx(city::change_label(c.change));
        if (c.fields.empty()) {
            long i = add(change, wx(c.table_label), wx(c.label), wxString(), wxString(), wxString());
            if (c.change == city::ChangeKind::Removed) list_->SetItemTextColour(i, wxColour(0x90, 0x00, 0x00));
            continue;
        }
        for (std::size_t k = 0; k < c.fields.size(); ++k)
            add(k == 0 ? change : wxString(), k == 0 ? wx(c.table_label) : wxString(), k == 0 ? wx(c.label) : wxString(),
                wx(c.fields[k].field), wx(c.fields[k].old_value), wx(c.fields[k].new_value));
    }
}

bool IntakeDialog::accept_now() {
    try {
        wxBusyCursor busy;
        auto r = intake_->accept();
        decided_ = true;
        if (ctx_.status)
            ctx_.status(wxString::Format(_("Accepted: new %d, changed %d, removed %d, conflicts %d"), r.added, r.changed,
                                         r.removed, r.conflicts));
        return true;
    } catch (...) {
        show_current_exception(this, _("Accepting the submission"));
        return false;
    }
}

bool IntakeDialog::reject_now(const wxString& reason) {
    try {
        intake_->reject(utf8(reason));
        decided_ = true;
        return true;
    } catch (...) {
        show_current_exception(this, _("Rejecting the submission"));
        return false;
    }
}

void IntakeDialog::on_reject() {
    wxTextEntryDialog dlg(this, _("Why is the package rejected? (recorded in the audit log)"), _("Reject the submission"));
    if (dlg.ShowModal() != wxID_OK) return;
    if (reject_now(dlg.GetValue())) EndModal(wxID_CANCEL);
}

}  // namespace il::gui
