#include "gui/import_dialog.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "core/import/sheet_layout.h"
#include "core/query/name_lists.h"
#include "gui/error_text.h"
#include "gui/import_mapping_grid.h"
#include "gui/import_preview_list.h"
#include "gui/import_values_grid.h"
#include "gui/progress_runner.h"
#include "gui/view_factory.h"
#include "gui/wx_util.h"

namespace il::gui {
using import::RecordKind;

ImportDialog::ImportDialog(wxWindow* parent, AppContext& ctx)
    : wxDialog(parent, wxID_ANY, _("Import a ledger"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx),
      session_(*ctx.db) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    step_ = new wxStaticText(this, wxID_ANY, wxString());
    step_->SetFont(step_->GetFont().Bold().Larger());
    top->Add(step_, 0, wxALL, FromDIP(10));
    book_ = new wxSimplebook(this);
    build_file_page();
    build_mapping_page();
    build_values_page();
    build_preview_page();
    top->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    close_ = new wxButton(this, wxID_CANCEL, _("Cancel"));
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { back(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (page() == PagePreview) import_now();
        else next();
    });
    close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (IsModal()) EndModal(imported_ ? wxID_OK : wxID_CANCEL);
        else Hide();
    });
    buttons->AddStretchSpacer();
    buttons->Add(back_);
    buttons->Add(next_, 0, wxLEFT, FromDIP(6));
    buttons->Add(close_, 0, wxLEFT, FromDIP(18));
    top->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizer(top);
    SetSize(FromDIP(wxSize(1060, 680)));
    SetMinSize(FromDIP(wxSize(760, 480)));
    CentreOnParent();
    show_page(PageFile);
}

// ---- step 1: file, kind, sheet ----

void ImportDialog::build_file_page() {
    auto* p = new wxPanel(book_);
    auto* form = new wxFlexGridSizer(2, FromDIP(10), FromDIP(10));
    form->AddGrowableCol(1);
    form->Add(new wxStaticText(p, wxID_ANY, _("File")), 0, wxALIGN_CENTER_VERTICAL);
    file_ = new wxFilePickerCtrl(p, wxID_ANY, wxString(), _("Import a ledger"),
                                 _("Spreadsheets (*.xlsx;*.xls;*.csv)|*.xlsx;*.xls;*.csv|All files|*"), wxDefaultPosition,
                                 FromDIP(wxSize(560, -1)), wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
    file_->Bind(wxEVT_FILEPICKER_CHANGED, [this](wxFileDirPickerEvent& e) { choose_file(e.GetPath()); });
    form->Add(file_, 1, wxEXPAND);
    form->Add(new wxStaticText(p, wxID_ANY, _("The file holds")), 0, wxALIGN_CENTER_VERTICAL);
    auto* kind_row = new wxBoxSizer(wxHORIZONTAL);
    kind_ = new wxChoice(p, wxID_ANY);
    kind_->Append(_("Projects over 100M"));
    kind_->Append(_("Technical renovation"));
    kind_->Append(_("Investment attraction"));
    kind_->SetSelection(0);
    kind_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choose_kind(static_cast<RecordKind>(kind_->GetSelection())); });
    kind_row->Add(kind_, 0, wxALIGN_CENTER_VERTICAL);
    kind_note_ = note_text_for(p);
    kind_row->Add(kind_note_, 1, wxLEFT | wxALIGN_CENTER_VERTICAL, FromDIP(10));
    form->Add(kind_row, 1, wxEXPAND);
    form->Add(new wxStaticText(p, wxID_ANY, _("Sheet")), 0, wxALIGN_CENTER_VERTICAL);
    sheet_ = new wxChoice(p, wxID_ANY);
    sheet_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choose_sheet(sheet_->GetStringSelection()); });
    form->Add(sheet_, 0, wxEXPAND);
    form->AddSpacer(0);
    table_note_ = note_text_for(p);
    form->Add(table_note_, 1, wxEXPAND);
    form->Add(new wxStaticText(p, wxID_ANY, _("Region of every row")), 0, wxALIGN_CENTER_VERTICAL);
    region_ = new wxChoice(p, wxID_ANY);
    region_->Append(_("(as given in the file)"));
    try {
        for (const auto& [id, name] : query::region_names(*ctx_.db)) region_->Append(wx(name));
    } catch (...) {
    }
    region_->SetSelection(0);
    region_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        session_.fixed_region = region_->GetSelection() > 0 ? utf8(region_->GetStringSelection()) : std::string();
    });
    form->Add(region_, 0);
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(p, wxID_ANY,
                              _("Choose an Excel or CSV ledger (.xlsx, .xls, .csv). Title rows, two-row headers, total and "
                                "subtotal rows, group labels and signature lines are recognised and skipped."));
    intro->Wrap(FromDIP(1000));
    box->Add(intro, 0, wxEXPAND | wxBOTTOM, FromDIP(14));
    box->Add(form, 0, wxEXPAND);
    p->SetSizer(box);
    book_->AddPage(p, wxString());
}

bool ImportDialog::choose_file(const wxString& path) {
    if (file_->GetPath() != path) file_->SetPath(path);
    bool ok = false;
    try {
        const std::filesystem::path file(utf8(path));
        run_with_progress(this, _("Reading the file"), [&](ProgressSink&) { session_.load(file); }, false);
        ok = true;
    } catch (...) {
        show_current_exception(this, _("Reading the file"));
    }
    imported_ = false;
    refresh_file_page();
    return ok;
}

void ImportDialog::choose_kind(RecordKind kind) {
    if (!session_.loaded()) return;
    try {
        session_.set_kind(kind);
    } catch (...) {
        show_current_exception(this, _("Import"));
    }
    refresh_file_page();
}

