#include "gui/fit_list.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#include <wx/dcclient.h>

namespace il::gui {

wxDEFINE_EVENT(EVT_LIST_COLUMN_FITTED, wxListEvent);

namespace {
// More rows than this: only the longest texts (by characters) are measured; text extents cost.
constexpr long kMeasureAll = 2000;
constexpr std::size_t kMeasureLongest = 200;
}  // namespace

FitList::FitList(wxWindow* parent, wxWindowID id, long style)
    : wxListView(parent, id, wxDefaultPosition, wxDefaultSize, style | wxLC_REPORT) {
    if (auto* h = header()) h->Bind(wxEVT_LEFT_DCLICK, &FitList::on_header_dclick, this);
}

wxWindow* FitList::header() const {
#ifdef __WXMSW__
    return nullptr;  // the native control fits a column on a border double-click itself
#else
    return reinterpret_cast<wxWindow*>(m_headerWin);
#endif
}

wxString FitList::text_at(long row, int col) const {
    if (IsVirtual()) return OnGetItemText(row, col);
    return GetItemText(row, col);
}

int FitList::border_at(int x) const {
    const int slack = FromDIP(4);
    int right = 0;
    // The header scrolls with the rows: x is in its window, the borders in the list's.
    int scrolled = x;
#ifndef __WXMSW__
    CalcUnscrolledPosition(x, 0, &scrolled, nullptr);
#endif
    for (int c = 0; c < GetColumnCount(); ++c) {
        right += GetColumnWidth(c);
        if (std::abs(scrolled - right) <= slack) return c;
    }
    return -1;
}

int FitList::border_x(int col) const {
    int right = 0;
    for (int c = 0; c <= col && c < GetColumnCount(); ++c) right += GetColumnWidth(c);
    int x = right;
#ifndef __WXMSW__
    CalcScrolledPosition(right, 0, &x, nullptr);
#endif
    return x;
}

int FitList::fitted_width(int col, int max_width) const {
    if (col < 0 || col >= GetColumnCount()) return -1;
    wxClientDC dc(const_cast<FitList*>(this));
    dc.SetFont(GetFont());
    wxListItem head;
    head.SetMask(wxLIST_MASK_TEXT);
    GetColumn(col, head);
    int widest = dc.GetTextExtent(head.GetText()).x + FromDIP(26);  // room for the sort arrow
    const long rows = GetItemCount();
    std::vector<wxString> texts;
    texts.reserve(static_cast<std::size_t>(std::min(rows, kMeasureAll * 50)));
    for (long r = 0; r < rows; ++r) texts.push_back(text_at(r, col));
    if (rows > kMeasureAll && texts.size() > kMeasureLongest) {
        std::nth_element(texts.begin(), texts.begin() + static_cast<long>(kMeasureLongest), texts.end(),
                         [](const wxString& a, const wxString& b) { return a.length() > b.length(); });
        texts.resize(kMeasureLongest);
    }
    for (const auto& t : texts) widest = std::max(widest, dc.GetTextExtent(t).x + FromDIP(14));
    return max_width > 0 ? std::min(widest, max_width) : widest;
}

void FitList::fit_column(int col) {
    const int w = fitted_width(col);
    if (w <= 0) return;
    SetColumnWidth(col, w);
    wxListEvent e(EVT_LIST_COLUMN_FITTED, GetId());
    e.SetEventObject(this);
    e.m_col = col;
    ProcessWindowEvent(e);
}

void FitList::on_header_dclick(wxMouseEvent& e) {
    const int col = border_at(e.GetX());
    if (col >= 0) fit_column(col);
    else e.Skip();
}

}  // namespace il::gui
