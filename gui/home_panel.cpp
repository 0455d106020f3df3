#include "gui/home_panel.h"

#include <cmath>
#include <limits>
#include <map>

#include <wx/notebook.h>
#include <wx/sizer.h>

#include <wx/config.h>
#include <wx/tokenzr.h>

#include "core/db/dictionary_repository.h"
#include "gui/error_text.h"
#include "gui/fit_list.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
double yi(Money m) { return static_cast<double>(m.fen) / 1e10; }  // 分 -> 亿元, for drawing only

const wxColour kRed(215, 48, 39), kAmber(230, 145, 0), kGreen(26, 150, 65), kBlue(33, 113, 181), kPale(158, 202, 225);
}  // namespace

// One key figure: a caption, a big value and a note underneath.
class KpiTile : public wxPanel {
public:
    explicit KpiTile(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_NONE) {
        SetBackgroundColour(wxColour(244, 247, 251));
        caption_ = new wxStaticText(this, wxID_ANY, wxString());
        caption_->SetForegroundColour(wxColour(90, 90, 90));
        value_ = new wxStaticText(this, wxID_ANY, wxString());
        value_->SetFont(GetFont().Bold().Scaled(1.6f));
        note_ = new wxStaticText(this, wxID_ANY, wxString());
        note_->SetForegroundColour(wxColour(110, 110, 110));
        auto* box = new wxBoxSizer(wxVERTICAL);
        box->Add(caption_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(8));
        box->Add(value_, 0, wxLEFT | wxRIGHT, FromDIP(8));
        box->Add(note_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
        SetSizer(box);
    }
    void set(const wxString& caption, const wxString& value, const wxString& note, const wxColour& colour) {
        caption_->SetLabel(caption);
        value_->SetLabel(value);
        value_->SetForegroundColour(colour);
        note_->SetLabel(note);
    }
    wxString value() const { return value_->GetLabel(); }

private:
    wxStaticText* caption_;
    wxStaticText* value_;
    wxStaticText* note_;
};

// The red and yellow projects: a virtual list (a big ledger can have thousands).
class WarnedList : public FitList {
public:
    WarnedList(wxWindow* parent, const std::vector<stats::WarnedProject>& rows)
        : FitList(parent, wxID_ANY, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL), rows_(rows) {
        AppendColumn(_("Light"), wxLIST_FORMAT_LEFT, FromDIP(50));
        AppendColumn(_("Project name"), wxLIST_FORMAT_LEFT, FromDIP(200));
        AppendColumn(_("Region"), wxLIST_FORMAT_LEFT, FromDIP(100));
        AppendColumn(_("Stage"), wxLIST_FORMAT_LEFT, FromDIP(60));
        AppendColumn(_("Annual plan"), wxLIST_FORMAT_RIGHT, FromDIP(90));
        AppendColumn(_("Completed YTD"), wxLIST_FORMAT_RIGHT, FromDIP(90));
        AppendColumn(_("Completion"), wxLIST_FORMAT_RIGHT, FromDIP(64));
        AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(320));
        red_.SetBackgroundColour(wxColour(252, 215, 210));
        yellow_.SetBackgroundColour(wxColour(255, 243, 190));
    }
    void refresh_rows() {
        SetItemCount(static_cast<long>(rows_.size()));
        Refresh();
    }

protected:
    wxString OnGetItemText(long item, long column) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return {};
        const auto& w = rows_[static_cast<std::size_t>(item)];
        switch (column) {
            case 0: return w.light == stats::Light::Red ? _("Red") : _("Yellow");
            case 1: return wx(w.name);
            case 2: return wx(w.region);
            case 3: return wx(w.stage);
            case 4: return wx(format_wan(w.annual_plan));
            case 5: return wx(format_wan(w.completed));
            case 6: return wx(w.completion.percent_text(1));
            case 7: return wx(w.reason);
            default: return {};
        }
    }
    wxItemAttr* OnGetItemAttr(long item) const override {
        if (item < 0 || static_cast<std::size_t>(item) >= rows_.size()) return nullptr;
        return rows_[static_cast<std::size_t>(item)].light == stats::Light::Red ? &red_ : &yellow_;
    }

private:
    const std::vector<stats::WarnedProject>& rows_;
    mutable wxItemAttr red_, yellow_;
};

