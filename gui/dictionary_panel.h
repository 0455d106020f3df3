#pragma once
// 字典: regions, zones, industries and categories — listed, added, renamed (regions and zones
// also given a short name) through
// DictionaryRepository (records refer to entries by id, so a rename changes no history).
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include "core/db/dictionary_repository.h"
#include "gui/view_panel.h"

namespace il::gui {

class DictionaryPanel : public ViewPanel {
public:
    DictionaryPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;

private:
    db::DictionaryKind current_kind() const;
    void on_add();
    void on_rename();
    void on_short_name();
    void set_short_name(std::int64_t id, const wxString& short_name);  // throws like core

    wxNotebook* book_ = nullptr;
    wxButton* short_name_ = nullptr;
    wxListCtrl* lists_[4] = {};
    std::vector<std::int64_t> ids_[4];
};

}  // namespace il::gui
