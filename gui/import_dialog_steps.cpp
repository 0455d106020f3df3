// The import dialog's second and third steps: the column mapping with presets, and the preview
// with the errors workbook and the import itself (see import_dialog.h).
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "gui/error_text.h"
#include "gui/import_dialog.h"
#include "gui/import_mapping_grid.h"
#include "gui/import_preview_list.h"
#include "gui/progress_runner.h"
#include "gui/view_factory.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"

namespace il::gui {

// ---- step 2: the mapping ----

void ImportDialog::build_mapping_page() {
    auto* p = new wxPanel(book_);
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(p, wxID_ANY,
                              _("Each column of the file and the ledger field it goes to, with the year and month its figures "
                                "belong to. Correct what is wrong; columns set to \"(not imported)\" are left out."));
    intro->Wrap(FromDIP(1000));
    box->Add(intro, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(p, wxID_ANY, _("Preset")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    preset_ = new wxChoice(p, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(260, -1)));
    preset_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        if (preset_->GetSelection() <= 0) {
            session_.map_automatically();
            refresh_mapping_page();
        } else {
            apply_preset(preset_->GetStringSelection());
        }
    });
    row->Add(preset_, 0, wxALIGN_CENTER_VERTICAL);
    auto* save = new wxButton(p, wxID_ANY, _("&Save as preset..."));
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_save_preset_button(); });
    row->Add(save, 0, wxLEFT | wxALIGN_CENTER_VERTICAL, FromDIP(10));
    box->Add(row, 0, wxBOTTOM, FromDIP(8));
    grid_ = new ImportMappingGrid(p);
    box->Add(grid_, 1, wxEXPAND);
    mapping_note_ = note_text_for(p);
    box->Add(mapping_note_, 0, wxEXPAND | wxTOP, FromDIP(6));
    p->SetSizer(box);
    book_->AddPage(p, wxString());
}

wxString ImportDialog::unrecognised_name_note() {
    return _("The project name column was not recognised automatically: please choose it in the table below.");
}

wxStaticText* ImportDialog::note_text_for(wxWindow* parent) {
    auto* t = new wxStaticText(parent, wxID_ANY, wxString());
    t->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    return t;
}

void ImportDialog::refresh_mapping_page() {
    preset_->Clear();
    preset_->Append(_("(automatic mapping)"));
    preset_->SetSelection(0);
    try {
        for (const auto& pr : session_.presets()) {
            int i = preset_->Append(wx(pr.name));
            if (pr.name == session_.preset_name()) preset_->SetSelection(i);
        }
    } catch (...) {
    }
    grid_->set_mapping(session_.mapping());
    wxString note;
    if (!session_.preset_name().empty())
        note = wxString::Format(_("Mapping from the preset \"%s\"."), wx(session_.preset_name()));
    else
        note = _("Mapped automatically from the header names.");
    mapping_note_->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
    if (session_.needs_confirmation()) {
        note = unrecognised_name_note();
        mapping_note_->SetForegroundColour(wxColour(0xb7, 0x1c, 0x1c));
    }
    mapping_note_->SetLabel(note);
    book_->GetPage(PageMapping)->Layout();
}

bool ImportDialog::apply_preset(const wxString& name) {
    try {
        for (const auto& pr : session_.presets())
            if (wx(pr.name) == name) {
                session_.use_preset(pr);
                refresh_mapping_page();
                return true;
            }
    } catch (...) {
        show_current_exception(this, _("Applying the preset"));
    }
    return false;
}

bool ImportDialog::save_preset(const wxString& name) {
    auto problems = grid_->read_into(session_.mapping());
    if (!problems.empty()) {
        ask(this, problems.front(), _("Save as preset"), wxOK | wxICON_WARNING);
        return false;
    }
    try {
        session_.save_preset(utf8(name));
    } catch (...) {
        show_current_exception(this, _("Save as preset"));
        return false;
    }
    refresh_mapping_page();
    mapping_note_->SetLabel(wxString::Format(_("Saved as the preset \"%s\": files with this header will be mapped the same way."), name));
    return true;
}

void ImportDialog::on_save_preset_button() {
    wxString suggestion = session_.preset_name().empty() ? wxFileName(wx(il::path_utf8(session_.file()))).GetName()
                                                         : wx(session_.preset_name());
    wxTextEntryDialog dlg(this, _("Name of the preset (a name already used is replaced):"), _("Save as preset"), suggestion);
    if (dlg.ShowModal() == wxID_OK && !dlg.GetValue().Trim().empty()) save_preset(dlg.GetValue().Trim());
}

// ---- step 3: preview and import ----

