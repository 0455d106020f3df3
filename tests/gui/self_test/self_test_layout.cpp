// Self-test steps for the 首页, the background reads and what is remembered across a restart
// (see self_test_steps.h). The "restart" step runs in a second start of the application with the
// configuration file the first run left behind.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <wx/filename.h>

#include "core/stats/warning_list.h"
#include "gui/home_panel.h"
#include "gui/list_panel.h"
#include "gui/main_frame.h"
#include "gui/settings_panel.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {
namespace {
const std::vector<std::string> kSavedColumns = {"name", "stage", "region", "ytd", "plan"};
constexpr int kSavedWidth = 321;
const wxSize kSavedWindow(1234, 777);

bool same_lights(const std::vector<stats::WarnedProject>& a, const std::vector<stats::WarnedProject>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].id != b[i].id || a[i].light != b[i].light || a[i].reason != b[i].reason) return false;
    return true;
}
}  // namespace

void SelfTest::step_home() {
    auto& ctx = frame_.context();
    frame_.show_view(View::Home);
    check(wait_loaded(), "the overview finished loading");
    auto* home = dynamic_cast<HomePanel*>(frame_.view(View::Home));
    if (!home) return;
    auto expected = stats::warned_projects(stats::compute_period_figures(*ctx.db, ctx.period));
    check(!expected.empty() && same_lights(home->overview().warned, expected),
          wxString::Format("the red/yellow list equals core/stats' lights (%zu projects)", expected.size()));
    check(home->warned_rows_shown() == static_cast<long>(expected.size()), "every red and yellow project is listed");

    // The thresholds are the settings' (the same as the reports'): a lower red threshold, more red.
    const auto red_before = home->overview().figures.total.red;
    const auto saved = ctx.db->setting("warn_red_points");
    ctx.db->set_setting("warn_red_points", "10");
    frame_.reload_all();
    wait_loaded();
    expected = stats::warned_projects(stats::compute_period_figures(*ctx.db, ctx.period));
    check(same_lights(home->overview().warned, expected) && home->overview().figures.total.red > red_before,
          wxString::Format("a lower red threshold in the settings shows more red (%d -> %d)", red_before,
                           home->overview().figures.total.red));
    ctx.db->set_setting("warn_red_points", saved.value_or("30"));
    frame_.reload_all();
    wait_loaded();

    // Clicking a region's bars opens that region's projects.
    const auto& regions = home->overview().figures.regions;
    int pick = -1, seen = 0;
    for (std::size_t i = 0; i < regions.size(); ++i)
        if (regions[i].counts.total > 0 && ++seen == 2) pick = static_cast<int>(i);
    check(pick >= 0 && home->region_chart()->category_count() == regions.size(), "the region chart has a bar per region");
    if (pick < 0) return;
    const wxString region = wx(regions[static_cast<std::size_t>(pick)].name);
    wxMouseEvent click(wxEVT_LEFT_UP);
    click.SetPosition(home->region_chart()->category_center(pick));
    click.SetEventObject(home->region_chart());
    home->region_chart()->GetEventHandler()->ProcessEvent(click);
    check(wait_loaded(), "the list finished loading after the click");
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    check(list && list->IsShownOnScreen(), "a bar click opens the project list");
    if (!list) return;
    const int col = list->table().column_index("region");
    std::size_t in_region = 0;
    for (const auto& r : list->table().rows) in_region += wx(r.values[static_cast<std::size_t>(col)].text) == region;
    bool all = list->visible_count() == in_region && in_region > 0;
    for (auto i : list->visible_rows()) all = all && wx(list->table().rows[i].values[static_cast<std::size_t>(col)].text) == region;
    check(all && list->filter_value("region") == region,
          wxString::Format("the list shows the clicked region's %zu projects only", in_region));
    list->set_filter("region", wxString());
}

void SelfTest::step_background_load() {
    frame_.show_view(View::Projects);
    wait_loaded();
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    if (!list) return;
    const std::size_t rows = list->table().rows.size();
    list->reload();
    check(list->loading(), "the list is read on a worker thread (reload returns before the rows)");
    check(list->visible_count() > 0, "the previous rows stay visible while reading");
    check(wait_loaded() && !list->loading() && list->table().rows.size() == rows, "the rows arrive");
}

void SelfTest::step_layout_save() {
    check(MainFrame::view_title(View::Home) == wxString::FromUTF8("首页"), "this run speaks Chinese (the default)");
    frame_.show_view(View::Projects);
    wait_loaded();
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    if (!list) return;
    list->set_columns(kSavedColumns);
    list->set_column_width("name", kSavedWidth);
    list->set_filter("stage", wxString::FromUTF8("续建"));
    check(list->column_keys() == kSavedColumns, "columns chosen and ordered");
    if (frame_.IsMaximized()) frame_.Maximize(false);
    frame_.SetSize(kSavedWindow);
    auto* s = dynamic_cast<SettingsPanel*>(frame_.view(View::Settings));
    if (s) {
        s->set_language("en");
        check(s->save(), "English chosen in the settings");
    }
    std::ofstream(utf8(dir_ + "/last-ledger.txt")) << il::path_utf8(std::filesystem::absolute(frame_.context().db->path()));
}

void SelfTest::step_restart() {
    std::ifstream in(utf8(dir_ + "/last-ledger.txt"));
    std::stringstream last;
    last << in.rdbuf();
    check(!last.str().empty() && il::path_utf8(std::filesystem::absolute(frame_.context().db->path())) == last.str(),
          "started on the last ledger: " + wx(il::path_utf8(frame_.context().db->path())));
    check(frame_.GetSize() == kSavedWindow,
          wxString::Format("the window size is back (%dx%d)", frame_.GetSize().x, frame_.GetSize().y));
    check(MainFrame::view_title(View::Home) == "Overview", "the language chosen before the restart applies (English)");
    frame_.show_view(View::Projects);
    check(wait_loaded(), "the project list finished loading");
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    if (!list) return;
    check(list->column_keys() == kSavedColumns, "the chosen columns are back in their order");
    check(list->column_width("name") == kSavedWidth, wxString::Format("the name column's width is back (%d)", list->column_width("name")));
    check(list->filter_value("stage") == wxString::FromUTF8("续建"), "the stage filter is back");
    const int col = list->table().column_index("stage");
    bool all = list->visible_count() > 0 && list->visible_count() < list->table().rows.size();
    for (auto i : list->visible_rows()) all = all && list->table().rows[i].values[static_cast<std::size_t>(col)].text == "续建";
    check(all, wxString::Format("the list is filtered by it (%zu rows)", list->visible_count()));
}

}  // namespace il::gui
