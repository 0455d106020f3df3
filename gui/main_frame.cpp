#include "gui/main_frame.h"

#include <wx/artprov.h>
#include <wx/choicdlg.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>
#include <wx/textdlg.h>
#include <wx/toolbar.h>

#include "core/db/audit.h"
#include "core/db/dictionary_seed.h"
#include "core/db/ledger_open.h"
#include "core/db/storage/pg_connection.h"
#include "core/platform/paths.h"
#include "core/db/backup.h"
#include "core/query/overview.h"
#include "core/util/progress.h"
#include "gui/city_panel.h"
#include "gui/error_text.h"
#include "gui/ids.h"
#include "gui/list_panel.h"
#include "gui/server_dialog.h"
#include "gui/view_factory.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"

namespace il::gui {
namespace fs = std::filesystem;

wxString MainFrame::view_title(View v) {
    switch (v) {
        case View::Home: return _("Overview");
        case View::Projects: return _("Projects over 100M");
        case View::Monthly: return _("Monthly update");
        case View::Renovations: return _("Technical renovation");
        case View::Deals: return _("Investment attraction");
        case View::Problems: return _("Problem list");
        case View::Reports: return _("Reports");
        case View::Targets: return _("Annual targets");
        case View::Dictionaries: return _("Dictionaries");
        case View::Settings: return _("Settings");
        case View::City: return _("City summary");
        case View::Count: break;
    }
    return {};
}

MainFrame::MainFrame() : wxFrame(nullptr, wxID_ANY, _("InvestLedger")), history_(9, wxID_FILE1) {
    ctx_.undo = &undo_;
    ctx_.status = [this](const wxString& text) { SetStatusText(text, 0); };
    ctx_.data_changed = [this] { reload_all(); };
    ctx_.show_region = [this](const wxString& region) {
        show_view(View::Projects);
        if (auto* list = dynamic_cast<ListPanel*>(view(View::Projects))) list->set_filter("region", region);
    };
    ctx_.open_project = [this](std::int64_t id) { edit_project(id); };
    ctx_.delete_project = [this](std::int64_t id) { delete_project(id); };
    build_menu();
    build_body();
    CreateStatusBar(2);
    int widths[] = {-1, FromDIP(360)};
    GetStatusBar()->SetStatusWidths(2, widths);

    wxConfigBase* cfg = wxConfigBase::Get();
    int w = cfg->ReadLong("/Window/w", FromDIP(1280)), h = cfg->ReadLong("/Window/h", FromDIP(800));
    SetSize(w, h);
    SetMinSize(FromDIP(wxSize(800, 560)));
    if (cfg->ReadBool("/Window/maximized", false)) Maximize();
    else Centre();
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::on_close, this);
}

MainFrame::~MainFrame() = default;

void MainFrame::build_menu() {
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New ledger...\tCtrl+N"));
    file->Append(wxID_OPEN, _("&Open ledger...\tCtrl+O"));
    file->Append(ID_CONNECT_SERVER, _("&Connect to database server..."));
    recent_ = new wxMenu;
    file->AppendSubMenu(recent_, _("Open &recent"));
    history_.UseMenu(recent_);
    history_.Load(*wxConfigBase::Get());
    relabel_history();
    file->AppendSeparator();
    file->Append(ID_BACKUP, _("&Back up...\tCtrl+B"));
    file->Append(ID_RESTORE, _("&Restore from backup..."));
    file->Append(ID_IMPORT, _("&Import from Excel...\tCtrl+I"));
    file->Append(ID_DEMO, _("Add the &demo city"));
    file->Append(ID_SUBMIT, _("&Submit to the city..."));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("E&xit\tCtrl+Q"));
    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo last change\tCtrl+Z"));
    edit->Append(ID_GOTO_SEARCH, _("&Find\tCtrl+F"));
    edit->Append(ID_REFRESH, _("&Refresh\tF5"));
    auto* go = new wxMenu;
    for (int i = 0; i < static_cast<int>(View::Count); ++i) {
        wxString label = view_title(static_cast<View>(i));
        if (i < 9) label << "\tCtrl+" << (i + 1);
        else if (i == 9) label << "\tCtrl+0";
        go->Append(ID_NAV_FIRST + i, label);
    }
    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About"));
    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(go, _("&Go"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);

    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_new(); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_open(); }, wxID_OPEN);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_connect_server(); }, ID_CONNECT_SERVER);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_backup(); }, ID_BACKUP);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_restore(); }, ID_RESTORE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_demo(); }, ID_DEMO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { submit_to_city(this, ctx_); }, ID_SUBMIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { run_import_dialog(this, ctx_); }, ID_IMPORT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { on_undo(); }, wxID_UNDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { reload_all(); }, ID_REFRESH);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (auto* w = FindWindow(ID_LIST_SEARCH); w && w->IsShownOnScreen()) w->SetFocus();
    }, ID_GOTO_SEARCH);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) { show_view(static_cast<View>(e.GetId() - ID_NAV_FIRST)); },
         ID_NAV_FIRST, ID_NAV_FIRST + static_cast<int>(View::Count) - 1);
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        wxString target = history_.GetHistoryFile(static_cast<size_t>(e.GetId() - wxID_FILE1));
        if (!target.empty()) open_ledger(target, false);
    }, wxID_FILE1, wxID_FILE9);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        ask(this, wxString::Format(_("InvestLedger %s\nInvestment project ledger for county investment-promotion offices."),
                                      IL_VERSION), _("About"), wxOK | wxICON_INFORMATION);
    }, wxID_ABOUT);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        e.Enable(!undo_.empty());
        e.SetText(undo_.empty() ? _("&Undo last change") + "\tCtrl+Z" : undo_.next_label() + "\tCtrl+Z");
    }, wxID_UNDO);
}

