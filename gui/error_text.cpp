#include "gui/error_text.h"

#include <cstdio>
#include <exception>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "core/util/error.h"
#include "core/validate/field_issue.h"
#include "gui/wx_util.h"

namespace il::gui {
namespace {

wxString sqlite_text(const SQLite::Exception& e) {
    switch (e.getErrorCode() & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return _("The database is in use by another program (or another copy of InvestLedger). "
                     "Close it there and try again.");
        case SQLITE_READONLY: return _("The database file is read-only: it cannot be changed.");
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return _("The file is not a valid ledger database, or it is damaged. Restore a backup.");
        case SQLITE_FULL: return _("The disk is full: the change was not saved.");
        case SQLITE_CANTOPEN: return _("The database file cannot be opened (missing folder or no permission).");
        case SQLITE_CONSTRAINT:
            return _("The change conflicts with existing data (a duplicate code or name, or a record still in use).");
        default: break;
    }
    return wxString::Format(_("Database error: %s"), wx(e.what()));
}

}  // namespace

wxString describe_current_exception() {
    try {
        throw;
    } catch (const RecordInvalid& e) {
        wxString text = _("The record is not valid:");
        for (const auto& issue : e.issues()) text << "\n" << wxString::FromUTF8("• ") << wx(issue.reason);
        return text;
    } catch (const StaleRecord& e) {
        return _("Someone else changed this record after you opened it. Close the dialog and open it again.") +
               "\n" + wx(e.what());
    } catch (const PeriodLocked& e) {
        return _("This period is locked (already reported); unlock it first.") + "\n" + wx(e.what());
    } catch (const il::Error& e) {
        return wx(e.what());  // core's own messages are already user text in Chinese
    } catch (const SQLite::Exception& e) {
        return sqlite_text(e);
    } catch (const std::bad_alloc&) {
        return _("Out of memory.");
    } catch (const std::exception& e) {
        return wxString::Format(_("Unexpected error: %s"), wx(e.what()));
    } catch (...) {
        return _("Unknown error.");
    }
}

namespace {
bool g_test_mode = false;
}

void set_test_mode(bool on) { g_test_mode = on; }
bool test_mode() { return g_test_mode; }

int ask(wxWindow* parent, const wxString& text, const wxString& title, long style) {
    if (g_test_mode) {
        std::fprintf(stderr, "[message] %s: %s\n", title.utf8_str().data(), text.utf8_str().data());
        return style & wxYES_NO ? wxYES : wxOK;
    }
    return wxMessageBox(text, title, style, parent);
}

void show_current_exception(wxWindow* parent, const wxString& doing) {
    ask(parent, describe_current_exception(), doing, wxOK | wxICON_ERROR);
}

}  // namespace il::gui
