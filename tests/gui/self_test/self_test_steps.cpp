#include "tests/gui/self_test/self_test_steps.h"

#include <cstdio>
#include <filesystem>

#include <wx/filename.h>
#include <wx/utils.h>

#include "core/db/project_repository.h"
#include "core/stats/warning_list.h"
#include "gui/error_text.h"
#include "gui/home_panel.h"
#include "gui/list_panel.h"
#include "gui/main_frame.h"
#include "gui/monthly_panel.h"
#include "gui/project_dialog.h"
#include "gui/report_panel.h"
#include "gui/settings_panel.h"
#include "gui/undo_stack.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {
// Grid columns of the monthly panel (see monthly_panel.cpp).
constexpr int kMonthCol = 5, kYtdCol = 6, kImageCol = 8;

}  // namespace

void grab_window(wxWindow& w, const wxString& file) {
    wxRect r = w.GetScreenRect();
    wxArrayString out, err;
    wxExecute(wxString::Format("import -window root -crop %dx%d+%d+%d %s", r.width, r.height, r.x, r.y, file), out, err,
              wxEXEC_SYNC);
}

int screenshot_dialogs(MainFrame& frame, const wxString& out_dir) {
    frame.show_view(View::Projects);
    wait_loaded();
    auto* list = dynamic_cast<ListPanel*>(frame.view(View::Projects));
    if (!list || list->visible_count() == 0) return 1;
    ProjectDialog dlg(&frame, frame.context(), list->record_id_at(0));
    if (!dlg.loaded()) return 1;
    dlg.Show();
    pump_events(500);
    grab_window(dlg, out_dir + "/edit-dialog.png");
    // The same dialog showing a validation error at its field.
    dlg.set_field_text("total_investment", "12.345.6");
    dlg.try_save();
    pump_events(500);
    grab_window(dlg, out_dir + "/edit-dialog-error.png");
    dlg.Hide();
    return screenshot_record_dialogs(frame, out_dir) + screenshot_long_work(frame, out_dir);
}

void SelfTest::check(bool ok, const wxString& what) {
    std::fprintf(stderr, "%s %s\n", ok ? "ok  " : "FAIL", what.utf8_str().data());
    if (!ok) ++failures_;
}

void SelfTest::run(const wxString& only_step) {
    if (!frame_.context().db) {
        check(false, "a ledger is open");
        return;
    }
    auto run_steps = [this](std::initializer_list<void (SelfTest::*)()> steps) {
        for (auto step : steps) {
            try {
                (this->*step)();
            } catch (...) {
                check(false, "unexpected error: " + describe_current_exception());
            }
        }
    };
    // self_test_layout.cpp: the restart run, and the steps before and after the others.
    if (only_step == "restart") {
        run_steps({&SelfTest::step_restart});
        std::fprintf(stderr, "self-test: %d failure(s)\n", failures_);
        return;
    }
    if (only_step == "server") {
        run_steps({&SelfTest::step_server, &SelfTest::step_server_edit, &SelfTest::step_server_dialog});
        std::fprintf(stderr, "self-test: %d failure(s)\n", failures_);
        return;
    }
    if (!only_step.empty()) check(false, "unknown step " + only_step);
    run_steps({&SelfTest::step_start_focus, &SelfTest::step_home, &SelfTest::step_background_load});
    for (auto step : {&SelfTest::step_views, &SelfTest::step_layout_fits, &SelfTest::step_dialogs_fit,  // self_test_fit.cpp
                      &SelfTest::step_list, &SelfTest::step_list_fit, &SelfTest::step_edit_dialog,
                      &SelfTest::step_renovation_dialog, &SelfTest::step_deal_dialog, &SelfTest::step_problems,
                      &SelfTest::step_delete_undo, &SelfTest::step_stock_language, &SelfTest::step_monthly_grid, &SelfTest::step_report,
                      &SelfTest::step_report_progress, &SelfTest::step_import, &SelfTest::step_import_unrecognised,  // self_test_long_work.cpp
                      &SelfTest::step_import_values,
                      &SelfTest::step_settings}) {
        try {
            (this->*step)();
        } catch (...) {
            check(false, "unexpected error: " + describe_current_exception());
        }
    }
    run_steps({&SelfTest::step_layout_save});  // last: leaves the layout for the restart run
    std::fprintf(stderr, "self-test: %d failure(s)\n", failures_);
}

void SelfTest::step_views() {
    for (int i = 0; i < static_cast<int>(View::Count); ++i) {
        frame_.show_view(static_cast<View>(i));
        pump_events(150);
        check(frame_.view(static_cast<View>(i))->IsShownOnScreen(), "view shown: " + MainFrame::view_title(static_cast<View>(i)));
    }
}

