#include "gui/home_panel.h"

#include <cmath>
#include <limits>

#include <wx/notebook.h>
#include <wx/sizer.h>

#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
double yi(Money m) { return static_cast<double>(m.wan_cents()) / 100.0 / 10000.0; }
wxString percent(std::int64_t part, std::int64_t whole) {
    if (whole <= 0) return "-";
    return wxString::Format("%.1f%%", static_cast<double>(part) * 100.0 / static_cast<double>(whole));
}
}  // namespace

HomePanel::HomePanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    SetBackgroundColour(*wxWHITE);
    headline_ = new wxStaticText(this, wxID_ANY, wxString());
    headline_->SetFont(GetFont().Bold().Scaled(1.2f));
    by_region_ = new ChartControl(this);
    by_stage_ = new ChartControl(this);
    monthly_ = new ChartControl(this);
    for (auto* c : {by_region_, by_stage_, monthly_}) c->SetBackgroundColour(*wxWHITE);
    by_region_->SetToolTip(_("Click a region to open its projects"));
    by_region_->Bind(EVT_CHART_CLICK, [this](wxCommandEvent& e) {
        if (ctx_.show_region) ctx_.show_region(e.GetString());
    });

    auto* book = new wxNotebook(this, wxID_ANY);
    lagging_ = new wxListCtrl(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    lagging_->AppendColumn(_("Light"), wxLIST_FORMAT_LEFT, FromDIP(50));
    lagging_->AppendColumn(_("Project name"), wxLIST_FORMAT_LEFT, FromDIP(220));
    lagging_->AppendColumn(_("Region"), wxLIST_FORMAT_LEFT, FromDIP(90));
    lagging_->AppendColumn(_("Annual plan"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    lagging_->AppendColumn(_("Completed YTD"), wxLIST_FORMAT_RIGHT, FromDIP(100));
    lagging_->AppendColumn(_("Completion"), wxLIST_FORMAT_RIGHT, FromDIP(80));
    lagging_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        auto i = static_cast<std::size_t>(e.GetIndex());
        if (i < lagging_rows_.size() && ctx_.open_project) ctx_.open_project(lagging_rows_[i].id);
    });
    changes_ = new wxListCtrl(book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    changes_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(140));
    changes_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(70));
    changes_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(160));
    changes_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(110));
    changes_->AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(100));
    changes_->AppendColumn(_("New value"), wxLIST_FORMAT_LEFT, FromDIP(100));
    changes_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        auto i = static_cast<std::size_t>(e.GetIndex());
        if (i < change_rows_.size() && change_rows_[i].table == "projects" && ctx_.open_project)
            ctx_.open_project(change_rows_[i].record_id);
    });
    book->AddPage(lagging_, _("Red and yellow projects"));
    book->AddPage(changes_, _("Recent changes"));

    for (wxWindow* w : {static_cast<wxWindow*>(by_region_), static_cast<wxWindow*>(by_stage_),
                        static_cast<wxWindow*>(monthly_), static_cast<wxWindow*>(book)})
        w->SetMinSize(FromDIP(wxSize(200, 180)));
    auto* row1 = new wxBoxSizer(wxHORIZONTAL);
    row1->Add(by_region_, 3, wxEXPAND | wxRIGHT, FromDIP(6));
    row1->Add(by_stage_, 2, wxEXPAND);
    auto* row2 = new wxBoxSizer(wxHORIZONTAL);
    row2->Add(monthly_, 2, wxEXPAND | wxRIGHT, FromDIP(6));
    row2->Add(book, 3, wxEXPAND);
    auto* grid = new wxBoxSizer(wxVERTICAL);
    grid->Add(row1, 1, wxEXPAND | wxBOTTOM, FromDIP(6));
    grid->Add(row2, 1, wxEXPAND);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(headline_, 0, wxALL, FromDIP(8));
    box->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(box);
}

