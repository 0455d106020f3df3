#pragma once
// Conversions between core's UTF-8 std::string and wxString, and small shared UI helpers.
#include <string>

#include <wx/string.h>
#include <wx/window.h>

namespace il::gui {

inline wxString wx(const std::string& s) { return wxString::FromUTF8(s.data(), s.size()); }
inline std::string utf8(const wxString& s) { return s.utf8_string(); }
// Translates a msgid coming from core (column titles are English msgids marked with IL_N_).
inline wxString tr(const std::string& msgid) { return wxGetTranslation(wx(msgid)); }

}  // namespace il::gui
