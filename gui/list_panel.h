#pragma once
// A list view over a core/query Table: virtual (smooth with 100,000 rows), sorted by clicking a
// column header, filtered by facet choices and a search box (names, owners, codes, pinyin
// initials), columns chosen and ordered, totals of the visible rows in the status bar, and the
// visible rows exported to xlsx. Column layout and filters are remembered.
#include <map>
#include <string>
#include <vector>

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/listctrl.h>
#include <wx/srchctrl.h>
#include <wx/timer.h>

#include "core/query/table.h"
#include "gui/background_load.h"
#include "gui/view_panel.h"

namespace il::gui {

enum class ListKind { Projects, Renovations, Deals, Problems };

class VirtualList;
class FitList;

class ListPanel : public ViewPanel {
public:
    ListPanel(wxWindow* parent, AppContext& ctx, ListKind kind);
    void reload() override;
    void save_layout() override;

    // Sets a facet filter (e.g. "region" = "固安县") and applies it: used by 首页 bar clicks.
    void set_filter(const std::string& key, const wxString& value);
    void set_search(const wxString& text);  // applied on the next timer tick, as typing is
    // Writes the visible rows and columns to `file` (xlsx). Throws like core does.
    void export_visible(const wxString& file);
    std::size_t visible_count() const { return visible_.size(); }
    const query::Table& table() const { return table_; }
    const std::vector<std::size_t>& visible_rows() const { return visible_; }
    // The id of the record in visible row `i` (a problem's project for the problem list).
    std::int64_t record_id_at(long i) const;
    wxString status_text() const;
    // Column layout (keys in display order, widths in pixels) and a facet's chosen value: what is
    // remembered across restarts. set_columns ignores unknown keys.
    std::vector<std::string> column_keys() const;
    void set_columns(const std::vector<std::string>& keys);
    int column_width(const std::string& key) const;  // -1 when not shown
    void set_column_width(const std::string& key, int width);
    wxString filter_value(const std::string& key) const;
    // Shows or hides a column (the header's context menu); remembered like the chooser's choice.
    void toggle_column(const std::string& key);
    // The list column showing `key` (-1: not shown), and the list control (the self-test).
    int list_column_of(const std::string& key) const;
    FitList* list() const;
    // Rows being read on the worker thread (the self-test waits).
    bool loading() const { return loader_.busy(); }

private:
    void build_columns();
    void rebuild_facets();
    void take_table(query::Table&& t);
    void apply(std::int64_t keep_focus = -1);  // keep_focus: the record to keep focused (-1: the focused one)
    void update_status();
    void on_column_click(wxListEvent& e);
    void on_activate(long item);
    void on_choose_columns();
    void on_header_menu(int col);
    void fit_unsized_columns();
    void on_export();
    void on_add();
    void on_delete();
    wxString config_path() const;

    ListKind kind_;
    query::Table table_;
    std::vector<std::size_t> visible_;
    std::vector<int> shown_;  // table column index per list column, in display order
    std::vector<int> unsized_;  // list columns without a remembered width (fitted when rows arrive)
    query::SortSpec sort_;
    wxSearchCtrl* search_ = nullptr;
    wxBoxSizer* facet_sizer_ = nullptr;
    std::vector<std::pair<std::string, wxChoice*>> facets_;
    VirtualList* list_ = nullptr;
    wxTimer search_timer_;
    bool loaded_ = false;
    std::map<std::string, wxString> pending_filters_;  // set before the rows arrived
    BackgroundLoad loader_{*this};
};

}  // namespace il::gui
