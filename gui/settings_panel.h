#pragma once
// 设置: report footer fields (填报单位, 填表人, 联系电话, 单位负责人), warning thresholds, the user
// name written to the audit log, and the language (applies at the next start).
#include <map>
#include <string>

#include <wx/choice.h>
#include <wx/spinctrl.h>
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

private:
    std::map<std::string, wxTextCtrl*> texts_;
    wxSpinCtrl* yellow_ = nullptr;
    wxSpinCtrl* red_ = nullptr;
    wxChoice* language_ = nullptr;
};

}  // namespace il::gui
