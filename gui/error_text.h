#pragma once
// The one place where errors become text for the user (core throws typed exceptions and never
// shows anything). Call from a catch block: describe_current_exception() rethrows and inspects.
#include <wx/string.h>
#include <wx/window.h>

namespace il::gui {

// The message for the exception being handled (use inside catch (...)).
wxString describe_current_exception();

// Shows the message for the exception being handled, titled with what was being done.
void show_current_exception(wxWindow* parent, const wxString& doing);

// wxMessageBox, except in test mode (the GUI test program, tests/gui/self_test/): then the text
// goes to stderr and the answer is wxYES/wxOK, so that no modal box ever blocks an unattended run.
int ask(wxWindow* parent, const wxString& text, const wxString& title, long style);
void set_test_mode(bool on);
bool test_mode();

}  // namespace il::gui
