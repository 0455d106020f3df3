#pragma once
// The values of dictionary fields that the dictionaries do not know (an office's own 产业类别, a
// zone the city has not listed …), one row per value with how many rows carry it, and the user's
// decision for all of them at once: reject those rows, add the value as a new entry, or map it
// to an existing entry. The session (core/import/import_session.h) holds the decisions and saves
// them with the preset.
#include <string>
#include <vector>

#include <wx/grid.h>

#include "core/import/import_session.h"

namespace il::gui {

class ImportValuesGrid : public wxGrid {
public:
    explicit ImportValuesGrid(wxWindow* parent);

    // Shows the session's table of unknown values with the decisions taken so far.
    void set_session(const import::ImportSession& session);
    // Writes every row's decision into the session.
    void read_into(import::ImportSession& session);

    // For the self-test: the row of a value (-1: none) and choosing its decision by text
    // ("" = reject, "+" = add, else the entry to map to).
    int row_of(const std::string& field, const std::string& value) const;
    void choose(int row, const std::string& decision);

private:
    enum Col { ColField, ColValue, ColCount, ColFirst, ColDecision, ColColumns };
    struct RowInfo {
        std::string field, value;
        std::vector<std::string> targets;
        bool can_add = false;
    };
    std::vector<RowInfo> rows_;
    wxArrayString choices_for(const RowInfo& r) const;
};

}  // namespace il::gui
