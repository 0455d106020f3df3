// Self-test steps for the window at the sizes offices have (see self_test_steps.h): where the
// keyboard starts, no control squeezed below its best size on any view or dialog at 1280×800 and
// 1600×1000, the 首页's list and chart at 1280×800, and list columns fitted to their content.
#include <cstdio>
#include <algorithm>
#include <functional>

#include <wx/bookctrl.h>
#include <wx/config.h>
#include <wx/dcclient.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/radiobut.h>
#include <wx/simplebook.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include "gui/chart_control.h"
#include "gui/deal_dialog.h"
#include "gui/fit_list.h"
#include "gui/home_panel.h"
#include "gui/import_dialog.h"
#include "gui/list_panel.h"
#include "gui/main_frame.h"
#include "gui/problem_dialog.h"
#include "gui/project_dialog.h"
#include "gui/renovation_dialog.h"
#include "gui/wx_util.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {

namespace {
bool is_inside(const wxWindow* w, const wxWindow* ancestor) {
    for (; w; w = w->GetParent())
        if (w == ancestor) return true;
    return false;
}

wxString describe(wxWindow* w) {
    wxString label = w->GetLabel();
    if (label.length() > 24) label = label.Left(24) + "...";
    return wxString::Format("%s \"%s\"", w->GetClassInfo()->GetClassName(), label);
}
}  // namespace

std::vector<wxString> clipped_controls(wxWindow& top) {
    std::vector<wxString> found;
    const int slack = 1;
    std::function<void(wxWindow*)> walk = [&](wxWindow* w) {
        if (!w->IsShown()) return;  // a hidden page: checked when it is selected
        bool width = false, height = false;
        if (auto* t = dynamic_cast<wxStaticText*>(w)) {
            width = !t->IsEllipsized() && !t->GetLabel().empty();
            height = width;
        } else if (dynamic_cast<wxButton*>(w) || dynamic_cast<wxCheckBox*>(w) || dynamic_cast<wxRadioButton*>(w) ||
                   dynamic_cast<wxToggleButton*>(w) || dynamic_cast<wxSpinCtrl*>(w) || dynamic_cast<wxSpinCtrlDouble*>(w) ||
                   dynamic_cast<wxChoice*>(w) || dynamic_cast<wxDatePickerCtrl*>(w)) {
            width = height = true;
        } else if (auto* c = dynamic_cast<wxComboBox*>(w)) {
            (void)c;
            height = true;  // an editable field: its text scrolls
        } else if (auto* e = dynamic_cast<wxTextCtrl*>(w)) {
            height = !e->IsMultiLine();
        } else if (dynamic_cast<wxSearchCtrl*>(w)) {
            height = true;
        }
        if (width || height) {
            wxSize best = w->GetBestSize();
            const wxSize got = w->GetSize();
            if (auto* ch = dynamic_cast<wxChoice*>(w); ch && ch->GetCount() > 0) {
                // A choice shows its selection only: that text and the control's own chrome must fit.
                int widest = 0;
                for (unsigned i = 0; i < ch->GetCount(); ++i) widest = std::max(widest, ch->GetTextExtent(ch->GetString(i)).x);
                const int shown = ch->GetSelection() >= 0 ? ch->GetTextExtent(ch->GetStringSelection()).x : 0;
                best.x = best.x - widest + shown;
            }
            if ((width && got.x + slack < best.x) || (height && got.y + slack < best.y))
                found.push_back(wxString::Format("%s: %dx%d given, %dx%d needed", describe(w), got.x, got.y, best.x, best.y));
        }
        if (dynamic_cast<wxSpinCtrl*>(w) || dynamic_cast<wxSearchCtrl*>(w) || dynamic_cast<wxDatePickerCtrl*>(w) ||
            dynamic_cast<wxComboBox*>(w))
            return;  // composite controls: their parts are theirs
        for (wxWindow* child : w->GetChildren())
            if (!child->IsTopLevel()) walk(child);
    };
    walk(&top);
    return found;
}

