#pragma once
// 字典: regions, zones, industries and categories — listed, added and renamed through
// DictionaryRepository (records refer to entries by id, so a rename changes no history).
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

    wxNotebook* book_ = nullptr;
    wxListCtrl* lists_[4] = {};
    std::vector<std::int64_t> ids_[4];
};

}  // namespace il::gui
