#pragma once
// The preview of an import as a virtual list (smooth with tens of thousands of lines): one line
// per new, unchanged or changed record — a changed record with one line per changed cell, old →
// new — and one per reason a row was rejected, with its sheet, row and field. Filtered by status.
#include <vector>

#include <wx/listctrl.h>

#include "core/import/import_session.h"

namespace il::gui {

using import::PreviewLine;  // the import session lives in core (core/import/import_session.h)

class ImportPreviewList : public wxListCtrl {
public:
    explicit ImportPreviewList(wxWindow* parent);
    void set_lines(std::vector<PreviewLine> lines);
    // -1: every status; else a PreviewLine::Status.
    void set_filter(int status);
    std::size_t shown() const { return shown_.size(); }
    const PreviewLine& line(std::size_t shown_index) const { return lines_[shown_[shown_index]]; }
    static wxString status_text(PreviewLine::Status s);

private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;
    void refill();

    std::vector<PreviewLine> lines_;
    std::vector<std::size_t> shown_;
    int filter_ = -1;
    mutable wxItemAttr attr_[4];
};

}  // namespace il::gui
