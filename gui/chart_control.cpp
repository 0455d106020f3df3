#include "gui/chart_control.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/graphics.h>
#include <wx/settings.h>

namespace il::gui {

wxDEFINE_EVENT(EVT_CHART_CLICK, wxCommandEvent);

ChartControl::ChartControl(wxWindow* parent, wxWindowID id)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(300, 220)));
    Bind(wxEVT_PAINT, &ChartControl::on_paint, this);
    Bind(wxEVT_LEFT_UP, &ChartControl::on_click, this);
    Bind(wxEVT_MOTION, &ChartControl::on_motion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) { hover_ = -1; Refresh(); });
}

void ChartControl::set_data(Kind kind, const wxString& title, const wxString& unit, std::vector<wxString> categories,
                            std::vector<ChartSeries> series) {
    kind_ = kind;
    title_ = title;
    unit_ = unit;
    categories_ = std::move(categories);
    series_ = std::move(series);
    markers_.clear();
    Refresh();
}

void ChartControl::set_markers(std::vector<double> markers, const wxString& label, const wxColour& colour) {
    markers_ = std::move(markers);
    marker_label_ = label;
    marker_colour_ = colour;
    Refresh();
}

wxRect ChartControl::plot_rect() const {
    wxSize s = GetClientSize();
    int left = FromDIP(56), right = FromDIP(12), top = FromDIP(66), bottom = FromDIP(kind_ == Kind::Bars ? 44 : 28);
    return wxRect(left, top, std::max(10, s.x - left - right), std::max(10, s.y - top - bottom));
}

int ChartControl::category_at(const wxPoint& p) const {
    if (categories_.empty()) return -1;
    wxRect r = plot_rect();
    if (p.x < r.x || p.x >= r.GetRight() || p.y < r.y - FromDIP(10) || p.y > r.GetBottom() + FromDIP(40)) return -1;
    int i = static_cast<int>((p.x - r.x) * static_cast<double>(categories_.size()) / r.width);
    return std::clamp(i, 0, static_cast<int>(categories_.size()) - 1);
}

void ChartControl::on_click(wxMouseEvent& e) {
    int i = category_at(e.GetPosition());
    if (i < 0 || kind_ != Kind::Bars) return;
    wxCommandEvent ev(EVT_CHART_CLICK, GetId());
    ev.SetInt(i);
    ev.SetString(categories_[static_cast<std::size_t>(i)]);
    ev.SetEventObject(this);
    ProcessWindowEvent(ev);
}

void ChartControl::on_motion(wxMouseEvent& e) {
    int i = kind_ == Kind::Bars ? category_at(e.GetPosition()) : -1;
    SetCursor(i >= 0 ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    if (i != hover_) { hover_ = i; Refresh(); }
}

namespace {
// A "nice" axis maximum: 1, 2, 2.5, 5 × 10^n at or above v.
double nice_max(double v) {
    if (v <= 0) return 1;
    double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= v) return m * p;
    return 10 * p;
}
wxString axis_label(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9) return wxString::Format("%.0f", v);
    return wxString::Format("%.1f", v);
}
}  // namespace

