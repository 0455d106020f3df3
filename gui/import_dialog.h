#pragma once
// Importing an Excel/CSV ledger, step by step in one dialog:
//  1. the file, what it holds (guessed from its headers or a saved preset) and the sheet;
//  2. the column mapping for confirmation — source header → field, with the year and month a
//     column's figures belong to — editable, from a saved preset, and saved as one;
//  3. the values no dictionary knows (an office's own 产业类别 …), with how many rows carry each,
//     and the decision for all of them: reject the rows, add as a new entry, map to an entry
//     (shown only when there are such values; the decisions are saved with the preset);
//  4. the preview: new / changed (old → new) / unchanged / rejected (sheet, row, field, reason),
//     the errors workbook, and the import on a worker thread with progress and Cancel: all or
//     nothing unless "keep the good rows" is chosen.
// The public steps are what the buttons do; the self-test calls them directly.
#include <memory>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/filepicker.h>
#include <wx/simplebook.h>
#include <wx/stattext.h>

#include "gui/app_context.h"
#include "core/import/import_session.h"

namespace il::gui {

using import::ImportSession;  // the session lives in core (core/import/import_session.h)
using import::PreviewLine;

class ImportMappingGrid;
class ImportPreviewList;
class ImportValuesGrid;

class ImportDialog : public wxDialog {
public:
    ImportDialog(wxWindow* parent, AppContext& ctx);

    enum Page { PageFile, PageMapping, PageValues, PagePreview };
    int page() const { return book_->GetSelection(); }

    // Step 1. False (after telling the user) when the file cannot be read.
    bool choose_file(const wxString& path);
    void choose_kind(import::RecordKind kind);
    void choose_sheet(const wxString& sheet);
    // Next / Back: from the file to the mapping, from the mapping to the preview (read on a
    // worker thread, with progress and Cancel). False when the step cannot be taken (said why).
    bool next();
    void back();

    // Step 2.
    ImportMappingGrid* mapping_grid() const { return grid_; }
    bool apply_preset(const wxString& name);
    bool save_preset(const wxString& name);

    // Step 3 (only when values are unknown).
    ImportValuesGrid* values_grid() const { return values_grid_; }

    // Step 4.
    void set_keep_good(bool keep);
    bool save_errors(const wxString& path);
    // Imports on a worker thread. True when it ran to the end (result() says what was written).
    bool import_now();
    bool last_cancelled() const { return last_cancelled_; }
    const import::ImportResult& result() const { return result_; }
    ImportSession& session() { return session_; }

private:
    void build_file_page();
    void build_mapping_page();
    void build_values_page();
    void build_preview_page();
    void show_page(int page);
    void refresh_file_page();
    void refresh_mapping_page();
    void refresh_values_page();
    void refresh_preview_page();
    bool check_file();  // the preview on a worker thread; false when cancelled or failed
    void update_buttons();
    void on_save_preset_button();
    void on_save_errors_button();
    wxStaticText* note_text_for(wxWindow* parent);
    static wxString unrecognised_name_note();  // the sheet's name column must be chosen by hand

    AppContext& ctx_;
    ImportSession session_;
    wxStaticText* step_ = nullptr;
    wxSimplebook* book_ = nullptr;
    // page 1
    wxFilePickerCtrl* file_ = nullptr;
    wxChoice* kind_ = nullptr;
    wxStaticText* kind_note_ = nullptr;
    wxChoice* sheet_ = nullptr;
    wxStaticText* table_note_ = nullptr;
    wxChoice* region_ = nullptr;
    // page 2
    wxChoice* preset_ = nullptr;
    ImportMappingGrid* grid_ = nullptr;
    wxStaticText* mapping_note_ = nullptr;
    // page 3
    ImportValuesGrid* values_grid_ = nullptr;
    wxStaticText* values_note_ = nullptr;
    // page 4
    wxStaticText* counts_ = nullptr;
    wxChoice* filter_ = nullptr;
    ImportPreviewList* list_ = nullptr;
    wxButton* errors_button_ = nullptr;
    wxCheckBox* keep_good_ = nullptr;
    wxStaticText* outcome_ = nullptr;
    // buttons
    wxButton* back_ = nullptr;
    wxButton* next_ = nullptr;
    wxButton* close_ = nullptr;

    bool imported_ = false;
    bool last_cancelled_ = false;
    import::ImportResult result_;
};

}  // namespace il::gui
