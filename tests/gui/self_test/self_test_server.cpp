// The "server" run of the GUI test (issue 14): the application started on a ledger held on a
// PostgreSQL server (tests/gui/gui_server_test.sh migrates the demo city to a throw-away cluster
// and starts this run with --db postgresql://...). The views read it through their workers'
// own server connections; an edit goes through the project dialog. The script then reads what
// this run wrote into its work folder back with the CLI, from the server.
#include <cstdio>
#include <fstream>

#include <wx/config.h>
#include <wx/menu.h>
#include <wx/statusbr.h>

#include "core/db/project_repository.h"
#include "core/stats/warning_list.h"
#include "gui/home_panel.h"
#include "gui/ids.h"
#include "gui/list_panel.h"
#include "gui/main_frame.h"
#include "gui/monthly_panel.h"
#include "gui/project_dialog.h"
#include "gui/report_panel.h"
#include "gui/server_dialog.h"
#include "gui/wx_util.h"
#include "tests/gui/self_test/self_test_steps.h"

namespace il::gui {

void SelfTest::step_server() {
    auto& ctx = frame_.context();
    check(ctx.db->server() != nullptr, "the ledger is on the database server");
    if (!ctx.db->server()) return;
    const wxString url = wx(ctx.db->server_url());
    check(frame_.GetTitle().Contains(url), "the window title names the server: " + frame_.GetTitle());
    check(frame_.GetStatusBar()->GetStatusText(1) == url, "the status bar names the server");
    check(wxConfigBase::Get()->Read("/LastDatabase", wxString()) == url, "the server is the last ledger in the settings");
    // wxFileHistory would show postgresql:/user@host/db, as a path: the address as typed instead.
    const wxMenuItem* recent = frame_.GetMenuBar()->FindItem(wxID_FILE1);
    check(recent && recent->GetItemLabelText() == "1 " + url, "the recent ledgers list the server's address as typed");
    const wxMenuItem* connect = frame_.GetMenuBar()->FindItem(ID_CONNECT_SERVER);
    check(connect && connect->GetItemLabelText().StartsWith(wxString::FromUTF8("连接数据库服务器")),
          "the File menu offers to connect to a database server (in Chinese)");

    frame_.show_view(View::Home);
    check(wait_loaded(), "the overview finished loading from the server");
    if (auto* home = dynamic_cast<HomePanel*>(frame_.view(View::Home))) {
        const auto expected = stats::warned_projects(stats::compute_period_figures(*ctx.db, ctx.period));
        check(!home->overview().figures.regions.empty() && home->overview().warned.size() == expected.size(),
              wxString::Format("the overview shows the server's figures (%zu red and yellow projects)", expected.size()));
    }

    frame_.show_view(View::Projects);
    wait_loaded();
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    check(list != nullptr, "the project list");
    if (!list) return;
    list->reload();
    check(list->loading(), "the list is read on a worker thread with its own server connection");
    check(wait_loaded() && !list->loading(), "the rows arrive from the server");
    const std::size_t rows = list->table().rows.size();
    check(rows > 100, wxString::Format("the project list shows the server's projects (%zu)", rows));
    // For the outside check: the count the CLI reads from the server must be the same.
    std::ofstream(utf8(dir_ + "/server-projects.txt")) << rows << "\n";

    // The main window as a user sees it on the server ledger (docs/screenshots/projects-server.png).
    if (frame_.IsMaximized()) frame_.Maximize(false);
    frame_.SetSize(frame_.FromDIP(wxSize(1600, 1000)));
    frame_.Move(0, 0);
    check(grab_frame(frame_, dir_ + "/projects-server.png"), "screenshot of the main window on the server ledger");

    for (int i = 0; i < static_cast<int>(View::Count); ++i) {
        frame_.show_view(static_cast<View>(i));
        wait_loaded();
        check(frame_.view(static_cast<View>(i))->IsShownOnScreen(), "view shown: " + MainFrame::view_title(static_cast<View>(i)));
        // Every list of the demo city has rows: a read that failed on the server leaves it empty.
        if (auto* l = dynamic_cast<ListPanel*>(frame_.view(static_cast<View>(i))))
            check(!l->table().rows.empty(), wxString::Format("  its rows are read from the server (%zu)", l->table().rows.size()));
    }
    frame_.show_view(View::Monthly);
    wait_loaded();
    if (auto* m = dynamic_cast<MonthlyPanel*>(frame_.view(View::Monthly)))
        check(m->sheet().rows.size() > 10, wxString::Format("the monthly grid is read from the server (%zu rows)", m->sheet().rows.size()));
    frame_.show_view(View::Reports);
    if (auto* r = dynamic_cast<ReportPanel*>(frame_.view(View::Reports))) {
        const wxString file = dir_ + "/server-report.xlsx";
        check(r->generate(file) && wxFileExists(file), "a report generated from the server ledger");
    }
}

void SelfTest::step_server_edit() {
    auto& ctx = frame_.context();
    frame_.show_view(View::Projects);
    wait_loaded();
    auto* list = dynamic_cast<ListPanel*>(frame_.view(View::Projects));
    const std::int64_t id = list ? list->record_id_at(0) : 0;
    check(id > 0, "a project to edit on the server");
    if (!id) return;
    db::ProjectRepository repo(*ctx.db);
    const Project original = *repo.get(id);
    const std::string owner = original.owner + "（服务器自测）";
    {
        ProjectDialog dlg(&frame_, ctx, id);
        check(dlg.loaded(), "the project dialog opens on the server ledger");
        dlg.Show();
        pump_events(100);
        dlg.set_field_text("total_investment", "abc");
        check(!dlg.try_save(), "a bad amount is refused on the server ledger too");
        dlg.set_field_text("total_investment", wx(format_wan(original.total_investment, false)));
        dlg.set_field_text("owner", wx(owner));
        check(dlg.try_save(), "the edit is saved to the server");
        dlg.Hide();
    }
    check(repo.get(id)->owner == owner, "the server holds the edit");
    frame_.reload_all();
    check(wait_loaded(), "the list is read again after the edit");
    bool shown = false;
    const int col = list->table().column_index("owner");
    for (const auto& row : list->table().rows)
        if (row.id == id && col >= 0) shown = row.values[static_cast<std::size_t>(col)].text == owner;
    check(col < 0 || shown, "the list read by the worker shows the edit");
    std::ofstream(utf8(dir_ + "/server-edit.txt")) << id << "\t" << owner << "\n";
}

void SelfTest::step_server_dialog() {
    check(url_without_password("postgresql://office:secret@10.0.0.5:5433/ledger?sslmode=require&password=x") ==
              "postgresql://office@10.0.0.5:5433/ledger?sslmode=require",
          "a password typed into an address is never shown or saved");
    ServerDialog dlg(&frame_, "postgresql://");
    dlg.Show();
    pump_events(300);
    check_fits(dlg, "the server dialog");
    grab_window(dlg, dir_ + "/server-dialog.png");
    const std::pair<const char*, bool> cases[] = {
        {"ledger.db", false},
        {"postgresql://office@host", false},
        {"postgresql://office:secret@host/ledger", false},
        {"postgresql://office@192.168.1.10:5433/ledger", true},
    };
    for (const auto& [text, ok] : cases) {
        dlg.set_url(text);
        check(dlg.accept() == ok, wxString::Format("the server dialog %s %s", ok ? "takes" : "refuses", text));
    }
    dlg.Hide();
    // Connecting as a role without a ~/.pgpass entry asks for a password; a test run cannot type
    // one, which acts as a cancel: nothing opens and the ledger stays the server's.
    const std::string url = frame_.context().db->server_url();
    const std::size_t at = url.find('@');
    if (at == std::string::npos) return;
    const wxString stranger = wx("postgresql://il_nobody" + url.substr(at));
    check(!frame_.open_ledger(stranger, false) && frame_.context().db->server_url() == url,
          "a password prompt given no password opens nothing; the ledger stays open");
    // The recent-ledgers path: the server's address opened again.
    check(frame_.open_ledger(wx(url), false) && frame_.context().db->server(), "the server ledger opens again from its address");
}

}  // namespace il::gui
