// The import dialog's values step: the values of dictionary fields no entry knows, decided once
// for all their rows (see import_dialog.h, gui/import_values_grid.h).
#include <wx/sizer.h>

#include "gui/import_dialog.h"
#include "gui/import_values_grid.h"
#include "gui/wx_util.h"

namespace il::gui {

void ImportDialog::build_values_page() {
    auto* p = new wxPanel(book_);
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        p, wxID_ANY,
        _("These values are not in the dictionaries. Decide once for all the rows that carry each: map it to an existing "
          "entry, add it as a new entry, or reject those rows. The decisions are saved with the import preset, so the next "
          "file of this layout needs no questions."));
    intro->Wrap(FromDIP(1000));
    box->Add(intro, 0, wxEXPAND | wxBOTTOM, FromDIP(8));
    values_grid_ = new ImportValuesGrid(p);
    box->Add(values_grid_, 1, wxEXPAND);
    values_note_ = note_text_for(p);
    box->Add(values_note_, 0, wxEXPAND | wxTOP, FromDIP(6));
    p->SetSizer(box);
    book_->AddPage(p, wxString());
}

void ImportDialog::refresh_values_page() {
    values_grid_->set_session(session_);
    int rows = 0;
    for (const auto& u : session_.value_table()) rows += u.count;
    values_note_->SetLabel(wxString::Format(_("%zu values, in %d rows."), session_.value_table().size(), rows) + " " +
                           (session_.preset_name().empty()
                                ? _("Save the mapping as a preset to keep these decisions.")
                                : wxString::Format(_("Kept with the preset \"%s\" when the import is written."),
                                                   wx(session_.preset_name()))));
    book_->GetPage(PageValues)->Layout();
}

}  // namespace il::gui