void SelfTest::step_list() {
    frame_.show_view(View::Projects);
    check(wait_loaded(), "the project list finished loading");
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    check(list && list->table().rows.size() > 100, "project list loaded");
    if (!list) return;
    int name = list->table().column_index("name");
    list->set_search("hxa");
    pump_events(400);  // typed text applies after 200 ms
    bool found = list->visible_count() >= 1;
    for (auto i : list->visible_rows())
        found = found && list->table().rows[i].values[static_cast<std::size_t>(name)].text.find("华夏") != std::string::npos;
    check(found, wxString::Format("search \"hxa\" finds the project hua-xia AMOLED (%zu rows)", list->visible_count()));
    list->set_search("");
    pump_events(400);
    list->set_filter("region", wxString::FromUTF8("固安县"));
    int region = list->table().column_index("region");
    bool all = list->visible_count() > 0;
    for (auto i : list->visible_rows())
        all = all && list->table().rows[i].values[static_cast<std::size_t>(region)].text == "固安县";
    check(all, wxString::Format("region filter Gu-an county (%zu rows)", list->visible_count()));
    wxString file = dir_ + "/list.xlsx";
    list->export_visible(file);
    check(wxFileName::FileExists(file), "visible rows exported to " + file);
    list->set_filter("region", wxString());
}

void SelfTest::step_edit_dialog() {
    auto& ctx = frame_.context();
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    std::int64_t id = list ? list->record_id_at(0) : 0;
    check(id > 0, "a project to edit");
    if (!id) return;
    db::ProjectRepository repo(*ctx.db);
    const Project original = *repo.get(id);
    {
        ProjectDialog dlg(&frame_, ctx, id);
        dlg.Show();
        pump_events(100);
        dlg.set_field_text("name", "");
        check(!dlg.try_save(), "an empty name is refused");
        bool at_field = false;
        for (const auto& issue : dlg.shown_issues()) at_field = at_field || issue.field == "name";
        check(at_field && dlg.current_page() == 0, "the error is shown at the name field (page 0)");
        check(dlg.control_of("name")->GetBackgroundColour() == wxColour(255, 205, 210), "the name field is marked");
        dlg.set_field_text("name", wx(original.name));
        dlg.set_field_text("total_investment", "abc");
        check(!dlg.try_save(), "a bad amount is refused");
        check(dlg.current_page() == 1, "the investment page is shown for a bad amount");
        check(repo.get(id)->version == original.version, "nothing was saved by refused edits");
        dlg.set_field_text("total_investment", wx(format_wan(original.total_investment + Money::from_wan(1), false)));
        dlg.set_field_text("name", wx(original.name + "（自测）"));
        check(dlg.try_save(), "a valid edit is saved");
        dlg.Hide();
    }
    auto saved = repo.get(id);
    check(saved->name == original.name + "（自测）" && saved->total_investment == original.total_investment + Money::from_wan(1),
          "the database holds the edit");
    ctx.undo->undo(*ctx.db);
    auto undone = repo.get(id);
    check(undone->name == original.name && undone->total_investment == original.total_investment, "undo restored the values");
    // Keep a marker edit for the outside check (tests/gui): the owner field.
    ProjectDialog dlg(&frame_, ctx, id);
    dlg.set_field_text("owner", wx(original.owner + "-GUI"));
    check(dlg.try_save(), "a second edit is saved");
}

void SelfTest::step_monthly_grid() {
    // January of the year after the data: a month with nothing entered yet.
    Period before = frame_.context().period;
    frame_.set_period(Period{before.year + 1, 1});
    frame_.show_view(View::Monthly);
    wait_loaded();
    pump_events(200);
    auto* m = dynamic_cast<MonthlyPanel*>(frame_.view(View::Monthly));
    check(m && m->sheet().rows.size() > 10, "monthly grid loaded");
    if (!m) return;
    m->type_cell(0, kMonthCol, "123.45");
    check(m->grid()->GetCellValue(0, kYtdCol) == "123.45", "1-N months derived while typing");
    m->type_cell(1, kMonthCol, "abc");
    check(!m->sheet().rows[1].valid() && !m->sheet().rows[1].month_issue.empty(), "an invalid cell is marked with the reason");
    check(!m->save(), "saving with an invalid cell is refused");
    m->type_cell(1, kYtdCol, "10");
    m->paste_block(2, kMonthCol, wxString::FromUTF8("7.5\t\t主体施工\t用地待批\n8\n"));
    check(m->sheet().rows[2].image_progress == "主体施工" && m->sheet().rows[3].month == Money::from_wan(8),
          "a tab-separated block is pasted");
    m->type_cell(0, kImageCol, wxString::FromUTF8("桩基施工"));
    std::int64_t first = m->sheet().rows[0].project_id;
    check(m->save(), "the month is saved");
    db::ProjectRepository repo(*frame_.context().db);
    auto entry = repo.progress_at(first, before.year + 1, 1);
    check(entry && entry->completed_month == *parse_amount("123.45") && entry->image_progress == "桩基施工",
          "the database holds the month");
    frame_.set_period(before);
}

void SelfTest::step_report() {
    frame_.show_view(View::Reports);
    pump_events(200);
    auto* r = dynamic_cast<ReportPanel*>(frame_.view(View::Reports));
    if (!r) return;
    wxString file = dir_ + "/report.xlsx";
    check(r->generate(file), "report generated");
    check(wxFileName::FileExists(file), "report file exists: " + file);
}

void SelfTest::step_settings() {
    frame_.show_view(View::Settings);
    auto* s = dynamic_cast<SettingsPanel*>(frame_.view(View::Settings));
    if (!s) return;
    s->set_value("footer_unit", wxString::FromUTF8("固安县投资促进局（自测）"));
    check(s->save(), "settings saved");
    check(frame_.context().db->setting_or("footer_unit", "") == "固安县投资促进局（自测）", "the database holds the setting");
}

}  // namespace il::gui
