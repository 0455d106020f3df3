#include "gui/import_mapping_grid.h"

#include <wx/settings.h>

#include "core/import/field_catalog.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {

const char* const kUnits[] = {"万元", "亿元", "元", "万美元"};

std::string letters(int col) {
    std::string s;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

// An integer cell: empty -> nullopt; else the number, or `bad` set.
std::optional<int> read_int(const wxString& text, bool* bad) {
    wxString t = text;
    t.Trim(true).Trim(false);
    if (t.empty()) return std::nullopt;
    long v = 0;
    if (!t.ToLong(&v)) {
        *bad = true;
        return std::nullopt;
    }
    return static_cast<int>(v);
}

}  // namespace

ImportMappingGrid::ImportMappingGrid(wxWindow* parent) : wxGrid(parent, wxID_ANY) {
    CreateGrid(0, ColCount);
    SetColLabelValue(ColLetter, _("Column"));
    SetColLabelValue(ColHeader, _("Header in the file"));
    SetColLabelValue(ColField, _("Field in the ledger"));
    SetColLabelValue(ColYear, _("Year"));
    SetColLabelValue(ColMonth, _("Month"));
    SetColLabelValue(ColUnit, _("Unit"));
    SetColLabelValue(ColNote, _("Note"));
    const int widths[] = {50, 260, 170, 60, 60, 70, 260};
    for (int c = 0; c < ColCount; ++c) SetColSize(c, FromDIP(widths[c]));
    HideRowLabels();
    SetDefaultRowSize(FromDIP(24), true);
    SetColLabelSize(FromDIP(26));
    EnableDragRowSize(false);
    // The note column takes the width that is left.
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        int used = 0;
        for (int c = 0; c < ColNote; ++c) used += GetColSize(c);
        int rest = GetClientSize().x - used - FromDIP(4);
        if (rest > FromDIP(160)) SetColSize(ColNote, rest);
    });
    Bind(wxEVT_GRID_CELL_CHANGED, [this](wxGridEvent& e) {
        style_row(e.GetRow());
        e.Skip();
    });
}

void ImportMappingGrid::set_mapping(const import::Mapping& m) {
    keys_ = {""};
    labels_.clear();
    labels_.Add(_("(not imported)"));
    for (const auto& f : import::field_catalog()) {
        if (!(f.kinds & import::kind_bit(m.kind)) || f.type == import::ValueType::Ignore) continue;
        if (f.period == import::PeriodRole::Completed) continue;  // resolved to ytd / month
        keys_.emplace_back(f.key);
        labels_.Add(wx(std::string(f.label)));
    }
    if (GetNumberRows() > 0) DeleteRows(0, GetNumberRows());
    AppendRows(static_cast<int>(m.columns.size()));
    headers_.clear();
    wxArrayString units;
    for (const char* u : kUnits) units.Add(wxString::FromUTF8(u));
    for (int r = 0; r < static_cast<int>(m.columns.size()); ++r) {
        const auto& b = m.columns[static_cast<std::size_t>(r)];
        headers_.push_back(b.header);
        SetCellValue(r, ColLetter, wx(letters(b.col)));
        SetCellValue(r, ColHeader, wx(b.header));
        int k = 0;
        for (std::size_t i = 0; i < keys_.size(); ++i)
            if (keys_[i] == b.field) k = static_cast<int>(i);
        if (k == 0 && !b.field.empty()) {  // a field the choice does not list (kept as it is)
            keys_.push_back(b.field);
            labels_.Add(wx(b.field));
            k = static_cast<int>(keys_.size() - 1);
        }
        SetCellValue(r, ColField, labels_[static_cast<std::size_t>(k)]);
        SetCellEditor(r, ColField, new wxGridCellChoiceEditor(labels_));
        SetCellValue(r, ColYear, b.year ? wxString::Format("%d", *b.year) : wxString());
        SetCellValue(r, ColMonth, b.month ? wxString::Format("%d", *b.month) : wxString());
        SetCellValue(r, ColUnit, wx(import::unit_name(b.unit, b.usd)));
        SetCellEditor(r, ColUnit, new wxGridCellChoiceEditor(units));
        SetCellValue(r, ColNote, wx(b.note));
        for (int c : {ColLetter, ColHeader, ColNote}) SetReadOnly(r, c);
        style_row(r);
    }
}

