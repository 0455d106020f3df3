#pragma once
// A list view over a core/query Table: virtual (smooth with 100,000 rows), sorted by clicking a
// column header, filtered by facet choices and a search box (names, owners, codes, pinyin
// initials), columns chosen and ordered, totals of the visible rows in the status bar, and the
// visible rows exported to xlsx. Column layout and filters are remembered.
#include <vector>

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>

#include "core/query/table.h"
#include "gui/view_panel.h"

namespace il::gui {

enum class ListKind { Projects, Renovations, Deals, Problems };

class VirtualList;

class ListPanel : public ViewPanel {
public:
    ListPanel(wxWindow* parent, AppContext& ctx, ListKind kind);
    void reload() override;
    void save_layout() override;

    // Sets a facet filter (e.g. "region" = "固安县") and applies it: used by 首页 bar clicks.
    void set_filter(const std::string& key, const wxString& value);
    void set_search(const wxString& text);
    // Writes the visible rows and columns to `file` (xlsx). Throws like core does.
    void export_visible(const wxString& file);
    std::size_t visible_count() const { return visible_.size(); }
    const query::Table& table() const { return table_; }
    const std::vector<std::size_t>& visible_rows() const { return visible_; }
    // The id of the record in visible row `i` (a problem's project for the problem list).
    std::int64_t record_id_at(long i) const;
    wxString status_text() const;

private:
    void build_columns();
    void rebuild_facets();
    void apply();
    void update_status();
    void on_column_click(wxListEvent& e);
    void on_activate(long item);
    void on_choose_columns();
    void on_export();
    void on_add();
    void on_delete();
    wxString config_path() const;

    ListKind kind_;
    query::Table table_;
    std::vector<std::size_t> visible_;
    std::vector<int> shown_;  // table column index per list column, in display order
    query::SortSpec sort_;
    wxSearchCtrl* search_ = nullptr;
    wxBoxSizer* facet_sizer_ = nullptr;
    std::vector<std::pair<std::string, wxChoice*>> facets_;
    VirtualList* list_ = nullptr;
    wxTimer search_timer_;
    bool loaded_ = false;
};

}  // namespace il::gui
