#include "gui/server_dialog.h"

#include <cstdio>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

#include "core/db/storage/pg_connection.h"
#include "core/util/progress.h"
#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

namespace {
// Where the user part of postgresql://user[:password]@host... ends (npos: no "user@").
std::size_t user_info_end(const std::string& url, std::size_t start) {
    const std::size_t authority_end = url.find_first_of("/?", start);
    const std::size_t at = url.rfind('@', authority_end == std::string::npos ? url.size() : authority_end);
    return at != std::string::npos && at >= start ? at : std::string::npos;
}
}  // namespace

std::string url_without_password(const std::string& url) {
    std::string out = url;
    const std::size_t scheme = out.find("://");
    if (scheme == std::string::npos) return out;
    const std::size_t start = scheme + 3;
    if (std::size_t at = user_info_end(out, start); at != std::string::npos) {
        const std::size_t colon = out.find(':', start);
        if (colon != std::string::npos && colon < at) out.erase(colon, at - colon);
    }
    // libpq also takes ?password=... among the parameters.
    const std::size_t q = out.find('?');
    if (q == std::string::npos) return out;
    std::string kept;
    bool dropped = false;
    for (std::size_t from = q + 1; from <= out.size();) {
        std::size_t to = out.find('&', from);
        if (to == std::string::npos) to = out.size();
        const std::string param = out.substr(from, to - from);
        if (param.rfind("password=", 0) == 0) dropped = true;
        else if (!param.empty()) kept += (kept.empty() ? "" : "&") + param;
        from = to + 1;
    }
    if (!dropped) return out;
    out.erase(q);
    if (!kept.empty()) out += "?" + kept;
    return out;
}

namespace {
// Where libpq looks for a user's passwords on this system.
wxString pass_file() {
#ifdef _WIN32
    return "%APPDATA%\\postgresql\\pgpass.conf";
#else
    return "~/.pgpass";
#endif
}
}  // namespace

wxString server_url_problem(const wxString& url) {
    const std::string u = utf8(url);
    if (!db::storage::is_postgresql_url(u))
        return _("The address of a server ledger starts with postgresql://, for example postgresql://office@192.168.1.10/ledger");
    const std::size_t start = u.find("://") + 3;
    const std::size_t slash = u.find('/', start);
    if (slash == std::string::npos || slash + 1 >= u.size() || u[slash + 1] == '?' || slash == start)
        return _("The address needs the server and the database name: postgresql://user@host[:port]/dbname");
    if (url_without_password(u) != u)
        return wxString::Format(_("Leave the password out of the address: it comes from %s or is asked for when "
                                  "connecting, and is never saved."),
                                pass_file());
    return {};
}

ServerDialog::ServerDialog(wxWindow* parent, const wxString& initial)
    : wxDialog(parent, wxID_ANY, _("Connect to database server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(new wxStaticText(this, wxID_ANY, _("Address of the shared ledger (postgresql://user@host[:port]/dbname):")),
             0, wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    field_ = new wxTextCtrl(this, wxID_ANY, initial, wxDefaultPosition, FromDIP(wxSize(460, -1)));
    box->Add(field_, 0, wxEXPAND | wxALL, FromDIP(12));
    auto* note = new wxStaticText(this, wxID_ANY,
                                  wxString::Format(_("The password comes from %s.\nIf it is not there, it is asked for "
                                                     "once when connecting, kept in memory while the ledger is open and "
                                                     "never saved."),
                                                   pass_file()));
    note->Wrap(FromDIP(600));  // Wrap breaks at spaces only: the Chinese text has its own line break
    box->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12));
    box->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(box);
    SetMinSize(GetSize());
    CentreOnParent();
    field_->SetFocus();
    field_->SetInsertionPointEnd();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (accept()) EndModal(wxID_OK);
    }, wxID_OK);
}

wxString ServerDialog::url() const { return wxString(field_->GetValue()).Trim(true).Trim(false); }

bool ServerDialog::accept() {
    const wxString problem = server_url_problem(url());
    if (problem.empty()) return true;
    ask(this, problem, GetTitle(), wxOK | wxICON_WARNING);
    field_->SetFocus();
    return false;
}

std::string ask_server_password(wxWindow* parent, const std::string& url) {
    if (test_mode()) {  // an unattended run has no one to type it: fail as a cancel would
        std::fprintf(stderr, "[password] asked for %s: none given in a test run\n", url_without_password(url).c_str());
        throw Cancelled();
    }
    wxBusyCursorSuspender not_busy;  // the caller connects under a busy cursor; the user types here
    wxPasswordEntryDialog dlg(parent,
                              wxString::Format(_("Password for the database server\n%s\n\n(%s has none for it. "
                                                 "The password is kept in memory while the ledger is open and never saved.)"),
                                               wx(url_without_password(url)), pass_file()),
                              _("Connect to database server"));
    if (dlg.ShowModal() != wxID_OK) throw Cancelled();
    return utf8(dlg.GetValue());
}

}  // namespace il::gui
