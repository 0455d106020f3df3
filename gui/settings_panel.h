#pragma once
// 设置: report footer fields (填报单位, 填表人, 联系电话, 单位负责人), warning thresholds, the user
// name written to the audit log, and the language (applies at the next start).
#include <map>
#include <string>

#include <wx/choice.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/view_panel.h"

namespace il::gui {

class SettingsPanel : public ViewPanel {
public:
    SettingsPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    // Stores every field (one transaction). Returns false and tells the user when it fails.
    bool save();
    // For the self-test: sets a text field by its settings key.
    void set_value(const std::string& key, const wxString& value);
    // For the self-test: "zh_CN" or "en" (stored by save(), applies at the next start).
    void set_language(const wxString& code);

private:
    std::map<std::string, wxTextCtrl*> texts_;
    wxSpinCtrlDouble* yellow_ = nullptr;   // percentage points behind 序时进度 (two decimals)
    wxSpinCtrlDouble* red_ = nullptr;
    wxSpinCtrl* not_started_ = nullptr;    // months after the planned start
    wxStaticText* thresholds_note_ = nullptr;
    wxChoice* language_ = nullptr;
};

}  // namespace il::gui
