#include "gui/import_preview_list.h"

#include "gui/wx_util.h"

namespace il::gui {

ImportPreviewList::ImportPreviewList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES) {
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(70));
    AppendColumn(_("Sheet"), wxLIST_FORMAT_LEFT, FromDIP(90));
    AppendColumn(_("Row"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(220));
    AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(130));
    AppendColumn(_("New value / reason"), wxLIST_FORMAT_LEFT, FromDIP(300));
    attr_[PreviewLine::New].SetTextColour(wxColour(0x1b, 0x7a, 0x2f));
    attr_[PreviewLine::Changed].SetTextColour(wxColour(0x15, 0x56, 0xb0));
    attr_[PreviewLine::Unchanged].SetTextColour(wxColour(0x70, 0x70, 0x70));
    attr_[PreviewLine::Rejected].SetTextColour(wxColour(0xb7, 0x1c, 0x1c));
}

wxString ImportPreviewList::status_text(PreviewLine::Status s) {
    switch (s) {
        case PreviewLine::New: return _("New");
        case PreviewLine::Changed: return _("Changed");
        case PreviewLine::Unchanged: return _("Unchanged");
        case PreviewLine::Rejected: return _("Rejected");
    }
    return {};
}

void ImportPreviewList::set_lines(std::vector<PreviewLine> lines) {
    lines_ = std::move(lines);
    refill();
}

void ImportPreviewList::set_filter(int status) {
    filter_ = status;
    refill();
}

void ImportPreviewList::refill() {
    shown_.clear();
    for (std::size_t i = 0; i < lines_.size(); ++i)
        if (filter_ < 0 || lines_[i].status == filter_) shown_.push_back(i);
    SetItemCount(static_cast<long>(shown_.size()));
    Refresh();
}

wxString ImportPreviewList::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= shown_.size()) return {};
    const PreviewLine& l = lines_[shown_[static_cast<std::size_t>(item)]];
    switch (column) {
        case 0: return status_text(l.status);
        case 1: return wx(l.sheet);
        case 2: return wxString::Format("%d", l.row);
        case 3: return wx(l.record);
        case 4: return wx(l.field);
        case 5: return wx(l.old_value);
        case 6: return wx(l.new_value);
        default: return {};
    }
}

wxItemAttr* ImportPreviewList::OnGetItemAttr(long item) const {
    if (item < 0 || static_cast<std::size_t>(item) >= shown_.size()) return nullptr;
    return &attr_[lines_[shown_[static_cast<std::size_t>(item)]].status];
}

}  // namespace il::gui
