#pragma once
// The column mapping of an import in an editable grid: one row per column of the file — its
// letter and header text, the ledger field it goes to (a choice; "not imported" allowed), the
// year and month its figures belong to, the unit its amounts are written in, and the note the
// automatic mapping left. The user confirms or corrects it before anything is read.
#include <string>
#include <vector>

#include <wx/grid.h>

#include "core/import/column_mapping.h"

namespace il::gui {

class ImportMappingGrid : public wxGrid {
public:
    explicit ImportMappingGrid(wxWindow* parent);

    // Shows `mapping` (of its kind's fields).
    void set_mapping(const import::Mapping& mapping);
    // Writes the grid back into `mapping` (the one given to set_mapping, with its columns in the
    // same order). Returns the problems found in the cells (a year that is not a year …), in the
    // user's language; empty when every cell is fine. Bad cells are marked.
    std::vector<wxString> read_into(import::Mapping& mapping);

    // For the self-test: the row of the file column whose header contains `text` (-1: none), and
    // setting a row's field by its key ("" = not imported).
    int row_with_header(const std::string& text) const;
    void set_field(int row, const std::string& key);

private:
    enum Col { ColLetter, ColHeader, ColField, ColYear, ColMonth, ColUnit, ColNote, ColCount };
    void style_row(int row);

    std::vector<std::string> keys_;      // field keys in the order of the choice ("" first)
    wxArrayString labels_;               // their labels
    std::vector<std::string> headers_;
};

}  // namespace il::gui