void MainFrame::build_body() {
    auto* panel = new wxPanel(this);
    // The navigator is made first: it comes first in the tab order and takes the focus on opening
    // (not the year field, where the first key typed would replace the reporting year).
    nav_ = new wxTreeCtrl(panel, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(190, -1)),
                          wxTR_HIDE_ROOT | wxTR_NO_LINES | wxTR_FULL_ROW_HIGHLIGHT | wxTR_SINGLE | wxTR_HAS_BUTTONS);
    // Period chooser above the views.
    auto* period_bar = new wxBoxSizer(wxHORIZONTAL);
    period_bar->Add(new wxStaticText(panel, wxID_ANY, _("Reporting period:")), 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(4));
    // Its own best width: GTK's spin button (entry and two buttons) refuses less (Gtk-CRITICAL).
    year_ = new wxSpinCtrl(panel, ID_PERIOD_YEAR, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2000, 2100, 2017);
    month_ = new wxChoice(panel, ID_PERIOD_MONTH);
    for (int m = 1; m <= 12; ++m) month_->Append(wx(Period{2017, m}.label()));
    month_->SetSelection(5);
    period_bar->Add(year_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    period_bar->Add(month_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    auto on_period = [this] { set_period(Period{year_->GetValue(), month_->GetSelection() + 1}); };
    year_->Bind(wxEVT_SPINCTRL, [on_period](wxSpinEvent&) { on_period(); });
    month_->Bind(wxEVT_CHOICE, [on_period](wxCommandEvent&) { on_period(); });

    nav_->SetFont(nav_->GetFont().Scaled(1.1f));
    wxTreeItemId root = nav_->AddRoot("root");
    book_ = new wxSimplebook(panel);
    nav_items_.resize(static_cast<std::size_t>(View::Count));
    views_.resize(static_cast<std::size_t>(View::Count));
    wxTreeItemId projects;
    for (int i = 0; i < static_cast<int>(View::Count); ++i) {
        auto v = static_cast<View>(i);
        wxTreeItemId item = v == View::Monthly ? nav_->AppendItem(projects, view_title(v))
                                               : nav_->AppendItem(root, view_title(v));
        if (v == View::Projects) projects = item;
        nav_items_[static_cast<std::size_t>(i)] = item;
        views_[static_cast<std::size_t>(i)] = make_view(v, book_, ctx_);
        book_->AddPage(views_[static_cast<std::size_t>(i)], view_title(v));
    }
    nav_->ExpandAll();
    nav_->Bind(wxEVT_TREE_SEL_CHANGED, [this](wxTreeEvent& e) {
        if (syncing_nav_) return;
        for (std::size_t i = 0; i < nav_items_.size(); ++i)
            if (nav_items_[i] == e.GetItem()) show_view(static_cast<View>(i));
    });

    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(period_bar, 0, wxEXPAND);
    right->Add(book_, 1, wxEXPAND);
    auto* box = new wxBoxSizer(wxHORIZONTAL);
    box->Add(nav_, 0, wxEXPAND);
    box->Add(right, 1, wxEXPAND);
    panel->SetSizer(box);
}

void MainFrame::show_view(View v) {
    auto i = static_cast<std::size_t>(v);
    if (i >= views_.size()) return;
    book_->ChangeSelection(i);
    if (i < stale_.size() && stale_[i]) {
        stale_[i] = false;
        views_[i]->reload();
    }
    syncing_nav_ = true;
    nav_->SelectItem(nav_items_[i]);
    syncing_nav_ = false;
    SetStatusText(wxString(), 0);
    if (auto* list = dynamic_cast<ListPanel*>(views_[i])) SetStatusText(list->status_text(), 0);
    wxConfigBase::Get()->Write("/Window/view", static_cast<long>(i));
}

void MainFrame::focus_start() {
    nav_->SetFocus();
}

void MainFrame::set_forced_period(const std::string& text) {
    if (!text.empty()) forced_period_ = parse_period(text);
}

void MainFrame::set_period(const Period& p) {
    ctx_.period = p;
    year_->SetValue(p.year);
    year_->SetSelection(0, 0);  // GTK selects the whole year on SetValue: nothing to overwrite by accident
    month_->SetSelection(p.month - 1);
    reload_all();
}

void MainFrame::reload_all() {
    // Only the view on screen reads now; the others when they are next shown (a big ledger makes
    // every list read cost a moment, even on the worker thread).
    const auto shown = static_cast<std::size_t>(book_->GetSelection());
    stale_.assign(views_.size(), true);
    if (shown < views_.size()) {
        stale_[shown] = false;
        views_[shown]->reload();
    }
    auto i = static_cast<std::size_t>(book_->GetSelection());
    if (i < views_.size())
        if (auto* list = dynamic_cast<ListPanel*>(views_[i])) SetStatusText(list->status_text(), 0);
}

void MainFrame::update_title() {
    wxString title = _("InvestLedger");
    wxString where;
    if (ctx_.db && ctx_.db->server()) {  // path() is empty for a server ledger
        where = wx(url_without_password(ctx_.db->server_url()));
        title << " - " << wxString::Format(_("%s (database server)"), where);
    } else if (ctx_.db) {
        where = wx(il::path_utf8(ctx_.db->path()));
        title << " - " << wx(il::path_utf8(ctx_.db->path().filename())) << " (" << wx(il::path_utf8(ctx_.db->path().parent_path())) << ")";
    }
    SetTitle(title);
    SetStatusText(where, 1);
}

void MainFrame::relabel_history() {
    for (size_t i = 0; i < history_.GetCount() && i < 9; ++i) {
        const wxString target = history_.GetHistoryFile(i);
        if (!recent_ || !db::storage::is_postgresql_url(utf8(target)) || !recent_->FindItem(wxID_FILE1 + static_cast<int>(i)))
            continue;
        wxString label = target;
        label.Replace("&", "&&");  // not a mnemonic (an address's parameters: ?a=1&b=2)
        recent_->SetLabel(wxID_FILE1 + static_cast<int>(i), wxString::Format("&%zu %s", i + 1, label));
    }
}

bool MainFrame::open_database(const fs::path& file, bool create) { return open_ledger(wx(il::path_utf8(file)), create); }

bool MainFrame::open_ledger(const wxString& target, bool create) {
    for (auto* v : views_)
        if (v->has_unsaved_changes() &&
            ask(this, _("The monthly update has unsaved changes. Discard them?"), _("Open ledger"),
                         wxYES_NO | wxICON_QUESTION) != wxYES)
            return false;
    const std::string where = utf8(target);
    const bool server = db::storage::is_postgresql_url(where);
    std::unique_ptr<db::Database> db;
    try {
        wxBusyCursor busy;
        db::OpenOptions o;
        o.create = create && !server;  // a server's ledger is made by `investledger-cli server init`
        db = db::open_ledger(where, o, [this](const std::string& url) { return ask_server_password(this, url); });
        // The shipped dictionaries fill empty tables of a new file. A server's dictionaries are
        // its administrator's, and an office's role may not write them.
        if (!db->server()) db::seed_dictionaries_from(*db, std::nullopt);
    } catch (const Cancelled&) {
        SetStatusText(_("Not connected: no password was given."), 0);
        return false;
    } catch (...) {
        show_current_exception(this, _("Opening the ledger"));
        return false;
    }
    for (auto* v : views_) v->save_layout();
    undo_.clear();
    ctx_.db = std::move(db);
    if (ctx_.db->migration_backup())
        SetStatusText(wxString::Format(_("The ledger was upgraded; a copy of the old file: %s"),
                                       wx(ctx_.db->migration_backup()->string())), 0);
    // What the settings keep (recent ledgers, the last one): a file's absolute path, a server's
    // address without any password typed into it.
    wxString saved = server ? wx(url_without_password(where)) : wx(il::path_utf8(fs::absolute(il::u8path(where))));
    wxConfigBase::Get()->Write("/LastDatabase", saved);
    history_.AddFileToHistory(saved);
    history_.Save(*wxConfigBase::Get());
    relabel_history();
    update_title();
    Period p = forced_period_.value_or(Period{0, 0});
    if (p.year == 0) try {
        if (auto latest = query::latest_period(*ctx_.db)) p = *latest;
    } catch (...) {
    }
    if (p.year == 0) {
        wxDateTime now = wxDateTime::Now();
        p = Period{now.GetYear(), static_cast<int>(now.GetMonth()) + 1};
    }
    set_period(p);
    return true;
}

bool MainFrame::open_initial(const wxString& forced_target) {
    if (!forced_target.empty()) return open_ledger(forced_target, true);
    wxString last = wxConfigBase::Get()->Read("/LastDatabase", wxString());
    const bool last_on_server = db::storage::is_postgresql_url(utf8(last));
    if (!last.empty() && (last_on_server || wxFileName::FileExists(last)) && open_ledger(last, false)) return true;
    fs::path dir = platform::user_data_dir();
    std::error_code ec;
    fs::create_directories(dir, ec);
    fs::path file = dir / "ledger.db";
    if (fs::exists(file, ec)) return open_database(file, false);
    return first_start(file);
}

bool MainFrame::first_start(const fs::path& file) {
    wxArrayString choices;
    choices.Add(_("Start with the demo city (Langfang 2017, about 1,100 projects)"));
    choices.Add(_("Import an existing ledger from Excel"));
    choices.Add(_("Start with an empty ledger"));
    wxSingleChoiceDialog dlg(this, wxString::Format(_("Welcome to InvestLedger.\nThe ledger will be kept in:\n%s\n\nHow do you want to start?"),
                                                   wx(il::path_utf8(file))), _("First start"), choices);
    dlg.SetSelection(0);
    // GTK sizes the list for about two and a half rows, cutting the third choice: the extra
    // height goes to the list (it is the dialog's stretching item).
    dlg.SetSize(dlg.GetSize() + wxSize(0, 2 * dlg.GetCharHeight()));
    if (dlg.ShowModal() != wxID_OK) return false;
    if (!open_database(file, true)) return false;
    ask_office_name();
    if (dlg.GetSelection() == 0) generate_demo();
    else if (dlg.GetSelection() == 1) {
        show_view(View::Projects);
        run_import_dialog(this, ctx_);
    }
    return true;
}

void MainFrame::ask_office_name() {
    if (!ctx_.db || ctx_.db->read_only() || test_mode() || !ctx_.db->setting_or("footer_unit", "").empty()) return;
    wxTextEntryDialog dlg(this, _("Name of your office (the reporting unit), printed on every report\n(it can be changed later under Settings):"),
                          _("First start"));
    if (dlg.ShowModal() != wxID_OK) return;
    std::string name = utf8(dlg.GetValue().Trim(true).Trim(false));
    if (name.empty()) return;
    try {
        ctx_.db->set_setting("footer_unit", name);
    } catch (...) {
        show_current_exception(this, _("First start"));
    }
}

void MainFrame::on_new() {
    wxFileDialog dlg(this, _("New ledger"), wx(il::path_utf8(platform::user_data_dir())), "ledger.db",
                     _("Ledger database (*.db)|*.db|All files|*"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    std::error_code ec;
    fs::path file(utf8(dlg.GetPath()));
    if (fs::exists(file, ec)) {
        ask(this, _("Choose a new file name: an existing file is never overwritten by a new ledger."), _("New ledger"),
                     wxOK | wxICON_WARNING);
        return;
    }
    open_database(file, true);
}

void MainFrame::on_open() {
    wxFileDialog dlg(this, _("Open ledger"), wxString(), wxString(), _("Ledger database (*.db)|*.db|All files|*"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() == wxID_OK) open_database(il::u8path(utf8(dlg.GetPath())), false);
}

void MainFrame::on_connect_server() {
    // Start from the ledger's own address, else the last server in the recent ledgers.
    wxString initial = ctx_.db && ctx_.db->server() ? wx(url_without_password(ctx_.db->server_url())) : wxString();
    for (size_t i = 0; initial.empty() && i < history_.GetCount(); ++i)
        if (db::storage::is_postgresql_url(utf8(history_.GetHistoryFile(i)))) initial = history_.GetHistoryFile(i);
    ServerDialog dlg(this, initial.empty() ? wxString("postgresql://") : initial);
    if (dlg.ShowModal() == wxID_OK) open_ledger(dlg.url(), false);
}

bool MainFrame::refuse_on_server(const wxString& doing) {
    if (!ctx_.db || !ctx_.db->server()) return false;
    ask(this, _("This ledger is on a database server: it is backed up on the server (by its administrator). "
                "Backing up and restoring here is for ledger files."), doing, wxOK | wxICON_INFORMATION);
    return true;
}

void MainFrame::on_backup() {
    if (!ctx_.db || refuse_on_server(_("Back up"))) return;
    try {
        wxBusyCursor busy;
        fs::path file = db::backup_now(*ctx_.db);
        SetStatusText(wxString::Format(_("Backed up to %s"), wx(il::path_utf8(file))), 0);
        ask(this, wxString::Format(_("The ledger was backed up to\n%s"), wx(il::path_utf8(file))), _("Back up"),
                     wxOK | wxICON_INFORMATION);
    } catch (...) {
        show_current_exception(this, _("Back up"));
    }
}

void MainFrame::on_restore() {
    if (!ctx_.db || refuse_on_server(_("Restore"))) return;
    std::vector<db::BackupInfo> backups;
    try {
        backups = db::list_backups(ctx_.db->path());
    } catch (...) {
    }
    wxArrayString items;
    for (const auto& b : backups)
        items.Add(b.readable ? wxString::Format(_("%s  (%s)  %lld projects, last change %s"), wx(b.created), wx(b.kind),
                                                static_cast<long long>(b.projects), wx(b.last_change.substr(0, 19)))
                             : wxString::Format(_("%s  (%s)  unreadable: %s"), wx(b.created), wx(b.kind), wx(b.error)));
    items.Add(_("Another backup file..."));
    wxSingleChoiceDialog choose(this, _("Restore which backup? The current content is backed up first."), _("Restore"), items);
    if (choose.ShowModal() != wxID_OK) return;
    fs::path file;
    auto sel = static_cast<std::size_t>(choose.GetSelection());
    if (sel < backups.size()) {
        file = backups[sel].file;
    } else {
        wxFileDialog dlg(this, _("Restore from a backup"), wx(il::path_utf8(db::backup_dir(ctx_.db->path()))), wxString(),
                         _("Ledger database (*.db)|*.db|All files|*"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (dlg.ShowModal() != wxID_OK) return;
        file = il::u8path(utf8(dlg.GetPath()));
    }
    if (ask(this, wxString::Format(_("Replace the current ledger with the backup\n%s?"), wx(il::path_utf8(file))), _("Restore"),
                     wxYES_NO | wxNO_DEFAULT | wxICON_WARNING) != wxYES)
        return;
    try {
        wxBusyCursor busy;
        fs::path before = db::restore_backup(*ctx_.db, file);
        undo_.clear();
        reload_all();
        SetStatusText(wxString::Format(_("Restored. The previous content was kept in %s"), wx(il::path_utf8(before))), 0);
    } catch (...) {
        show_current_exception(this, _("Restore"));
    }
}

void MainFrame::on_demo() {
    if (ctx_.db && generate_demo()) reload_all();
}

void MainFrame::on_close(wxCloseEvent& e) {
    for (auto* v : views_)
        if (e.CanVeto() && v->has_unsaved_changes() &&
            ask(this, _("The monthly update has unsaved changes. Quit anyway?"), _("Quit"), wxYES_NO | wxICON_QUESTION) != wxYES) {
            e.Veto();
            return;
        }
    for (auto* v : views_) v->save_layout();
    wxConfigBase* cfg = wxConfigBase::Get();
    cfg->Write("/Window/maximized", IsMaximized());
    if (!IsMaximized()) {
        cfg->Write("/Window/w", static_cast<long>(GetSize().x));
        cfg->Write("/Window/h", static_cast<long>(GetSize().y));
    }
    cfg->Flush();
    e.Skip();
}

}  // namespace il::gui
