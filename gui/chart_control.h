#pragma once
// A small chart control drawn with wxGraphicsContext: grouped bars (with an optional marker per
// group, e.g. the 序时进度 line) or lines over categories. Clicking a category sends
// EVT_CHART_CLICK with the category index in GetInt().
#include <vector>

#include <wx/colour.h>
#include <wx/window.h>

namespace il::gui {

wxDECLARE_EVENT(EVT_CHART_CLICK, wxCommandEvent);

struct ChartSeries {
    wxString name;
    wxColour colour;
    std::vector<double> values;  // one per category (display only; exact sums stay in core)
};

class ChartControl : public wxWindow {
public:
    enum class Kind { Bars, Lines };
    ChartControl(wxWindow* parent, wxWindowID id = wxID_ANY);

    void set_data(Kind kind, const wxString& title, const wxString& unit, std::vector<wxString> categories,
                  std::vector<ChartSeries> series);
    // A short horizontal mark across each category's bars (NaN: none), named in the legend.
    void set_markers(std::vector<double> markers, const wxString& label, const wxColour& colour);
    int category_at(const wxPoint& p) const;

private:
    void on_paint(wxPaintEvent&);
    void on_click(wxMouseEvent& e);
    void on_motion(wxMouseEvent& e);
    wxRect plot_rect() const;

    Kind kind_ = Kind::Bars;
    wxString title_, unit_;
    std::vector<wxString> categories_;
    std::vector<ChartSeries> series_;
    std::vector<double> markers_;
    wxString marker_label_;
    wxColour marker_colour_;
    int hover_ = -1;
};

}  // namespace il::gui