// Every page of every book control in `w`, one after the other: `check` runs with each shown.
static void visit_pages(wxWindow& w, const std::function<void()>& check) {
    wxBookCtrlBase* book = nullptr;
    std::function<void(wxWindow*)> find = [&](wxWindow* x) {
        if (book) return;
        if (auto* b = dynamic_cast<wxBookCtrlBase*>(x); b && !dynamic_cast<wxSimplebook*>(x) && b->IsShownOnScreen()) book = b;
        for (wxWindow* c : x->GetChildren())
            if (!c->IsTopLevel()) find(c);
    };
    find(&w);
    if (!book) {
        check();
        return;
    }
    const int was = book->GetSelection();
    for (size_t p = 0; p < book->GetPageCount(); ++p) {
        book->ChangeSelection(p);
        pump_events(60);
        check();
    }
    book->ChangeSelection(static_cast<size_t>(was));
}

void SelfTest::step_start_focus() {
    wxWindow* focus = wxWindow::FindFocus();
    check(focus != frame_.year_field() && !is_inside(focus, frame_.year_field()),
          "on opening the keyboard focus is not in the reporting year");
    check(focus && (focus == frame_.navigator() || is_inside(focus, frame_.view(View::Home))),
          wxString::Format("on opening the focus is in the navigator (%s)", focus ? describe(focus) : wxString("none")));
}

void SelfTest::check_fits(wxWindow& w, const wxString& what) {
    visit_pages(w, [&] {
        auto clipped = clipped_controls(w);
        for (const auto& c : clipped) std::fprintf(stderr, "     clipped: %s\n", c.utf8_str().data());
        check(clipped.empty(), wxString::Format("%s: no control smaller than its best size (%zu clipped)", what, clipped.size()));
    });
}

void SelfTest::step_layout_fits() {
    const wxSize before = frame_.GetSize();
    if (frame_.IsMaximized()) frame_.Maximize(false);
    for (wxSize size : {wxSize(1280, 800), wxSize(1600, 1000)}) {
        frame_.SetSize(size);
        pump_events(150);
        const wxString at = wxString::Format("%dx%d", size.x, size.y);
        for (int i = 0; i < static_cast<int>(View::Count); ++i) {
            frame_.show_view(static_cast<View>(i));
            wait_loaded();
            pump_events(120);
            check_fits(frame_, MainFrame::view_title(static_cast<View>(i)) + " " + at);
        }
        frame_.show_view(View::Home);
        wait_loaded();
        pump_events(150);
        auto* home = dynamic_cast<HomePanel*>(frame_.view(View::Home));
        if (!home) continue;
        // Each row's items at their minimum side by side, the rows stacked: what the page needs
        // (a box sizer's own minimum also keeps proportions, which a narrower page may give up).
        wxSize need(0, 0);
        const wxSize got = home->GetSize();
        for (auto* item : home->GetSizer()->GetChildren()) {
            const int bx = item->GetMinSizeWithBorder().x - item->GetMinSize().x, by = item->GetMinSizeWithBorder().y - item->GetMinSize().y;
            int row_x = bx, row_y = 0;
            if (auto* row = item->GetSizer()) {
                for (auto* cell : row->GetChildren()) {
                    row_x += cell->GetMinSizeWithBorder().x;
                    row_y = std::max(row_y, cell->GetMinSizeWithBorder().y);
                }
            } else {
                row_x = item->GetMinSizeWithBorder().x;
                row_y = item->GetMinSize().y;
            }
            need.x = std::max(need.x, row_x);
            need.y += row_y + by;
        }
        check(got.x >= need.x && got.y >= need.y,
              wxString::Format("the overview fits %s without scrolling (%dx%d given, %dx%d needed)", at, got.x, got.y,
                               need.x, need.y));
        FitList* warned = home->warned_list();
        int right = 0, last_fixed = warned->GetColumnCount() - 1;  // the reason column takes what is left
        for (int c = 0; c < last_fixed; ++c) right += warned->GetColumnWidth(c);
        check(right <= warned->GetClientSize().x,
              wxString::Format("the red/yellow table shows every figure column at %s (%d of %d pixels)", at, right,
                               warned->GetClientSize().x));
        const long rows = warned->GetCountPerPage();
        check(rows >= 8, wxString::Format("the red/yellow table shows %ld rows at %s", rows, at));
        bool whole = true;
        auto* chart = home->region_chart();
        for (std::size_t c = 0; c < chart->category_count(); ++c)
            for (const auto& line : chart->label_lines(static_cast<int>(c)))
                whole = whole && !line.Contains(wxString::FromUTF8("…"));
        check(whole && chart->labels_fit(), wxString::Format("every region's name is whole under its bars at %s", at));
    }
    frame_.SetSize(before);
    pump_events(100);
}