void ImportMappingGrid::style_row(int r) {
    const bool imported = GetCellValue(r, ColField) != labels_[0];
    const wxColour text = imported ? GetDefaultCellTextColour() : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    for (int c = 0; c < ColCount; ++c) {
        SetCellTextColour(r, c, text);
        SetCellBackgroundColour(r, c, c == ColLetter || c == ColHeader || c == ColNote ? wxColour(245, 245, 245) : *wxWHITE);
    }
    SetCellFont(r, ColField, imported ? GetDefaultCellFont().Bold() : GetDefaultCellFont());
    ForceRefresh();
}

std::vector<wxString> ImportMappingGrid::read_into(import::Mapping& m) {
    if (IsCellEditControlEnabled()) SaveEditControlValue();
    std::vector<wxString> problems;
    const int rows = std::min(GetNumberRows(), static_cast<int>(m.columns.size()));
    for (int r = 0; r < rows; ++r) {
        auto& b = m.columns[static_cast<std::size_t>(r)];
        style_row(r);
        int k = labels_.Index(GetCellValue(r, ColField));
        std::string key = k > 0 ? keys_[static_cast<std::size_t>(k)] : std::string();
        if (key != b.field) {
            b.field = key;
            b.month_from.reset();
            b.note.clear();
        }
        bool bad_year = false, bad_month = false;
        b.year = read_int(GetCellValue(r, ColYear), &bad_year);
        b.month = read_int(GetCellValue(r, ColMonth), &bad_month);
        bad_year = bad_year || (b.year && (*b.year < 1990 || *b.year > 2100));
        bad_month = bad_month || (b.month && (*b.month < 1 || *b.month > 12));
        const wxString where = wxString::Format(_("Column %s (%s): "), GetCellValue(r, ColLetter), GetCellValue(r, ColHeader));
        if (bad_year) {
            SetCellBackgroundColour(r, ColYear, wxColour(255, 205, 210));
            problems.push_back(where + _("the year should be a year such as 2017"));
        }
        if (bad_month) {
            SetCellBackgroundColour(r, ColMonth, wxColour(255, 205, 210));
            problems.push_back(where + _("the month should be 1 to 12"));
        }
        // Figures of a year or month need that year (and month).
        if (const import::FieldDef* f = b.field.empty() ? nullptr : import::find_field(m.kind, b.field);
            f && f->period != import::PeriodRole::None && b.field != "funds" && !bad_year && !bad_month) {
            const bool need_month = f->period != import::PeriodRole::AnnualPlan;
            if (!b.year || (need_month && !b.month)) {
                SetCellBackgroundColour(r, b.year ? ColMonth : ColYear, wxColour(255, 205, 210));
                problems.push_back(where + (need_month ? _("give the year and the month its figures belong to")
                                                       : _("give the year its figures belong to")));
            }
        }
        std::string unit = utf8(GetCellValue(r, ColUnit));
        b.usd = unit == "万美元";
        b.unit = unit == "亿元" ? il::AmountUnit::Yi : unit == "元" ? il::AmountUnit::Yuan : il::AmountUnit::Wan;
    }
    ForceRefresh();
    return problems;
}

int ImportMappingGrid::row_with_header(const std::string& text) const {
    for (std::size_t r = 0; r < headers_.size(); ++r)
        if (headers_[r].find(text) != std::string::npos) return static_cast<int>(r);
    return -1;
}

void ImportMappingGrid::set_field(int row, const std::string& key) {
    for (std::size_t i = 0; i < keys_.size(); ++i)
        if (keys_[i] == key) {
            SetCellValue(row, ColField, labels_[i]);
            style_row(row);
            return;
        }
}

}  // namespace il::gui
