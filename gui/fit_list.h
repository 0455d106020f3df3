#pragma once
// A report-mode list whose columns fit their content: a double-click on a header border fits the
// column left of it (as in Excel and on Windows; GTK's generic list control has no such gesture),
// and fit_column() does the same from code (a menu, the first layout).
#include <wx/listctrl.h>

namespace il::gui {

// Sent (as a wxListEvent with the column in GetColumn()) after a column was fitted, so that the
// owner remembers the new width.
wxDECLARE_EVENT(EVT_LIST_COLUMN_FITTED, wxListEvent);

class FitList : public wxListView {
public:
    FitList(wxWindow* parent, wxWindowID id, long style);

    // The width that shows column `col` whole: its header and its widest cell (of a long list, the
    // longest texts by characters are measured), at most `max_width` (<= 0: no limit).
    int fitted_width(int col, int max_width = -1) const;
    void fit_column(int col);
    // The column whose right border lies within a few pixels of `x` (header coordinates), or -1.
    int border_at(int x) const;
    // The x of column `col`'s right border in header coordinates (the inverse of border_at).
    int border_x(int col) const;
    // The header window (the generic control's), or null where the native control draws it.
    wxWindow* header() const;

private:
    void on_header_dclick(wxMouseEvent& e);
    wxString text_at(long row, int col) const;
};

}  // namespace il::gui
