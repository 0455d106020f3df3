#include "gui/chart_control.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include <wx/dcbuffer.h>
#include <wx/dcclient.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#ifdef __WXMSW__
#include <wx/msw/wrapwin.h>
#include <wx/msw/winundef.h>  // windows.h's DrawText etc. macros would rename wxGraphicsContext's
#endif

namespace il::gui {

wxDEFINE_EVENT(EVT_CHART_CLICK, wxCommandEvent);

namespace {
// A "nice" axis maximum: 1, 2, 2.5, 5 × 10^n at or above v.
double nice_max(double v) {
    if (v <= 0) return 1;
    double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * p >= v * 1.0001) return m * p;
    return 10 * p;
}
wxString number(double v, int decimals) {
    if (decimals <= 0 || std::fabs(v - std::round(v)) < 1e-9) return wxString::Format("%.0f", v);
    return wxString::Format("%.*f", decimals, v);
}
}  // namespace

ChartControl::ChartControl(wxWindow* parent, wxWindowID id)
    : wxWindow(parent, id, wxDefaultPosition, wxDefaultSize, wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetMinSize(FromDIP(wxSize(300, 220)));
    Bind(wxEVT_PAINT, &ChartControl::on_paint, this);
    Bind(wxEVT_LEFT_UP, &ChartControl::on_click, this);
    Bind(wxEVT_MOTION, &ChartControl::on_motion, this);
    Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent&) {
        hover_ = -1;
        UnsetToolTip();
        Refresh();
    });
}

void ChartControl::set_data(Kind kind, const wxString& title, const wxString& unit, std::vector<wxString> categories,
                            std::vector<ChartSeries> series) {
    kind_ = kind;
    title_ = title;
    unit_ = unit;
    categories_ = std::move(categories);
    series_ = std::move(series);
    markers_.clear();
    hover_ = -1;
    Refresh();
}

void ChartControl::set_markers(std::vector<double> markers, const wxString& label, const wxColour& colour) {
    markers_ = std::move(markers);
    marker_label_ = label;
    marker_colour_ = colour;
    Refresh();
}

namespace {
constexpr int kLeft = 48, kRight = 12;  // DIP margins of the plot

// `text` broken into lines no wider than `width` (by characters: Chinese names have no spaces),
// as evenly as that many lines allow (廊坊经/济技术/开发区, not 廊坊经济/技术开发/区).
std::vector<wxString> wrap(const wxString& text, double width, const wxDC& dc) {
    std::vector<wxString> lines;
    wxString line;
    for (wxUniChar ch : text) {
        wxString next = line + ch;
        if (!line.empty() && dc.GetTextExtent(next).x > width) {
            lines.push_back(line);
            line = ch;
        } else {
            line = next;
        }
    }
    if (!line.empty()) lines.push_back(line);
    if (lines.size() < 2) return lines;
    const std::size_t per = (text.length() + lines.size() - 1) / lines.size();
    std::vector<wxString> even;
    for (std::size_t at = 0; at < text.length(); at += per) even.push_back(text.Mid(at, per));
    for (const auto& l : even)
        if (dc.GetTextExtent(l).x > width) return lines;
    return even.size() == lines.size() ? even : lines;
}
}  // namespace

double ChartControl::slot_width() const {
    const int w = std::max(10, GetClientSize().x - FromDIP(kLeft) - FromDIP(kRight));
    return static_cast<double>(w) / std::max<std::size_t>(categories_.size(), 1);
}

void ChartControl::set_short_labels(std::vector<wxString> labels) {
    short_labels_ = std::move(labels);
    Refresh();
}

std::vector<wxString> ChartControl::label_lines(int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= categories_.size()) return {};
    const auto k = static_cast<std::size_t>(i);
    wxClientDC dc(const_cast<ChartControl*>(this));
    dc.SetFont(GetFont().Scaled(0.9f));
    const double width = slot_width() - FromDIP(2);
    if (kind_ == Kind::Lines) return {categories_[k]};
    auto lines = wrap(categories_[k], width, dc);
    // More than two lines of a name: its short name, when the dictionary has one.
    if (lines.size() > 2 && k < short_labels_.size() && !short_labels_[k].empty()) lines = wrap(short_labels_[k], width, dc);
    if (static_cast<int>(lines.size()) > kLabelLines) {  // still too long: the last line ends in "…"
        lines.resize(kLabelLines);
        wxString& last = lines.back();
        last += wxString::FromUTF8("…");
        while (last.length() > 1 && dc.GetTextExtent(last).x > width) last = last.Left(last.length() - 2) + wxString::FromUTF8("…");
    }
    return lines;
}

bool ChartControl::labels_fit() const {
    wxClientDC dc(const_cast<ChartControl*>(this));
    dc.SetFont(GetFont().Scaled(0.9f));
    for (std::size_t i = 0; i < categories_.size(); ++i)
        for (const auto& l : label_lines(static_cast<int>(i)))
            if (dc.GetTextExtent(l).x > slot_width()) return false;
    return true;
}

