#include "gui/error_text.h"

#include <cstdio>
#include <exception>

#include <SQLiteCpp/Exception.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "core/db/sqlite_error_text.h"
#include "core/util/error.h"
#include "core/validate/field_issue.h"
#include "gui/wx_util.h"

namespace il::gui {
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
        return wx(db::sqlite_error_text(e.getErrorCode(), e.what()));  // core says it, for the CLI too
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
