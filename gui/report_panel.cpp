#include "gui/report_panel.h"

#include <wx/button.h>
#include <wx/filename.h>
#include <wx/settings.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include "core/query/name_lists.h"
#include "core/report/report_generator.h"
#include "gui/error_text.h"
#include "gui/progress_runner.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"

namespace il::gui {

ReportPanel::ReportPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    auto* left = new wxBoxSizer(wxVERTICAL);
    period_ = new wxStaticText(this, wxID_ANY, wxString());
    period_->SetFont(period_->GetFont().Bold());
    left->Add(period_, 0, wxBOTTOM, FromDIP(8));
    auto* form = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(this, wxID_ANY, _("Scope")), 0, wxALIGN_CENTER_VERTICAL);
    scope_ = new wxChoice(this, wxID_ANY);
    scope_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { suggest_file(); });
    form->Add(scope_, 1, wxEXPAND);
    form->Add(new wxStaticText(this, wxID_ANY, _("File")), 0, wxALIGN_CENTER_VERTICAL);
    file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Save the report as"), _("Excel workbook (*.xlsx)|*.xlsx"),
                                 wxDefaultPosition, FromDIP(wxSize(420, -1)), wxFLP_SAVE | wxFLP_OVERWRITE_PROMPT | wxFLP_USE_TEXTCTRL);
    form->Add(file_, 1, wxEXPAND);
    left->Add(form, 0, wxEXPAND);
    left->Add(new wxStaticText(this, wxID_ANY, _("Templates")), 0, wxTOP, FromDIP(8));
    templates_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 200)));
    left->Add(templates_, 1, wxEXPAND | wxTOP, FromDIP(4));
    strict_ = new wxCheckBox(this, wxID_ANY, _("Stop when the pre-report check finds problems"));
    left->Add(strict_, 0, wxTOP, FromDIP(6));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* go = new wxButton(this, wxID_EXECUTE, _("&Generate report"));
    go->SetDefault();
    go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { generate(); });
    open_file_ = new wxButton(this, wxID_ANY, _("Open &file"));
    open_folder_ = new wxButton(this, wxID_ANY, _("Open f&older"));
    open_file_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_file(); });
    open_folder_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { open_folder(); });
    open_file_->Disable();
    open_folder_->Disable();
    buttons->Add(go);
    buttons->Add(open_file_, 0, wxLEFT, FromDIP(6));
    buttons->Add(open_folder_, 0, wxLEFT, FromDIP(6));
    left->Add(buttons, 0, wxTOP, FromDIP(10));
    result_ = new wxStaticText(this, wxID_ANY, wxString());
    left->Add(result_, 0, wxEXPAND | wxTOP, FromDIP(6));
    file_link_ = new wxHyperlinkCtrl(this, wxID_ANY, wxS("-"), wxString());
    file_link_->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) { open_file(); });
    file_link_->Hide();
    left->Add(file_link_, 0, wxTOP, FromDIP(4));

    auto* right = new wxBoxSizer(wxVERTICAL);
    findings_label_ = new wxStaticText(this, wxID_ANY, _("Pre-report check (double-click opens the project)"));
    right->Add(findings_label_);
    findings_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    findings_->AppendColumn(_("Finding"), wxLIST_FORMAT_LEFT, FromDIP(520));
    findings_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { activate_finding(e.GetIndex()); });
    right->Add(findings_, 1, wxEXPAND | wxTOP, FromDIP(4));
    right->Add(new wxStaticText(this, wxID_ANY, _("Reports generated")), 0, wxTOP, FromDIP(8));
    runs_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    runs_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(150));
    runs_->AppendColumn(_("Template"), wxLIST_FORMAT_LEFT, FromDIP(120));
    runs_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(70));
    runs_->AppendColumn(_("Scope"), wxLIST_FORMAT_LEFT, FromDIP(90));
    runs_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(300));
    runs_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        wxString file = runs_->GetItemText(e.GetIndex(), 4);
        if (!file.empty()) wxLaunchDefaultApplication(file);
    });
    right->Add(runs_, 1, wxEXPAND | wxTOP, FromDIP(4));

    auto* box = new wxBoxSizer(wxHORIZONTAL);
    box->Add(left, 2, wxEXPAND | wxALL, FromDIP(10));
    box->Add(right, 3, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(box);
}

void ReportPanel::reload() {
    if (!ctx_.db) return;
    period_->SetLabel(wxString::Format(_("Reporting period: %d %s (change it above)"), ctx_.period.year, wx(ctx_.period.label())));
    wxString scope = scope_->GetStringSelection();
    scope_->Clear();
    scope_->Append(_("Whole area"));
    try {
        for (const auto& [id, name] : query::region_names(*ctx_.db)) scope_->Append(wx(name));
        for (const auto& [id, name] : query::zone_names(*ctx_.db)) scope_->Append(wx(name));
    } catch (...) {
    }
    int sel = scope.empty() ? 0 : scope_->FindString(scope, true);
    scope_->SetSelection(sel == wxNOT_FOUND ? 0 : sel);

    if (template_ids_.empty()) {
        try {
            report::TemplateCatalog catalog;
            for (const auto& e : catalog.entries()) {
                if (e.shadowed) continue;
                wxString label = wx(e.id + "  " + e.name);
                if (!e.error.empty()) label << "  [" << _("broken") << ": " << wx(e.error) << "]";
                int i = templates_->Append(label);
                templates_->Check(static_cast<unsigned>(i), e.standard && e.error.empty());
                template_ids_.push_back(e.error.empty() ? e.id : std::string());
            }
        } catch (...) {
            show_current_exception(this, _("Loading the report templates"));
        }
    }
    runs_->DeleteAllItems();
    try {
        for (const auto& r : report::list_report_runs(*ctx_.db, 50)) {
            long i = runs_->InsertItem(runs_->GetItemCount(), wx(r.generated_at.substr(0, 19)));
            runs_->SetItem(i, 1, wx(r.template_id));
            runs_->SetItem(i, 2, wx(r.period));
            runs_->SetItem(i, 3, wx(r.scope));
            runs_->SetItem(i, 4, wx(r.file_path));
        }
    } catch (...) {
    }
    suggest_file();
}