namespace {
const char* kWarnedWidths = "/Lists/home-warned/widths";
const char* kChangesWidths = "/Lists/home-changes/widths";

// "0=120,3=80": the widths a user gave (by column number: these tables' columns are fixed).
void restore_widths(wxListCtrl& list, const char* path, std::vector<bool>* sized) {
    if (sized) sized->assign(static_cast<std::size_t>(list.GetColumnCount()), false);
    for (const auto& item : wxSplit(wxConfigBase::Get()->Read(path, wxString()), ',')) {
        long c = -1, w = 0;
        if (!item.BeforeFirst('=').ToLong(&c) || !item.AfterFirst('=').ToLong(&w) || c < 0 || c >= list.GetColumnCount() || w <= 0)
            continue;
        list.SetColumnWidth(static_cast<int>(c), static_cast<int>(w));
        if (sized) (*sized)[static_cast<std::size_t>(c)] = true;
    }
}
void store_widths(wxListCtrl& list, const char* path, const std::vector<bool>* sized) {
    wxString text;
    for (int c = 0; c < list.GetColumnCount(); ++c)
        if (!sized || (*sized)[static_cast<std::size_t>(c)])
            text << (text.empty() ? "" : ",") << c << "=" << list.GetColumnWidth(c);
    wxConfigBase::Get()->Write(path, text);
}
}  // namespace