int ChartControl::label_line_count() const {
    int most = 1;
    if (kind_ == Kind::Bars)
        for (std::size_t i = 0; i < categories_.size(); ++i)
            most = std::max(most, static_cast<int>(label_lines(static_cast<int>(i)).size()));
    return most;
}

wxRect ChartControl::plot_rect() const {
    wxSize s = GetClientSize();
    const int line = GetCharHeight();
    int left = FromDIP(kLeft), right = FromDIP(kRight), top = line * 3 + FromDIP(12);
    int bottom = line * label_line_count() + FromDIP(10);
    return wxRect(left, top, std::max(10, s.x - left - right), std::max(10, s.y - top - bottom));
}

int ChartControl::category_at(const wxPoint& p) const {
    if (categories_.empty()) return -1;
    wxRect r = plot_rect();
    if (p.x < r.x || p.x >= r.GetRight() || p.y < r.y - FromDIP(10) || p.y > r.GetBottom() + GetCharHeight() * label_line_count() + FromDIP(8))
        return -1;
    int i = static_cast<int>((p.x - r.x) * static_cast<double>(categories_.size()) / r.width);
    return std::clamp(i, 0, static_cast<int>(categories_.size()) - 1);
}

wxPoint ChartControl::category_center(int i) const {
    wxRect r = plot_rect();
    const double slot = static_cast<double>(r.width) / std::max<std::size_t>(categories_.size(), 1);
    return wxPoint(static_cast<int>(r.x + (i + 0.5) * slot), r.y + r.height / 2);
}

wxString ChartControl::tooltip_text(int i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= categories_.size()) return {};
    auto k = static_cast<std::size_t>(i);
    wxString text = categories_[k];
    for (const auto& s : series_)
        if (k < s.values.size()) text << "\n" << s.name << ": " << number(s.values[k], 2) << " " << unit_;
    if (k < markers_.size() && !std::isnan(markers_[k])) text << "\n" << marker_label_ << ": " << number(markers_[k], 2) << " " << unit_;
    if (clickable_) text << "\n" << _("Click to open the list");
    return text;
}

void ChartControl::on_click(wxMouseEvent& e) {
    int i = category_at(e.GetPosition());
    if (i < 0 || !clickable_) return;
    wxCommandEvent ev(EVT_CHART_CLICK, GetId());
    ev.SetInt(i);
    ev.SetString(categories_[static_cast<std::size_t>(i)]);
    ev.SetEventObject(this);
    ProcessWindowEvent(ev);
}

