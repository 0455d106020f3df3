#include "gui/import_values_grid.h"

#include "gui/wx_util.h"

namespace il::gui {
using import::ImportSession;

namespace {
wxString reject_text() { return _("Reject these rows"); }
wxString add_text() { return _("Add as a new entry"); }
wxString map_text(const std::string& target) { return wxString::Format(_("Map to: %s"), wx(target)); }
}  // namespace

ImportValuesGrid::ImportValuesGrid(wxWindow* parent) : wxGrid(parent, wxID_ANY) {
    CreateGrid(0, ColColumns);
    SetColLabelValue(ColField, _("Field"));
    SetColLabelValue(ColValue, _("Value in the file"));
    SetColLabelValue(ColCount, _("Rows"));
    SetColLabelValue(ColFirst, _("First seen"));
    SetColLabelValue(ColDecision, _("What to do"));
    const int widths[] = {110, 240, 60, 150, 300};
    for (int c = 0; c < ColColumns; ++c) SetColSize(c, FromDIP(widths[c]));
    HideRowLabels();
    SetDefaultRowSize(FromDIP(24), true);
    SetColLabelSize(FromDIP(26));
    EnableDragRowSize(false);
}

wxArrayString ImportValuesGrid::choices_for(const RowInfo& r) const {
    wxArrayString c;
    c.Add(reject_text());
    if (r.can_add) c.Add(add_text());
    for (const auto& t : r.targets) c.Add(map_text(t));
    return c;
}

void ImportValuesGrid::set_session(const ImportSession& s) {
    if (GetNumberRows() > 0) DeleteRows(0, GetNumberRows());
    rows_.clear();
    for (const auto& u : s.value_table()) {
        RowInfo info;
        info.field = u.field;
        info.value = u.value;
        info.can_add = import::can_add_entries(u.field);
        try {
            info.targets = s.value_targets(u.field);
        } catch (...) {
        }
        rows_.push_back(std::move(info));
    }
    AppendRows(static_cast<int>(rows_.size()));
    const auto& table = s.value_table();
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r) {
        const auto& u = table[static_cast<std::size_t>(r)];
        const RowInfo& info = rows_[static_cast<std::size_t>(r)];
        SetCellValue(r, ColField, wx(import::decision_field_label(u.field)));
        SetCellValue(r, ColValue, wx(u.value));
        SetCellValue(r, ColCount, wxString::Format("%d", u.count));
        SetCellValue(r, ColFirst, wx(u.first_sheet) + " " + wxString::Format(_("row %d"), u.first_row));
        std::string target;
        switch (s.decision(u.field, u.value, &target)) {
            case ImportSession::ValueAction::Reject: SetCellValue(r, ColDecision, reject_text()); break;
            case ImportSession::ValueAction::Add: SetCellValue(r, ColDecision, add_text()); break;
            case ImportSession::ValueAction::Map: SetCellValue(r, ColDecision, map_text(target)); break;
        }
        SetCellEditor(r, ColDecision, new wxGridCellChoiceEditor(choices_for(info)));
        for (int c : {ColField, ColValue, ColCount, ColFirst}) {
            SetReadOnly(r, c);
            SetCellBackgroundColour(r, c, wxColour(245, 245, 245));
        }
        SetCellAlignment(r, ColCount, wxALIGN_RIGHT, wxALIGN_CENTER);
    }
    ForceRefresh();
}

void ImportValuesGrid::read_into(ImportSession& s) {
    if (IsCellEditControlEnabled()) SaveEditControlValue();
    for (int r = 0; r < static_cast<int>(rows_.size()); ++r) {
        const RowInfo& info = rows_[static_cast<std::size_t>(r)];
        const wxString d = GetCellValue(r, ColDecision);
        if (d == add_text()) {
            s.decide(info.field, info.value, ImportSession::ValueAction::Add);
            continue;
        }
        bool mapped = false;
        for (const auto& t : info.targets)
            if (d == map_text(t)) {
                s.decide(info.field, info.value, ImportSession::ValueAction::Map, t);
                mapped = true;
                break;
            }
        if (!mapped) s.decide(info.field, info.value, ImportSession::ValueAction::Reject);
    }
}

int ImportValuesGrid::row_of(const std::string& field, const std::string& value) const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].field == field && rows_[r].value == value) return static_cast<int>(r);
    return -1;
}

void ImportValuesGrid::choose(int row, const std::string& decision) {
    if (row < 0 || row >= GetNumberRows()) return;
    if (decision.empty()) SetCellValue(row, ColDecision, reject_text());
    else if (decision == "+") SetCellValue(row, ColDecision, add_text());
    else SetCellValue(row, ColDecision, map_text(decision));
}

}  // namespace il::gui