HomePanel::HomePanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx), loader_(*this) {
    SetBackgroundColour(*wxWHITE);
    auto* tiles = new wxBoxSizer(wxHORIZONTAL);
    for (int i = 0; i < 6; ++i) {
        auto* t = new KpiTile(this);
        tiles_.push_back(t);
        tiles->Add(t, 1, wxEXPAND | (i < 5 ? wxRIGHT : 0), FromDIP(8));
    }
    by_region_ = new ChartControl(this);
    by_stage_ = new ChartControl(this);
    monthly_ = new ChartControl(this);
    for (auto* c : {by_region_, by_stage_, monthly_}) c->SetBackgroundColour(*wxWHITE);
    by_region_->set_clickable(true);
    by_region_->Bind(EVT_CHART_CLICK, [this](wxCommandEvent& e) {
        if (ctx_.show_region) ctx_.show_region(e.GetString());
    });

    auto* book = new wxNotebook(this, wxID_ANY);
    auto* warned_page = new wxPanel(book);
    warned_caption_ = new wxStaticText(warned_page, wxID_ANY, wxString());
    warned_ = new WarnedList(warned_page, data_.warned);
    warned_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        auto i = static_cast<std::size_t>(e.GetIndex());
        if (i < data_.warned.size() && ctx_.open_project) ctx_.open_project(data_.warned[i].id);
    });
    auto* wbox = new wxBoxSizer(wxVERTICAL);
    wbox->Add(warned_caption_, 0, wxALL, FromDIP(4));
    wbox->Add(warned_, 1, wxEXPAND);
    warned_page->SetSizer(wbox);
    changes_ = new FitList(book, wxID_ANY, wxLC_REPORT | wxLC_SINGLE_SEL);
    changes_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(140));
    changes_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(70));
    changes_->AppendColumn(_("Record"), wxLIST_FORMAT_LEFT, FromDIP(160));
    changes_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(110));
    changes_->AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(100));
    changes_->AppendColumn(_("New value"), wxLIST_FORMAT_LEFT, FromDIP(100));
    changes_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) {
        auto i = static_cast<std::size_t>(e.GetIndex());
        if (i < data_.changes.size() && data_.changes[i].table == "projects" && ctx_.open_project)
            ctx_.open_project(data_.changes[i].record_id);
    });
    restore_widths(*warned_, kWarnedWidths, &user_sized_);
    restore_widths(*changes_, kChangesWidths, nullptr);
    auto user_sized = [this](int col) {
        if (col >= 0 && static_cast<std::size_t>(col) < user_sized_.size()) user_sized_[static_cast<std::size_t>(col)] = true;
        store_widths(*warned_, kWarnedWidths, &user_sized_);
    };
    warned_->Bind(wxEVT_LIST_COL_END_DRAG, [this, user_sized](wxListEvent& e) {
        e.Skip();
        CallAfter([user_sized, col = e.GetColumn()] { user_sized(col); });
    });
    warned_->Bind(EVT_LIST_COLUMN_FITTED, [user_sized](wxListEvent& e) { user_sized(e.GetColumn()); });
    warned_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { size_warned_columns(); });
    });
    for (auto ev : {wxEVT_LIST_COL_END_DRAG, EVT_LIST_COLUMN_FITTED})
        changes_->Bind(ev, [this](wxListEvent& e) {
            e.Skip();
            CallAfter([this] { store_widths(*changes_, kChangesWidths, nullptr); });
        });
    book->AddPage(warned_page, _("Red and yellow projects"));
    book->AddPage(changes_, _("Recent changes"));

    for (wxWindow* w : {static_cast<wxWindow*>(by_region_), static_cast<wxWindow*>(by_stage_),
                        static_cast<wxWindow*>(monthly_), static_cast<wxWindow*>(book)})
        w->SetMinSize(FromDIP(wxSize(240, 200)));
    auto* row1 = new wxBoxSizer(wxHORIZONTAL);
    row1->Add(by_region_, 3, wxEXPAND | wxRIGHT, FromDIP(8));
    row1->Add(by_stage_, 2, wxEXPAND);
    auto* row2 = new wxBoxSizer(wxHORIZONTAL);
    // The table first and widest: at 1280×800 its figure columns (to 完成率) all show.
    row2->Add(book, 3, wxEXPAND | wxRIGHT, FromDIP(8));
    row2->Add(monthly_, 1, wxEXPAND);
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(tiles, 0, wxEXPAND | wxALL, FromDIP(8));
    // The two rows share the height evenly: at 1280×800 the red/yellow table shows 8 rows or more.
    box->Add(row1, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    box->Add(row2, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    SetSizer(box);
}

HomePanel::~HomePanel() = default;

FitList* HomePanel::warned_list() const { return warned_; }


void HomePanel::save_layout() {
    store_widths(*warned_, kWarnedWidths, &user_sized_);
    store_widths(*changes_, kChangesWidths, nullptr);
}

void HomePanel::size_warned_columns() {
    const int n = warned_->GetColumnCount();
    if (n == 0 || user_sized_.size() != static_cast<std::size_t>(n)) return;
    int used = 0;
    for (int c = 0; c + 1 < n; ++c) {
        if (!user_sized_[static_cast<std::size_t>(c)]) warned_->SetColumnWidth(c, warned_->fitted_width(c, FromDIP(c == 1 ? 220 : 150)));
        used += warned_->GetColumnWidth(c);
    }
    if (!user_sized_[static_cast<std::size_t>(n - 1)])
        warned_->SetColumnWidth(n - 1, std::max(FromDIP(160), warned_->GetClientSize().x - used - FromDIP(2)));
}

long HomePanel::warned_rows_shown() const { return warned_->GetItemCount(); }

void HomePanel::reload() {
    if (!ctx_.db) return;
    const Period p = ctx_.period;
    if (ctx_.status && IsShownOnScreen()) ctx_.status(_("Loading..."));  // a big ledger takes seconds
    loader_.start<query::Overview>(
        ctx_.db, [p](db::Database& db) { return query::load_overview(db, p); },
        [this](query::Overview&& o) { show(std::move(o)); },
        [this](std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (...) {
                show_current_exception(this, _("Loading the overview"));
            }
        });
}

std::vector<wxString> HomePanel::short_region_names(const std::vector<wxString>& names) const {
    // The dictionary's short names (e.g. 廊坊开发区), shown by the chart when a name does not fit.
    std::map<wxString, wxString> by_name;
    try {
        for (const auto& r : db::DictionaryRepository(*ctx_.db).regions())
            if (!r.short_name.empty()) by_name[wx(r.name)] = wx(r.short_name);
    } catch (...) {
        return {};  // the chart then wraps the full names
    }
    std::vector<wxString> out;
    for (const auto& n : names) out.push_back(by_name.count(n) ? by_name[n] : wxString());
    return out;
}

void HomePanel::show(query::Overview&& o) {
    data_ = std::move(o);
    if (ctx_.status && IsShownOnScreen()) ctx_.status(wxString());
    const Period p = data_.period;
    const auto& f = data_.figures;
    const auto& total = f.total;
    const wxString period = wxString::Format(_("%d %s"), p.year, wx(p.label()));

    // Key figures.
    const bool behind = total.against_time_progress.defined() && total.against_time_progress.num < 0;
    tiles_[0]->set(_("Projects"), wxString::Format("%d", total.counts.total),
                   wxString::Format(_("%d under way, %d new starts"), total.counts.under_way(), total.counts.new_start), kBlue);
    tiles_[1]->set(wxString::Format(_("Annual plan %d (100M yuan)"), p.year), wx(format_yi(total.annual_plan)),
                   wxString::Format(_("Total investment %s"), wx(format_yi(total.total_investment))), wxColour(60, 60, 60));
    tiles_[2]->set(wxString::Format(_("Completed %s (100M yuan)"), period), wx(format_yi(total.completed)),
                   wxString::Format(_("Year on year %s"), wx(total.yoy.percent_text(1))), kBlue);
    tiles_[3]->set(_("Completion of the annual plan"), wx(total.plan_completion.percent_text(1)),
                   wxString::Format(_("Time schedule %s"), wx(f.time_progress.percent_text(1))), behind ? kAmber : kGreen);
    tiles_[4]->set(_("Red lights"), wxString::Format("%d", total.red), _("projects"), kRed);
    tiles_[5]->set(_("Yellow lights"), wxString::Format("%d", total.yellow), _("projects"), kAmber);

    // 1-N月 completed against the annual plan by region, with the 序时进度 marks.
    std::vector<wxString> names;
    ChartSeries plan{_("Annual plan"), kPale, {}, {}};
    ChartSeries done{wxString::Format(_("Completed %s"), wx(p.label())), kBlue, {}, {}};
    std::vector<double> marks;
    for (const auto& r : f.regions) {
        names.push_back(wx(r.name));
        plan.values.push_back(yi(r.annual_plan));
        done.values.push_back(yi(r.completed));
        marks.push_back(r.annual_plan.fen > 0 ? yi(r.annual_plan) * p.time_progress() : std::numeric_limits<double>::quiet_NaN());
    }
    by_region_->set_data(ChartControl::Kind::Bars, wxString::Format(_("%s: completed vs annual plan by region"), period),
                         _("100M yuan"), names, {plan, done});
    by_region_->set_short_labels(short_region_names(names));
    by_region_->set_markers(marks, wxString::Format(_("Time schedule %s"), wx(f.time_progress.percent_text(0))), kRed);

    // Projects by stage (as in the period's month, the reports' rule).
    const auto& c = total.counts;
    ChartSeries stages{_("Projects"), kGreen, {}, {}};
    std::vector<wxString> stage_names = {_("Planning"), _("New start"), _("Continuing"),
                                         _("Completed"), _("Operating"), _("Suspended")};
    for (int v : {c.planning, c.new_start, c.continuing, c.completed, c.operating, c.suspended})
        stages.values.push_back(v);
    stages.point_colours = {wxColour(150, 150, 150), kGreen, kBlue, wxColour(49, 163, 184), wxColour(117, 107, 177), kRed};
    by_stage_->set_data(ChartControl::Kind::Bars, wxString::Format(_("Projects by stage, %s"), period), _("count"),
                        stage_names, {stages});
    by_stage_->set_value_labels(0);

    // The monthly curve: this year (months 1..N) against last year.
    std::vector<wxString> months;
    for (int m = 1; m <= 12; ++m) months.push_back(wxString::Format(_("%dM"), m));
    ChartSeries now{wxString::Format("%d", p.year), kBlue, {}, {}};
    ChartSeries before{wxString::Format("%d", p.last_year()), wxColour(170, 170, 170), {}, {}};
    for (std::size_t m = 0; m < 12; ++m) {
        if (static_cast<int>(m) < p.month) now.values.push_back(yi(data_.this_year[m]));
        before.values.push_back(yi(data_.last_year[m]));
    }
    monthly_->set_data(ChartControl::Kind::Lines, _("Completed per month: this year vs last year"), _("100M yuan"), months,
                       {before, now});

    warned_caption_->SetLabel(wxString::Format(_("%s: %d red, %d yellow (thresholds in Settings, the same as the warning report)"),
                                               period, total.red, total.yellow));
    warned_->refresh_rows();
    size_warned_columns();
    changes_->DeleteAllItems();
    for (std::size_t i = 0; i < data_.changes.size(); ++i) {
        const auto& ch = data_.changes[i];
        long item = changes_->InsertItem(static_cast<long>(i), wx(ch.at.substr(0, 19)));
        changes_->SetItem(item, 1, wx(ch.who));
        changes_->SetItem(item, 2, wx(ch.record.empty() ? ch.table : ch.record));
        changes_->SetItem(item, 3, wx(ch.field.empty() ? ch.action : ch.field));
        changes_->SetItem(item, 4, wx(ch.old_value));
        changes_->SetItem(item, 5, wx(ch.new_value));
    }
    Layout();
}

}  // namespace il::gui