void SelfTest::step_dialogs_fit() {
    auto& ctx = frame_.context();
    auto first = [this](View v) -> std::int64_t {
        frame_.show_view(v);
        wait_loaded();
        auto* list = dynamic_cast<ListPanel*>(frame_.view(v));
        return list && list->visible_count() > 0 ? list->table().rows[list->visible_rows()[0]].id : 0;
    };
    auto run = [this](wxDialog& dlg, const wxString& what) {
        dlg.Show();
        pump_events(200);
        check_fits(dlg, what);
        dlg.Hide();
    };
    if (auto id = first(View::Projects)) {
        ProjectDialog d(&frame_, ctx, id);
        run(d, "project dialog");
    }
    if (auto id = first(View::Renovations)) {
        RenovationDialog d(&frame_, ctx, id);
        run(d, "renovation dialog");
    }
    if (auto id = first(View::Deals)) {
        DealDialog d(&frame_, ctx, id);
        run(d, "deal dialog");
    }
    if (first(View::Problems)) {
        auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Problems));
        const auto& row = list->table().rows[list->visible_rows()[0]];
        ProblemDialog d(&frame_, ctx, row.id, row.ref_id);
        run(d, "problem dialog");
    }
    ImportDialog imp(&frame_, ctx);
    run(imp, "import dialog");
}

void SelfTest::step_list_fit() {
    frame_.show_view(View::Projects);
    check(wait_loaded(), "the project list finished loading");
    auto* panel = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    if (!panel) return;
    std::vector<std::string> keys = panel->column_keys();
    if (panel->list_column_of("owner") < 0) panel->toggle_column("owner");
    const int col = panel->list_column_of("owner");
    check(col >= 0, "the owner column is shown (header menu)");
    if (col < 0) return;
    FitList* list = panel->list();
    list->SetColumnWidth(col, list->FromDIP(60));
    // A double-click on the owner column's right border, as the user makes it.
    const int x = list->border_x(col);
    check(list->header() && list->border_at(x) == col, "the header finds the owner column's border");
    if (!list->header()) return;
    wxMouseEvent dclick(wxEVT_LEFT_DCLICK);
    dclick.SetPosition(wxPoint(x, 5));
    dclick.SetEventObject(list->header());
    list->header()->GetEventHandler()->ProcessEvent(dclick);
    // The widest owner name of the rows shown, measured as the list draws it.
    wxClientDC dc(list);
    dc.SetFont(list->GetFont());
    int widest = 0;
    wxString longest;
    const int c = panel->table().column_index("owner");
    for (auto r : panel->visible_rows()) {
        const wxString t = wx(panel->table().rows[r].values[static_cast<std::size_t>(c)].text);
        if (t.length() >= longest.length()) longest = t;
    }
    widest = dc.GetTextExtent(longest).x;
    check(list->GetColumnWidth(col) > widest && list->GetColumnWidth(col) == list->fitted_width(col),
          wxString::Format("a double-click on the header border fits the owner column (%d px, longest name %d px)",
                           list->GetColumnWidth(col), widest));
    check(panel->column_width("owner") == list->GetColumnWidth(col), "the fitted width is the list's");
    const wxString saved = wxConfigBase::Get()->Read("/Lists/projects/widths", wxString());
    check(saved.Contains(wxString::Format("owner=%d", list->GetColumnWidth(col))),
          "the fitted width is remembered at once: " + saved.Left(80));
    panel->toggle_column("owner");
    check(panel->list_column_of("owner") < 0, "the header menu hides a column");
    panel->set_columns(keys);
}

}  // namespace il::gui