void ImportDialog::build_preview_page() {
    auto* p = new wxPanel(book_);
    auto* box = new wxBoxSizer(wxVERTICAL);
    counts_ = new wxStaticText(p, wxID_ANY, wxString());
    counts_->SetFont(counts_->GetFont().Bold());
    box->Add(counts_, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(p, wxID_ANY, _("Show")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    filter_ = new wxChoice(p, wxID_ANY);
    filter_->Append(_("All"));
    for (auto s : {PreviewLine::New, PreviewLine::Changed, PreviewLine::Unchanged, PreviewLine::Rejected})
        filter_->Append(ImportPreviewList::status_text(s));
    filter_->SetSelection(0);
    filter_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { list_->set_filter(filter_->GetSelection() - 1); });
    row->Add(filter_, 0, wxALIGN_CENTER_VERTICAL);
    errors_button_ = new wxButton(p, wxID_ANY, _("Save the &errors workbook..."));
    errors_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_save_errors_button(); });
    row->AddStretchSpacer();
    row->Add(errors_button_, 0, wxALIGN_CENTER_VERTICAL);
    box->Add(row, 0, wxEXPAND | wxBOTTOM, FromDIP(6));
    list_ = new ImportPreviewList(p);
    box->Add(list_, 1, wxEXPAND);
    keep_good_ = new wxCheckBox(p, wxID_ANY, _("&Keep the good rows: import them and leave the rejected rows out"));
    keep_good_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { session_.keep_good = keep_good_->GetValue(); });
    box->Add(keep_good_, 0, wxTOP, FromDIP(8));
    outcome_ = note_text_for(p);
    box->Add(outcome_, 0, wxEXPAND | wxTOP, FromDIP(6));
    p->SetSizer(box);
    book_->AddPage(p, wxString());
}

void ImportDialog::refresh_preview_page() {
    const auto& r = session_.preview_result();
    wxString text = wxString::Format(_("New: %d   Changed: %d   Unchanged: %d   Rejected: %d"), r.added, r.updated, r.unchanged,
                                     r.rejected);
    if (session_.plan().skipped_rows > 0) text << "   " << wxString::Format(_("(%d rows skipped: totals, labels, footer)"),
                                                                         session_.plan().skipped_rows);
    counts_->SetLabel(text);
    list_->set_lines(session_.preview_lines());
    list_->set_filter(filter_->GetSelection() - 1);
    errors_button_->Enable(r.rejected > 0);
    keep_good_->SetValue(session_.keep_good);
    keep_good_->Enable(!imported_);
    if (!imported_) {
        wxString what = r.rejected == 0 ? _("Nothing has been written yet. Import writes all of these rows in one go.")
                                        : _("Nothing has been written yet. Rows are rejected: without \"Keep the good rows\" "
                                            "nothing is imported (all or nothing); save the errors workbook to correct them.");
        outcome_->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
        outcome_->SetLabel(what);
    }
    outcome_->Wrap(FromDIP(980));
    book_->GetPage(PagePreview)->Layout();
}

void ImportDialog::set_keep_good(bool keep) {
    keep_good_->SetValue(keep);
    session_.keep_good = keep;
}

bool ImportDialog::save_errors(const wxString& path) {
    try {
        session_.save_errors(il::u8path(utf8(path)));
        outcome_->SetLabel(wxString::Format(_("Errors workbook saved: %s"), path));
        return true;
    } catch (...) {
        show_current_exception(this, _("Saving the errors workbook"));
        return false;
    }
}

void ImportDialog::on_save_errors_button() {
    wxFileName name(wx(il::path_utf8(session_.file())));
    wxFileDialog dlg(this, _("Save the errors workbook"), name.GetPath(), name.GetName() + _("-errors") + ".xlsx",
                     _("Excel workbook (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() == wxID_OK) save_errors(dlg.GetPath());
}

bool ImportDialog::import_now() {
    if (page() != PagePreview || imported_) return false;
    const auto& r = session_.preview_result();
    if (r.rejected > 0 && !session_.keep_good) {
        ask(this, wxString::Format(_("%d rows are rejected. An import is all or nothing: tick \"Keep the good rows\" to import the "
                                     "others, or correct the rows (save the errors workbook) and import again."), r.rejected),
            _("Import"), wxOK | wxICON_INFORMATION);
        return false;
    }
    if (r.added + r.updated == 0) {
        ask(this, _("Nothing to import: the file holds no new or changed records."), _("Import"), wxOK | wxICON_INFORMATION);
        return false;
    }
    last_cancelled_ = false;
    try {
        run_with_progress(this, _("Importing"), [&](ProgressSink& p) { result_ = session_.run(p); });
    } catch (const Cancelled&) {
        last_cancelled_ = true;
        outcome_->SetForegroundColour(wxColour(0xb7, 0x1c, 0x1c));
        outcome_->SetLabel(_("Cancelled: nothing was written."));
        return false;
    } catch (...) {
        show_current_exception(this, _("Importing"));
        return false;
    }
    imported_ = result_.written;
    refresh_preview_page();
    wxString text;
    if (result_.written) {
        text = wxString::Format(_("Imported: %d new, %d updated, %d unchanged, %d rejected."), result_.added, result_.updated,
                                result_.unchanged, result_.rejected);
        if (result_.backup) text << " " << wxString::Format(_("A backup of the ledger from before the import: %s"),
                                                           wx(result_.backup->string()));
        outcome_->SetForegroundColour(wxColour(0x1b, 0x7a, 0x2f));
    } else {
        text = _("Nothing was written.") + " " + wx(result_.message);
        outcome_->SetForegroundColour(wxColour(0xb7, 0x1c, 0x1c));
    }
    outcome_->SetLabel(text);
    outcome_->Wrap(FromDIP(980));
    book_->GetPage(PagePreview)->Layout();
    update_buttons();
    if (result_.written && ctx_.data_changed) ctx_.data_changed();
    return result_.written;
}

void run_import_dialog(wxWindow* parent, AppContext& ctx) {
    if (!ctx.db) return;
    ImportDialog dlg(parent, ctx);
    dlg.ShowModal();
}

}  // namespace il::gui