void ChartControl::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour grid(220, 220, 220);
    wxFont font = GetFont();
    wxFont title_font = font.Bold().Scaled(1.15f);
    wxFont small = font.Scaled(0.9f);
    gc->SetFont(title_font, text);
    gc->DrawText(title_, FromDIP(8), FromDIP(4));

    // Legend on the title's line, right-aligned.
    gc->SetFont(small, text);
    double lx = GetClientSize().x - FromDIP(10);
    auto legend_item = [&](const wxString& name, const wxColour& c, bool line) {
        double w, h;
        gc->GetTextExtent(name, &w, &h);
        lx -= w;
        gc->DrawText(name, lx, FromDIP(28));
        lx -= FromDIP(16);
        gc->SetBrush(wxBrush(c));
        gc->SetPen(line ? wxPen(c, FromDIP(2)) : *wxTRANSPARENT_PEN);
        if (line) gc->StrokeLine(lx, FromDIP(28) + h / 2, lx + FromDIP(12), FromDIP(28) + h / 2);
        else gc->DrawRectangle(lx, FromDIP(28) + h / 2 - FromDIP(5), FromDIP(12), FromDIP(10));
        lx -= FromDIP(10);
    };
    if (!marker_label_.empty() && !markers_.empty()) legend_item(marker_label_, marker_colour_, true);
    for (auto it = series_.rbegin(); it != series_.rend(); ++it) legend_item(it->name, it->colour, kind_ == Kind::Lines);

    wxRect r = plot_rect();
    if (categories_.empty()) {
        gc->SetFont(font, wxColour(128, 128, 128));
        gc->DrawText(_("No data"), r.x + r.width / 2 - FromDIP(20), r.y + r.height / 2);
        return;
    }
    double vmax = 0;
    for (const auto& s : series_)
        for (double v : s.values) vmax = std::max(vmax, v);
    for (double m : markers_)
        if (!std::isnan(m)) vmax = std::max(vmax, m);
    vmax = nice_max(vmax);
    auto y_of = [&](double v) { return r.GetBottom() - v / vmax * r.height; };

    // Grid lines and axis labels.
    gc->SetFont(small, text);
    for (int i = 0; i <= 4; ++i) {
        double v = vmax * i / 4;
        double y = y_of(v);
        gc->SetPen(wxPen(grid, 1));
        gc->StrokeLine(r.x, y, r.GetRight(), y);
        wxString label = axis_label(v);
        double w, h;
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, r.x - w - FromDIP(6), y - h / 2);
    }
    if (!unit_.empty()) gc->DrawText(unit_, FromDIP(8), r.y - FromDIP(20));

    const double slot = static_cast<double>(r.width) / categories_.size();
    if (hover_ >= 0) {
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(wxColour(0, 120, 215, 30)));
        gc->DrawRectangle(r.x + hover_ * slot, r.y, slot, r.height);
    }
    // Category labels: on two lines when a label is wider than its slot, shortened with "…" beyond.
    for (std::size_t i = 0; i < categories_.size(); ++i) {
        double cx = r.x + (i + 0.5) * slot;
        std::vector<wxString> lines{categories_[i]};
        double w, h;
        gc->GetTextExtent(categories_[i], &w, &h);
        if (w > slot - FromDIP(2) && categories_[i].length() > 2) {
            size_t half = (categories_[i].length() + 1) / 2;
            lines = {categories_[i].Left(half), categories_[i].Mid(half)};
        }
        double y = r.GetBottom() + FromDIP(4);
        for (wxString line : lines) {
            gc->GetTextExtent(line, &w, &h);
            while (w > slot && line.length() > 1) {
                line = line.Left(line.length() - 2) + wxString::FromUTF8("…");
                gc->GetTextExtent(line, &w, &h);
            }
            gc->DrawText(line, cx - w / 2, y);
            y += h;
        }
    }

    if (kind_ == Kind::Bars) {
        const std::size_t n = std::max<std::size_t>(series_.size(), 1);
        const double group = slot * 0.72, bar = group / n;
        for (std::size_t s = 0; s < series_.size(); ++s) {
            gc->SetBrush(wxBrush(series_[s].colour));
            gc->SetPen(*wxTRANSPARENT_PEN);
            for (std::size_t i = 0; i < categories_.size() && i < series_[s].values.size(); ++i) {
                double v = series_[s].values[i];
                double x = r.x + i * slot + (slot - group) / 2 + s * bar;
                double y = y_of(v);
                gc->DrawRectangle(x + 1, y, bar - 2, r.GetBottom() - y);
            }
        }
        gc->SetPen(wxPen(marker_colour_, FromDIP(2)));
        for (std::size_t i = 0; i < markers_.size() && i < categories_.size(); ++i) {
            if (std::isnan(markers_[i])) continue;
            double y = y_of(markers_[i]);
            double x0 = r.x + i * slot + (slot - group) / 2 - FromDIP(3);
            gc->StrokeLine(x0, y, x0 + group + FromDIP(6), y);
        }
    } else {
        for (const auto& s : series_) {
            gc->SetPen(wxPen(s.colour, FromDIP(2)));
            gc->SetBrush(wxBrush(s.colour));
            wxGraphicsPath path = gc->CreatePath();
            for (std::size_t i = 0; i < s.values.size() && i < categories_.size(); ++i) {
                double x = r.x + (i + 0.5) * slot, y = y_of(s.values[i]);
                if (i == 0) path.MoveToPoint(x, y);
                else path.AddLineToPoint(x, y);
            }
            gc->StrokePath(path);
            for (std::size_t i = 0; i < s.values.size() && i < categories_.size(); ++i)
                gc->DrawEllipse(r.x + (i + 0.5) * slot - FromDIP(3), y_of(s.values[i]) - FromDIP(3), FromDIP(6), FromDIP(6));
        }
    }
    gc->SetPen(wxPen(text, 1));
    gc->StrokeLine(r.x, r.GetBottom(), r.GetRight(), r.GetBottom());
}

}  // namespace il::gui