void ReportPanel::suggest_file() {
    wxString dir = wxStandardPaths::Get().GetDocumentsDir();
    if (!file_->GetPath().empty()) dir = wxFileName(file_->GetPath()).GetPath();
    wxString scope = scope_->GetSelection() > 0 ? scope_->GetStringSelection() : _("Whole area");
    file_->SetPath(wxFileName(dir, wxString::Format(_("Investment report %d %s %s.xlsx"), ctx_.period.year,
                                                    wx(ctx_.period.label()), scope)).GetFullPath());
}

bool ReportPanel::activate_finding(long index) {
    auto i = static_cast<std::size_t>(index);
    if (index < 0 || i >= finding_projects_.size() || !finding_projects_[i] || !ctx_.open_project) return false;
    ctx_.open_project(*finding_projects_[i]);
    return true;
}

void ReportPanel::open_file() {
    if (!last_file_.empty() && !wxLaunchDefaultApplication(wx(il::path_utf8(last_file_))))
        ask(this, wxString::Format(_("No program is set up to open %s."), wx(il::path_utf8(last_file_))), _("Reports"),
            wxOK | wxICON_WARNING);
}

void ReportPanel::open_folder() {
    if (last_file_.empty()) return;
    wxString dir = wx(il::path_utf8(last_file_.parent_path()));
    // A folder opens in the file manager: as a document where that works, else as a file:// URL.
    if (!wxLaunchDefaultApplication(dir)) wxLaunchDefaultBrowser(wxFileName::FileNameToURL(wxFileName::DirName(dir)));
}

bool ReportPanel::generate(const wxString& file) {
    if (!ctx_.db) return false;
    report::ReportRequest req;
    for (unsigned i = 0; i < templates_->GetCount(); ++i)
        if (templates_->IsChecked(i) && !template_ids_[i].empty()) req.templates.push_back(template_ids_[i]);
    if (req.templates.empty()) {
        ask(this, _("Check at least one template."), _("Reports"), wxOK | wxICON_INFORMATION);
        return false;
    }
    req.period = ctx_.period;
    req.scope = scope_->GetSelection() > 0 ? utf8(scope_->GetStringSelection()) : std::string();
    req.out = il::u8path(utf8(file.empty() ? file_->GetPath() : file));
    req.strict = strict_->GetValue();
    if (req.out.empty()) {
        file_->SetFocus();
        return false;
    }
    // A workbook of zeros, a blank 填报单位: said before writing, and the user decides.
    try {
        auto warnings = report::report_warnings(*ctx_.db, req.period, req.scope);
        if (!warnings.empty()) {
            wxString text;
            for (const auto& w : warnings) text += wx(w) + "\n\n";
            if (ask(this, text + _("Generate the report anyway?"), _("Reports"), wxYES_NO | wxICON_WARNING) != wxYES)
                return false;
        }
    } catch (...) {
        show_current_exception(this, _("Generating the report"));
        return false;
    }
    report::ReportResult result;
    std::vector<report::CheckFinding> findings;
    bool ok = false;
    last_cancelled_ = false;
    try {
        run_with_progress(this, _("Generating the report"), [&](ProgressSink& progress) {
            // The worker uses the ledger while the modal progress dialog keeps the UI from touching it.
            // With "stop on findings" the report is refused: the findings are listed all the same.
            if (req.strict) findings = report::run_report_checks(*ctx_.db, req.period, req.scope);
            report::TemplateCatalog catalog;
            result = report::generate_report(*ctx_.db, catalog, req, progress);
        });
        ok = true;
        findings = result.findings;
        last_file_ = result.file;
        result_->SetLabel(wxString::Format(_("Written: %s (%zu sheets, %.1f s)"), wx(il::path_utf8(result.file)), result.sheets.size(),
                                           result.seconds));
        file_link_->SetLabel(wx(il::path_utf8(result.file.filename())));
        file_link_->SetURL(wx(il::path_utf8(result.file)));
    } catch (const Cancelled&) {
        last_cancelled_ = true;
        result_->SetLabel(_("Cancelled: no report was written."));
    } catch (...) {
        result_->SetLabel(describe_current_exception());
        show_current_exception(this, _("Generating the report"));
    }
    file_link_->Show(ok);
    open_file_->Enable(ok);
    open_folder_->Enable(ok);
    findings_->DeleteAllItems();
    finding_projects_.clear();
    for (const auto& f : findings) {
        long i = findings_->InsertItem(findings_->GetItemCount(), wx(f.text));
        std::optional<std::int64_t> project;
        if (f.project_id) project = f.project_id;
        else {
            try {
                project = query::project_mentioned(*ctx_.db, f.text);
            } catch (...) {
            }
        }
        if (!project) findings_->SetItemTextColour(i, wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        finding_projects_.push_back(project);
    }
    findings_label_->SetLabel(findings.empty() ? _("Pre-report check: no findings")
                                               : wxString::Format(_("Pre-report check: %zu findings (double-click opens the project)"),
                                                                  findings.size()));
    if (ok) reload();
    Layout();
    return ok;
}

}  // namespace il::gui