void ImportDialog::choose_sheet(const wxString& sheet) {
    if (!session_.loaded()) return;
    try {
        session_.set_sheet(utf8(sheet));
    } catch (...) {
        show_current_exception(this, _("Import"));
    }
    refresh_file_page();
}

void ImportDialog::refresh_file_page() {
    sheet_->Clear();
    kind_note_->SetLabel(wxString());
    table_note_->SetLabel(wxString());
    if (session_.loaded()) {
        for (const auto& s : session_.sheet_names()) sheet_->Append(wx(s));
        sheet_->SetStringSelection(wx(session_.sheet()));
        kind_->SetSelection(static_cast<int>(session_.kind()));
        switch (session_.kind_source()) {
            case ImportSession::KindSource::Headers: kind_note_->SetLabel(_("guessed from the column headers")); break;
            case ImportSession::KindSource::Preset:
                kind_note_->SetLabel(wxString::Format(_("from the preset \"%s\" saved for this layout"), wx(session_.kind_preset())));
                break;
            case ImportSession::KindSource::Default:
                kind_note_->SetLabel(_("could not tell from the headers: please choose"));
                break;
            case ImportSession::KindSource::User: break;
        }
        if (const auto& l = session_.layout()) {
            int mapped = 0;
            for (const auto& b : session_.mapping().columns) mapped += b.field.empty() ? 0 : 1;
            wxString text = l->header_last > l->header_first
                                ? wxString::Format(_("Header in rows %d-%d, data from row %d."), l->header_first + 1,
                                                   l->header_last + 1, l->data_first + 1)
                                : wxString::Format(_("Header in row %d, data from row %d."), l->header_first + 1, l->data_first + 1);
            text << " " << wxString::Format(_("%d of %zu columns recognised."), mapped, l->columns.size());
            if (!l->title.empty()) text << "\n" << _("Title:") << " " << wx(l->title);
            if (session_.needs_confirmation()) text << "\n" << unrecognised_name_note();
            table_note_->SetForegroundColour(wxColour(0x55, 0x55, 0x55));
            table_note_->SetLabel(text);
        } else {
            table_note_->SetForegroundColour(wxColour(0xb7, 0x1c, 0x1c));
            table_note_->SetLabel(_("No table header was found on this sheet for this kind of records: a header row with the "
                                    "project name column and at least one other known column is needed."));
        }
    }
    table_note_->Wrap(FromDIP(640));
    book_->GetPage(PageFile)->Layout();
    update_buttons();
}

// ---- navigation ----

void ImportDialog::show_page(int p) {
    book_->ChangeSelection(static_cast<std::size_t>(p));
    static const char* const titles[] = {wxTRANSLATE("Choose the file"), wxTRANSLATE("Confirm the columns"),
                                         wxTRANSLATE("Values not in the dictionaries"), wxTRANSLATE("Check and import")};
    step_->SetLabel(wxString::Format(_("Step %d of 4: %s"), p + 1, wxGetTranslation(titles[p])));
    if (p == PageMapping) refresh_mapping_page();
    if (p == PageValues) refresh_values_page();
    if (p == PagePreview) refresh_preview_page();
    update_buttons();
    Layout();
}

void ImportDialog::update_buttons() {
    const int p = page();
    back_->Enable(p > PageFile && !imported_);
    next_->SetLabel(p == PagePreview ? _("&Import") : _("&Next >"));
    bool can = p == PageFile ? session_.loaded() && session_.layout().has_value() : !imported_;
    next_->Enable(can);
    close_->SetLabel(imported_ ? _("Close") : _("Cancel"));
}

bool ImportDialog::next() {
    if (page() == PageFile) {
        if (!session_.loaded() || !session_.layout()) return false;
        show_page(PageMapping);
        return true;
    }
    if (page() == PageValues) {
        try {
            values_grid_->read_into(session_);
        } catch (...) {
            show_current_exception(this, _("Import"));
            return false;
        }
        if (!check_file()) return false;
        show_page(PagePreview);
        return true;
    }
    if (page() != PageMapping) return false;
    // Confirm the mapping, then read every row with it and try the writes (nothing kept).
    auto problems = grid_->read_into(session_.mapping());
    for (const auto& p : session_.mapping().problems()) problems.push_back(wx(p));
    if (!problems.empty()) {
        wxString text;
        for (const auto& p : problems) text << p << "\n";
        mapping_note_->SetForegroundColour(wxColour(0xb7, 0x1c, 0x1c));
        mapping_note_->SetLabel(text.Trim());
        book_->GetPage(PageMapping)->Layout();
        ask(this, _("The columns cannot be imported like this:") + "\n" + text, _("Import"), wxOK | wxICON_WARNING);
        return false;
    }
    if (!check_file()) return false;
    // Values no dictionary knows: decided on their own page first
    show_page(session_.value_table().empty() ? PagePreview : PageValues);
    return true;
}

bool ImportDialog::check_file() {
    last_cancelled_ = false;
    try {
        run_with_progress(this, _("Checking the file"), [&](ProgressSink& p) { session_.preview(p); });
    } catch (const Cancelled&) {
        last_cancelled_ = true;
        return false;
    } catch (...) {
        show_current_exception(this, _("Checking the file"));
        return false;
    }
    return true;
}

void ImportDialog::back() {
    if (page() <= PageFile || imported_) return;
    if (page() == PagePreview && session_.value_table().empty()) show_page(PageMapping);
    else show_page(page() - 1);
}

}  // namespace il::gui
