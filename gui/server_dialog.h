#pragma once
// Opening a ledger held on a PostgreSQL server (issue 14): the address dialog of File > Connect to
// database server..., and the password prompt that db::open_ledger calls only when ~/.pgpass has
// no password for the server. The password stays in memory (the open Database keeps it for its
// workers' connections, background_load.h); the address saved in the settings (recent ledgers, the
// last ledger) and shown in the title never carries one.
#include <string>

#include <wx/dialog.h>
#include <wx/string.h>
#include <wx/textctrl.h>

namespace il::gui {

// The address of a server ledger as it may be shown and saved: a password written into it
// (postgresql://user:secret@host/db or ?password=...) removed.
std::string url_without_password(const std::string& url);
// Why `url` cannot be used as a server ledger's address (empty: it can).
wxString server_url_problem(const wxString& url);

class ServerDialog : public wxDialog {
public:
    ServerDialog(wxWindow* parent, const wxString& initial);
    wxString url() const;
    void set_url(const wxString& url) { field_->ChangeValue(url); }
    // OK: the address is checked first; a bad one is named and the dialog stays open.
    bool accept();

private:
    wxTextCtrl* field_ = nullptr;
};

// db::PasswordPrompt for the GUI: a password dialog (the text only in memory). Throws il::Cancelled
// when the user cancels, and in test runs, where no modal dialog may wait for a user.
std::string ask_server_password(wxWindow* parent, const std::string& url);

}  // namespace il::gui
