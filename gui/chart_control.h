#pragma once
// A small chart control drawn with wxGraphicsContext: grouped bars (with an optional marker per
// group, e.g. the 序时进度 line) or lines over categories. Sizes are in DIPs (sharp at high DPI).
// Hovering a category shows its values in a tooltip; when clickable, clicking a category sends
// EVT_CHART_CLICK with the category index in GetInt() and its label in GetString().
// (Debian packages no wxWidgets chart library with category bars: its one wx plotting binding,
// PLplot's wxWidgets driver, is a scientific plotter with no hit-testing; hence this control.)
#include <vector>

#include <wx/colour.h>
#include <wx/window.h>

namespace il::gui {

wxDECLARE_EVENT(EVT_CHART_CLICK, wxCommandEvent);

struct ChartSeries {
    wxString name;
    wxColour colour;
    std::vector<double> values;  // one per category (display only; exact sums stay in core)
    std::vector<wxColour> point_colours;  // optional: a colour per category (bars)
};

class ChartControl : public wxWindow {
public:
    enum class Kind { Bars, Lines };
    ChartControl(wxWindow* parent, wxWindowID id = wxID_ANY);

    void set_data(Kind kind, const wxString& title, const wxString& unit, std::vector<wxString> categories,
                  std::vector<ChartSeries> series);
    // A short horizontal mark across each category's bars (NaN: none), named in the legend.
    void set_markers(std::vector<double> markers, const wxString& label, const wxColour& colour);
    // Clicking sends EVT_CHART_CLICK (off by default).
    void set_clickable(bool on) { clickable_ = on; }
    // Values written above the bars with this many decimals (-1: none).
    void set_value_labels(int decimals) { value_decimals_ = decimals; Refresh(); }
    int category_at(const wxPoint& p) const;
    // The middle of a category's slot (for tests: a click there selects it).
    wxPoint category_center(int i) const;
    std::size_t category_count() const { return categories_.size(); }
    // Shorter names to show under the bars when a category's own takes more than two lines
    // (e.g. a dictionary's short name 廊坊开发区); index-aligned with the categories, empty: none.
    // Tooltips and clicks keep the full names.
    void set_short_labels(std::vector<wxString> labels);
    // The lines a bar category's label is drawn on: its name wrapped to the slot's width, the
    // same rule for every category (its short name when the name needs more than two lines; at
    // most kLabelLines lines, the last ending in "…" only when even those do not hold it).
    std::vector<wxString> label_lines(int i) const;
    // Every label line within its slot (nothing cut).
    bool labels_fit() const;
    static constexpr int kLabelLines = 3;
    wxString tooltip_text(int i) const;

private:
    void on_paint(wxPaintEvent&);
    void on_click(wxMouseEvent& e);
    void on_motion(wxMouseEvent& e);
    wxRect plot_rect() const;
    double slot_width() const;
    int label_line_count() const;  // the most lines any category label takes

    Kind kind_ = Kind::Bars;
    wxString title_, unit_;
    std::vector<wxString> categories_, short_labels_;
    std::vector<ChartSeries> series_;
    std::vector<double> markers_;
    wxString marker_label_;
    wxColour marker_colour_;
    int hover_ = -1;
    bool clickable_ = false;
    int value_decimals_ = -1;
};

}  // namespace il::gui
