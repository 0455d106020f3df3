#pragma once
// 报表: choose the templates, the scope and the file for the current period; generate on a
// worker thread with a progress dialog; then open the file or its folder. The pre-report check
// findings are listed, each opening the project it names; earlier runs are listed below.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/hyperlink.h>
#include <wx/listctrl.h>
#include <wx/stattext.h>

#include "gui/view_panel.h"

namespace il::gui {

class ReportPanel : public ViewPanel {
public:
    ReportPanel(wxWindow* parent, AppContext& ctx);
    void reload() override;
    // Generates with the current choices into `file` (empty: the picker's). True on success.
    bool generate(const wxString& file = {});
    std::size_t findings_count() const { return finding_projects_.size(); }
    const std::filesystem::path& last_file() const { return last_file_; }
    bool last_cancelled() const { return last_cancelled_; }
    // The project each listed finding opens on double-click (nullopt: none found).
    const std::vector<std::optional<std::int64_t>>& finding_projects() const { return finding_projects_; }
    // What a double-click on a finding does: opens its project's dialog. False when it names none.
    bool activate_finding(long index);

private:
    void suggest_file();
    void open_file();
    void open_folder();

    wxStaticText* period_ = nullptr;
    wxChoice* scope_ = nullptr;
    wxCheckListBox* templates_ = nullptr;
    std::vector<std::string> template_ids_;
    wxFilePickerCtrl* file_ = nullptr;
    wxCheckBox* strict_ = nullptr;
    wxStaticText* result_ = nullptr;
    wxHyperlinkCtrl* file_link_ = nullptr;
    wxStaticText* findings_label_ = nullptr;
    bool last_cancelled_ = false;
    wxButton* open_file_ = nullptr;
    wxButton* open_folder_ = nullptr;
    wxListCtrl* findings_ = nullptr;
    wxListCtrl* runs_ = nullptr;
    std::vector<std::optional<std::int64_t>> finding_projects_;
    std::filesystem::path last_file_;
};

}  // namespace il::gui
