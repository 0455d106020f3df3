#pragma once
// The main window: menu, period chooser, navigator on the left, one view at a time on the right,
// status bar. It owns the AppContext (open ledger, period) and the views; the views do the work.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/choice.h>
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/simplebook.h>
#include <wx/spinctrl.h>
#include <wx/treectrl.h>

#include "gui/app_context.h"
#include "gui/undo_stack.h"
#include "gui/view_kind.h"

namespace il::gui {

class ViewPanel;
class ListPanel;


class MainFrame : public wxFrame {
public:
    MainFrame();
    ~MainFrame() override;

    // Opens a ledger and shows it: a file (created if missing and `create`) or a ledger on a
    // PostgreSQL server, "postgresql://user@host[:port]/dbname" (the password from ~/.pgpass, else
    // asked for). Returns false (after telling the user) on failure or when the user cancelled.
    bool open_ledger(const wxString& target, bool create);
    bool open_database(const std::filesystem::path& file, bool create);  // a file: open_ledger
    // On start: the ledger named (a file or a server's address), the last ledger, or the
    // first-start choice. False if the user gave up.
    bool open_initial(const wxString& forced_target);

    void show_view(View v);
    // Where the keyboard starts on opening: the navigator.
    void focus_start();
    wxWindow* navigator() const { return nav_; }
    wxWindow* year_field() const { return year_; }
    ViewPanel* view(View v) const { return views_[static_cast<std::size_t>(v)]; }
    AppContext& context() { return ctx_; }
    void set_period(const Period& p);
    // A period given on the command line ("2017-06"): used instead of the latest one on opening.
    void set_forced_period(const std::string& text);
    void reload_all();
    static wxString view_title(View v);
    // Opens the edit dialog of a project (0: a new one). Returns the dialog's modal result.
    int edit_project(std::int64_t id);

private:
    void build_menu();
    void build_body();
    void update_title();
    void on_new();
    void on_open();
    void on_connect_server();
    // Backup and restore work on ledger files; a server's ledger is backed up on the server.
    bool refuse_on_server(const wxString& doing);
    // wxFileHistory shows entries as paths (postgresql:/user@host/db): server entries as typed.
    void relabel_history();
    void on_backup();
    void on_restore();
    void on_demo();
    void on_undo();
    void on_close(wxCloseEvent& e);
    void delete_project(std::int64_t id);
    bool first_start(const std::filesystem::path& default_file);
    void ask_office_name();  // 填报单位 for the reports, when none is set yet
    bool generate_demo();

    AppContext ctx_;
    UndoStack undo_;
    wxTreeCtrl* nav_ = nullptr;
    std::vector<wxTreeItemId> nav_items_;
    wxSimplebook* book_ = nullptr;
    std::vector<ViewPanel*> views_;
    std::vector<bool> stale_;  // views to reload when next shown
    wxSpinCtrl* year_ = nullptr;
    wxChoice* month_ = nullptr;
    wxFileHistory history_;
    wxMenu* recent_ = nullptr;  // the history's menu
    bool syncing_nav_ = false;
    std::optional<Period> forced_period_;
};

}  // namespace il::gui