void HomePanel::reload() {
    if (!ctx_.db) return;
    try {
        const Period p = ctx_.period;
        auto regions = query::figures_by_region(*ctx_.db, p);
        std::vector<wxString> names;
        ChartSeries plan{_("Annual plan"), wxColour(158, 202, 225), {}};
        ChartSeries done{wxString::Format(_("Completed %s"), wx(p.label())), wxColour(33, 113, 181), {}};
        std::vector<double> marks;
        Money plan_sum, done_sum;
        int count = 0;
        for (const auto& r : regions) {
            names.push_back(wx(r.region));
            plan.values.push_back(yi(r.plan));
            done.values.push_back(yi(r.ytd));
            marks.push_back(r.plan.fen > 0 ? yi(r.plan) * p.time_progress_bp() / 10000.0
                                           : std::numeric_limits<double>::quiet_NaN());
            plan_sum += r.plan;
            done_sum += r.ytd;
            count += r.projects;
        }
        by_region_->set_data(ChartControl::Kind::Bars,
                             wxString::Format(_("%d %s: completed vs annual plan by region"), p.year, wx(p.label())),
                             _("100M yuan"), names, {plan, done});
        by_region_->set_markers(marks, wxString::Format(_("Time schedule %.0f%%"), p.time_progress_bp() / 100.0),
                                wxColour(215, 48, 39));

        std::vector<wxString> stages;
        ChartSeries stage_counts{_("Projects"), wxColour(65, 171, 93), {}};
        for (const auto& s : query::projects_by_stage(*ctx_.db)) {
            stages.push_back(wx(s.stage));
            stage_counts.values.push_back(s.projects);
        }
        by_stage_->set_data(ChartControl::Kind::Bars, _("Projects by stage"), _("count"), stages, {stage_counts});

        std::vector<wxString> months;
        for (int m = 1; m <= 12; ++m) months.push_back(wxString::Format(_("%dM"), m));
        ChartSeries now{wxString::Format("%d", p.year), wxColour(33, 113, 181), {}};
        ChartSeries before{wxString::Format("%d", p.year - 1), wxColour(189, 189, 189), {}};
        auto this_year = query::monthly_completed(*ctx_.db, p.year);
        auto last_year = query::monthly_completed(*ctx_.db, p.year - 1);
        for (int m = 0; m < 12; ++m) {
            if (m < p.month) now.values.push_back(yi(this_year[static_cast<std::size_t>(m)]));
            before.values.push_back(yi(last_year[static_cast<std::size_t>(m)]));
        }
        monthly_->set_data(ChartControl::Kind::Lines, _("Completed per month: this year vs last year"), _("100M yuan"),
                           months, {before, now});

        headline_->SetLabel(wxString::Format(
            _("%d %s   Projects: %d   Annual plan: %s (100M yuan)   Completed: %s (100M yuan)   Completion: %s   Time schedule: %.1f%%"),
            p.year, wx(p.label()), count, wx(format_yi(plan_sum)), wx(format_yi(done_sum)), percent(done_sum.fen, plan_sum.fen),
            p.time_progress_bp() / 100.0));

        int yellow = std::stoi(ctx_.db->setting_or("warn_yellow_points", "10"));
        int red = std::stoi(ctx_.db->setting_or("warn_red_points", "20"));
        lagging_rows_ = query::lagging_projects(*ctx_.db, p, yellow, red, 200);
        lagging_->DeleteAllItems();
        for (std::size_t i = 0; i < lagging_rows_.size(); ++i) {
            const auto& l = lagging_rows_[i];
            long item = lagging_->InsertItem(static_cast<long>(i), l.red ? _("Red") : _("Yellow"));
            lagging_->SetItem(item, 1, wx(l.name));
            lagging_->SetItem(item, 2, wx(l.region));
            lagging_->SetItem(item, 3, wx(format_wan(l.plan)));
            lagging_->SetItem(item, 4, wx(format_wan(l.ytd)));
            lagging_->SetItem(item, 5, wxString::Format("%.1f%%", l.completion_bp / 100.0));
            lagging_->SetItemBackgroundColour(item, l.red ? wxColour(252, 210, 205) : wxColour(255, 240, 180));
        }
        change_rows_ = query::recent_changes(*ctx_.db, 100);
        changes_->DeleteAllItems();
        for (std::size_t i = 0; i < change_rows_.size(); ++i) {
            const auto& c = change_rows_[i];
            long item = changes_->InsertItem(static_cast<long>(i), wx(c.at.substr(0, 19)));
            changes_->SetItem(item, 1, wx(c.who));
            changes_->SetItem(item, 2, wx(c.record.empty() ? c.table : c.record));
            changes_->SetItem(item, 3, wx(c.field.empty() ? c.action : c.field));
            changes_->SetItem(item, 4, wx(c.old_value));
            changes_->SetItem(item, 5, wx(c.new_value));
        }
    } catch (...) {
        show_current_exception(this, _("Loading the overview"));
    }
    Layout();
}

}  // namespace il::gui