void ChartControl::on_motion(wxMouseEvent& e) {
    int i = category_at(e.GetPosition());
    SetCursor(i >= 0 && clickable_ ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    if (i != hover_) {
        hover_ = i;
        if (i >= 0) SetToolTip(tooltip_text(i));
        else UnsetToolTip();
        Refresh();
    }
}

namespace {
// The font the chart's text is drawn in. On Windows wxGraphicsContext draws with GDI+, which
// knows only real font families, while a control's default font may name a GDI alias such as
// "MS Shell Dlg 2" (GDI+ then draws no text at all: seen under wine). The face GDI actually
// picks for the font is a real family (Microsoft YaHei UI, Segoe UI, …), so the chart uses it.
wxFont real_face(wxFont font) {
#ifdef __WXMSW__
    HDC dc = ::CreateCompatibleDC(nullptr);
    if (dc) {
        HGDIOBJ old = ::SelectObject(dc, static_cast<HFONT>(font.GetHFONT()));
        wchar_t face[LF_FACESIZE] = {};
        if (::GetTextFaceW(dc, LF_FACESIZE, face) > 0) font.SetFaceName(wxString(face));
        ::SelectObject(dc, old);
        ::DeleteDC(dc);
    }
#endif
    return font;
}
}  // namespace

void ChartControl::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(GetBackgroundColour()));
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    if (!gc) return;
    gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
    const wxColour text(60, 60, 60);
    const wxColour grid(228, 228, 228);
    const wxFont font = real_face(GetFont());
    const wxFont small = font.Scaled(0.9f);
    const double line = GetCharHeight();
    gc->SetFont(font.Bold().Scaled(1.1f), wxColour(30, 30, 30));
    gc->DrawText(title_, FromDIP(8), FromDIP(4));

    // Legend on the second line, right-aligned; the unit on the left of that line.
    gc->SetFont(small, text);
    const double legend_y = FromDIP(8) + line * 1.3;
    double lx = GetClientSize().x - FromDIP(10);
    auto legend_item = [&](const wxString& name, const wxColour& c, bool is_line) {
        double w, h;
        gc->GetTextExtent(name, &w, &h);
        lx -= w;
        gc->DrawText(name, lx, legend_y);
        lx -= FromDIP(16);
        gc->SetBrush(wxBrush(c));
        gc->SetPen(is_line ? wxPen(c, FromDIP(2)) : *wxTRANSPARENT_PEN);
        if (is_line) gc->StrokeLine(lx, legend_y + h / 2, lx + FromDIP(12), legend_y + h / 2);
        else gc->DrawRectangle(lx, legend_y + h / 2 - FromDIP(5), FromDIP(12), FromDIP(10));
        lx -= FromDIP(12);
    };
    if (!marker_label_.empty() && !markers_.empty()) legend_item(marker_label_, marker_colour_, true);
    if (series_.size() > 1)
        for (auto it = series_.rbegin(); it != series_.rend(); ++it) legend_item(it->name, it->colour, kind_ == Kind::Lines);
    if (!unit_.empty()) gc->DrawText(unit_, FromDIP(8), legend_y);

    wxRect r = plot_rect();
    if (categories_.empty()) {
        gc->SetFont(font, wxColour(128, 128, 128));
        double w, h;
        gc->GetTextExtent(_("No data"), &w, &h);
        gc->DrawText(_("No data"), r.x + (r.width - w) / 2, r.y + (r.height - h) / 2);
        return;
    }
    double vmax = 0;
    for (const auto& s : series_)
        for (double v : s.values) vmax = std::max(vmax, v);
    for (double m : markers_)
        if (!std::isnan(m)) vmax = std::max(vmax, m);
    vmax = nice_max(vmax * (value_decimals_ >= 0 ? 1.12 : 1.0));  // room for the labels above the bars
    auto y_of = [&](double v) { return r.GetBottom() - v / vmax * r.height; };

    // Grid lines and axis labels.
    gc->SetFont(small, text);
    const int steps = r.height > FromDIP(160) ? 5 : 4;
    const int axis_decimals = vmax / steps < 1 ? 2 : (vmax / steps < 10 && std::fabs(vmax / steps - std::round(vmax / steps)) > 1e-9) ? 1 : 0;
    for (int i = 0; i <= steps; ++i) {
        double v = vmax * i / steps;
        double y = y_of(v);
        gc->SetPen(wxPen(grid, FromDIP(1)));
        if (i > 0) gc->StrokeLine(r.x, y, r.GetRight(), y);
        wxString label = number(v, axis_decimals);
        double w, h;
        gc->GetTextExtent(label, &w, &h);
        gc->DrawText(label, r.x - w - FromDIP(6), y - h / 2);
    }

    const double slot = static_cast<double>(r.width) / categories_.size();
    if (hover_ >= 0) {
        gc->SetPen(*wxTRANSPARENT_PEN);
        gc->SetBrush(wxBrush(wxColour(0, 120, 215, 28)));
        gc->DrawRectangle(r.x + hover_ * slot, r.y, slot, r.height);
    }
    // Category labels: bars' wrapped to their slot (label_lines); line charts with many categories
    // label every other one when they do not fit.
    double widest = 0;
    for (const auto& c : categories_) {
        double w, h;
        gc->GetTextExtent(c, &w, &h);
        widest = std::max(widest, w);
    }
    const std::size_t every = kind_ == Kind::Lines && widest > slot - FromDIP(4) ? 2 : 1;
    for (std::size_t i = 0; i < categories_.size(); i += every) {
        const double cx = r.x + (i + 0.5) * slot;
        double y = r.GetBottom() + FromDIP(5);
        for (const wxString& l : label_lines(static_cast<int>(i))) {
            double w, h;
            gc->GetTextExtent(l, &w, &h);
            gc->DrawText(l, cx - w / 2, y);
            y += h;
        }
    }

    if (kind_ == Kind::Bars) {
        const std::size_t n = std::max<std::size_t>(series_.size(), 1);
        const double group = slot * (n > 1 ? 0.76 : 0.6), bar = group / n;
        const double gap = std::min<double>(FromDIP(2), bar / 6);
        for (std::size_t s = 0; s < series_.size(); ++s) {
            const auto& se = series_[s];
            gc->SetPen(*wxTRANSPARENT_PEN);
            for (std::size_t i = 0; i < categories_.size() && i < se.values.size(); ++i) {
                gc->SetBrush(wxBrush(i < se.point_colours.size() ? se.point_colours[i] : se.colour));
                double v = se.values[i];
                double x = r.x + i * slot + (slot - group) / 2 + s * bar;
                double y = y_of(v);
                gc->DrawRectangle(x + gap / 2, y, bar - gap, r.GetBottom() - y);
                if (value_decimals_ >= 0) {
                    wxString label = number(v, value_decimals_);
                    double w, h;
                    gc->GetTextExtent(label, &w, &h);
                    if (w < slot) gc->DrawText(label, x + bar / 2 - w / 2, y - h - FromDIP(2));
                }
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
            const double d = FromDIP(6);
            for (std::size_t i = 0; i < s.values.size() && i < categories_.size(); ++i)
                gc->DrawEllipse(r.x + (i + 0.5) * slot - d / 2, y_of(s.values[i]) - d / 2, d, d);
        }
    }
    gc->SetPen(wxPen(wxColour(150, 150, 150), FromDIP(1)));
    gc->StrokeLine(r.x, r.GetBottom(), r.GetRight(), r.GetBottom());
}

}  // namespace il::gui
