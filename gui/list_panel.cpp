#include "gui/list_panel.h"

#include <algorithm>
#include <map>

#include <wx/button.h>
#include <wx/busyinfo.h>
#include <wx/config.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/rearrangectrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>
#include <wx/utils.h>
#include <wx/wrapsizer.h>

#include "core/query/list_queries.h"
#include "core/query/xlsx_export.h"
#include "gui/error_text.h"
#include "gui/fit_list.h"
#include "gui/ids.h"
#include "gui/record_editing.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"

namespace il::gui {

// The virtual list control: asks the panel's table for each visible cell.
class VirtualList : public FitList {
public:
    VirtualList(wxWindow* parent, ListPanel& panel)
        : FitList(parent, ID_LIST_VIEW, wxLC_REPORT | wxLC_VIRTUAL | wxLC_HRULES | wxLC_VRULES), panel_(panel) {}
    std::vector<int>* shown = nullptr;

protected:
    wxString OnGetItemText(long item, long column) const override {
        const auto& rows = panel_.visible_rows();
        if (item < 0 || static_cast<std::size_t>(item) >= rows.size() || !shown) return {};
        auto c = static_cast<std::size_t>(column);
        if (c >= shown->size()) return {};
        return wx(panel_.table().cell_text(rows[static_cast<std::size_t>(item)], static_cast<std::size_t>((*shown)[c])));
    }

private:
    ListPanel& panel_;
};

namespace {
constexpr int kFirstFitMax = 220;  // DIP: the widest a column starts without the user asking (1280 px still shows the sums)

const char* kind_key(ListKind k) {
    switch (k) {
        case ListKind::Projects: return "projects";
        case ListKind::Renovations: return "renovations";
        case ListKind::Deals: return "deals";
        case ListKind::Problems: return "problems";
    }
    return "list";
}
}  // namespace

ListPanel::ListPanel(wxWindow* parent, AppContext& ctx, ListKind kind)
    : ViewPanel(parent, ctx), kind_(kind), search_timer_(this) {
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(this, ID_LIST_SEARCH, {}, wxDefaultPosition, FromDIP(wxSize(220, -1)), wxTE_PROCESS_ENTER);
    search_->SetDescriptiveText(_("Name, owner, code or pinyin initials"));
    search_->ShowCancelButton(true);
    search_->SetToolTip(_("Search (Ctrl+F): names, owners, codes; pinyin initials such as \"hxa\""));
    top->Add(search_, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(4));
    facet_sizer_ = new wxWrapSizer(wxHORIZONTAL);
    top->AddStretchSpacer(1);  // the filters take the row below (wrapping when the window is narrow)
    {
        if (can_add(kind_)) {
            auto* add = new wxButton(this, wxID_ADD, _("&New"));
            add->SetToolTip(_("Add a record (Ctrl+N)"));
            add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_add(); });
            top->Add(add, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
        }
        auto* del = new wxButton(this, wxID_ANY, _("&Delete"));
        del->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_delete(); });
        top->Add(del, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    }
    auto* cols = new wxButton(this, wxID_ANY, _("&Columns..."));
    cols->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_choose_columns(); });
    top->Add(cols, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
    auto* exp = new wxButton(this, ID_LIST_EXPORT, _("E&xport to Excel..."));
    exp->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_export(); });
    top->Add(exp, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));

    list_ = new VirtualList(this, *this);
    list_->shown = &shown_;
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(top, 0, wxEXPAND);
    box->Add(facet_sizer_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(2));
    box->Add(list_, 1, wxEXPAND);
    SetSizer(box);

    search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { search_timer_.StartOnce(200); });
    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { apply(); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { search_->Clear(); apply(); });
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { apply(); });
    list_->Bind(wxEVT_LIST_COL_CLICK, &ListPanel::on_column_click, this);
    list_->Bind(wxEVT_LIST_COL_RIGHT_CLICK, [this](wxListEvent& e) { on_header_menu(e.GetColumn()); });
    // A width fitted or dragged is remembered at once (not only when the window closes).
    list_->Bind(EVT_LIST_COLUMN_FITTED, [this](wxListEvent&) { save_layout(); });
    list_->Bind(wxEVT_LIST_COL_END_DRAG, [this](wxListEvent& e) {
        e.Skip();
        CallAfter([this] { save_layout(); });  // the generic control sets the width after the event
    });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent& e) { on_activate(e.GetIndex()); });
    list_->Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
        if (e.GetKeyCode() == WXK_DELETE) on_delete();
        else e.Skip();
    });
    Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {  // Ctrl+N in a list: a new record (not a new ledger)
        if (e.GetKeyCode() == 'N' && e.GetModifiers() == wxMOD_CONTROL && can_add(kind_)) on_add();
        else e.Skip();
    });
    wxConfigBase* cfg = wxConfigBase::Get();
    search_->ChangeValue(cfg->Read(config_path() + "/search", wxString()));
}

wxString ListPanel::config_path() const { return wxString("/Lists/") + kind_key(kind_); }

std::int64_t ListPanel::record_id_at(long i) const {
    if (i < 0 || static_cast<std::size_t>(i) >= visible_.size()) return 0;
    const auto& row = table_.rows[visible_[static_cast<std::size_t>(i)]];
    return kind_ == ListKind::Problems ? row.ref_id : row.id;
}

namespace {
query::Table load_table(db::Database& db, ListKind kind, const Period& period) {
    switch (kind) {
        case ListKind::Projects: return query::load_projects(db, period);
        case ListKind::Renovations: return query::load_renovations(db, period);
        case ListKind::Deals: return query::load_deals(db, period);
        case ListKind::Problems: return query::load_problems(db);
    }
    return {};
}
}  // namespace

void ListPanel::reload() {
    if (!ctx_.db) return;
    // Read on a worker thread (100,000 rows with their pinyin index take a while); the list keeps
    // showing the previous rows until the new ones arrive.
    const ListKind kind = kind_;
    const Period period = ctx_.period;
    // The column the list sorts by gets its sort order on the worker too.
    const std::string sort_key = loaded_ ? (sort_.column >= 0 ? table_.columns[static_cast<std::size_t>(sort_.column)].key : std::string())
                                         : utf8(wxConfigBase::Get()->Read(config_path() + "/sort", wxString()));
    if (ctx_.status && IsShownOnScreen()) ctx_.status(_("Loading..."));
    loader_.start<query::Table>(
        ctx_.db,
        [kind, period, sort_key](db::Database& db) {
            query::Table t = load_table(db, kind, period);
            t.prepare_sort(t.column_index(sort_key));
            return t;
        },
        [this](query::Table&& t) { take_table(std::move(t)); },
        [this](std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (...) {
                show_current_exception(this, _("Loading the list"));
            }
            take_table({});
        });
}

void ListPanel::take_table(query::Table&& t) {
    const std::int64_t focused = record_id_at(list_->GetFocusedItem());
    visible_.clear();
    list_->SetItemCount(0);
    table_ = std::move(t);
    if (!loaded_) {
        build_columns();
        loaded_ = true;
    }
    rebuild_facets();
    apply(focused);
    fit_unsized_columns();
}

void ListPanel::fit_unsized_columns() {
    // A text column never sized by the user starts wide enough for its content (long 建设单位
    // names), within reason; a double-click on its header border fits it whole.
    if (visible_.empty()) return;
    for (int i : unsized_) {
        if (i >= list_->GetColumnCount()) continue;
        const auto& col = table_.columns[static_cast<std::size_t>(shown_[static_cast<std::size_t>(i)])];
        if (col.kind != query::ColumnKind::Text) continue;
        list_->SetColumnWidth(i, std::max(list_->GetColumnWidth(i), list_->fitted_width(i, FromDIP(kFirstFitMax))));
    }
    unsized_.clear();
}

int ListPanel::list_column_of(const std::string& key) const {
    for (std::size_t i = 0; i < shown_.size(); ++i)
        if (table_.columns[static_cast<std::size_t>(shown_[i])].key == key) return static_cast<int>(i);
    return -1;
}

FitList* ListPanel::list() const { return list_; }

void ListPanel::on_header_menu(int col) {
    wxMenu menu;
    enum { kFit = 1, kFitAll, kChoose, kToggle = 100 };
    if (col >= 0) menu.Append(kFit, _("&Fit this column to its content"));
    menu.Append(kFitAll, _("Fit &all columns"));
    menu.AppendSeparator();
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
        auto* item = menu.AppendCheckItem(kToggle + static_cast<int>(c), tr(table_.columns[c].title));
        item->Check(std::find(shown_.begin(), shown_.end(), static_cast<int>(c)) != shown_.end());
    }
    menu.AppendSeparator();
    menu.Append(kChoose, _("&Columns..."));
    const int id = list_->GetPopupMenuSelectionFromUser(menu);
    if (id == kFit) list_->fit_column(col);
    else if (id == kFitAll) {
        for (int i = 0; i < list_->GetColumnCount(); ++i) list_->SetColumnWidth(i, list_->fitted_width(i));
        save_layout();
    } else if (id == kChoose) on_choose_columns();
    else if (id >= kToggle) toggle_column(table_.columns[static_cast<std::size_t>(id - kToggle)].key);
}

void ListPanel::toggle_column(const std::string& key) {
    std::vector<std::string> keys = column_keys();
    auto it = std::find(keys.begin(), keys.end(), key);
    if (it != keys.end()) {
        if (keys.size() > 1) keys.erase(it);  // the last column stays
    } else {
        keys.push_back(key);
    }
    set_columns(keys);
}

void ListPanel::build_columns() {
    wxConfigBase* cfg = wxConfigBase::Get();
    shown_.clear();
    wxString saved = cfg->Read(config_path() + "/columns", wxString());
    if (!saved.empty()) {
        for (const auto& key : wxSplit(saved, ',')) {
            int c = table_.column_index(utf8(key));
            if (c >= 0) shown_.push_back(c);
        }
    }
    if (shown_.empty())
        for (std::size_t c = 0; c < table_.columns.size(); ++c)
            if (table_.columns[c].default_visible) shown_.push_back(static_cast<int>(c));
    std::map<wxString, int> widths;
    for (const auto& item : wxSplit(cfg->Read(config_path() + "/widths", wxString()), ',')) {
        long w = 0;
        if (item.AfterFirst('=').ToLong(&w)) widths[item.BeforeFirst('=')] = static_cast<int>(w);
    }
    sort_.column = table_.column_index(utf8(cfg->Read(config_path() + "/sort", wxString())));
    sort_.ascending = cfg->ReadBool(config_path() + "/ascending", true);

    list_->ClearAll();
    unsized_.clear();
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        const auto& col = table_.columns[static_cast<std::size_t>(shown_[i])];
        auto it = widths.find(wx(col.key));
        if (it == widths.end()) unsized_.push_back(static_cast<int>(i));
        int width = it != widths.end() ? it->second : FromDIP(col.width);
        list_->AppendColumn(tr(col.title), col.kind == query::ColumnKind::Text ? wxLIST_FORMAT_LEFT : wxLIST_FORMAT_RIGHT, width);
    }
}

void ListPanel::rebuild_facets() {
    wxConfigBase* cfg = wxConfigBase::Get();
    std::map<std::string, wxString> current;
    for (auto& [key, choice] : facets_) {
        current[key] = choice->GetSelection() > 0 ? choice->GetStringSelection() : wxString();
        choice->Destroy();
    }
    bool first_time = facets_.empty();
    facets_.clear();
    facet_sizer_->Clear(true);
    for (std::size_t c = 0; c < table_.columns.size(); ++c) {
        const auto& col = table_.columns[c];
        if (!col.facet) continue;
        auto* choice = new wxChoice(this, wxID_ANY);
        choice->Append(wxString::Format(_("All: %s"), tr(col.title)));
        for (const auto& v : query::distinct_values(table_, static_cast<int>(c))) choice->Append(wx(v));
        wxString want = first_time ? cfg->Read(config_path() + "/filter/" + wx(col.key), wxString()) : current[col.key];
        if (auto it = pending_filters_.find(col.key); it != pending_filters_.end()) want = it->second;
        int sel = want.empty() ? wxNOT_FOUND : choice->FindString(want, true);
        choice->SetSelection(sel == wxNOT_FOUND ? 0 : sel);
        choice->SetToolTip(tr(col.title));
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { apply(); });
        facet_sizer_->Add(choice, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(2));
        facets_.emplace_back(col.key, choice);
    }
    pending_filters_.clear();
    Layout();
}

void ListPanel::set_filter(const std::string& key, const wxString& value) {
    if (!loaded_ || loader_.busy()) pending_filters_[key] = value;  // applied when the rows arrive
    for (auto& [k, choice] : facets_) {
        if (k != key) continue;
        int sel = value.empty() ? 0 : choice->FindString(value, true);
        choice->SetSelection(sel == wxNOT_FOUND ? 0 : sel);
    }
    apply();
}

std::vector<std::string> ListPanel::column_keys() const {
    std::vector<std::string> keys;
    for (int c : shown_) keys.push_back(table_.columns[static_cast<std::size_t>(c)].key);
    return keys;
}

void ListPanel::set_columns(const std::vector<std::string>& keys) {
    save_layout();  // keep the widths of columns that stay
    wxString list;
    for (const auto& k : keys)
        if (table_.column_index(k) >= 0) list << (list.empty() ? "" : ",") << wx(k);
    if (list.empty()) return;
    wxConfigBase::Get()->Write(config_path() + "/columns", list);
    build_columns();
    apply();
    fit_unsized_columns();
}

int ListPanel::column_width(const std::string& key) const {
    for (std::size_t i = 0; i < shown_.size(); ++i)
        if (table_.columns[static_cast<std::size_t>(shown_[i])].key == key) return list_->GetColumnWidth(static_cast<int>(i));
    return -1;
}

void ListPanel::set_column_width(const std::string& key, int width) {
    for (std::size_t i = 0; i < shown_.size(); ++i)
        if (table_.columns[static_cast<std::size_t>(shown_[i])].key == key) list_->SetColumnWidth(static_cast<int>(i), width);
}

wxString ListPanel::filter_value(const std::string& key) const {
    for (const auto& [k, choice] : facets_)
        if (k == key) return choice->GetSelection() > 0 ? choice->GetStringSelection() : wxString();
    return {};
}

void ListPanel::set_search(const wxString& text) {
    // Applied a moment later, as typed text is: GTK first lays out the entry's clear icon, which
    // it would otherwise draw unallocated when the status bar repaints at once (a Gtk-WARNING).
    search_->ChangeValue(text);
    search_timer_.StartOnce(200);
}

void ListPanel::apply(std::int64_t keep_focus) {
    search_timer_.Stop();
    query::FilterSpec f;
    for (auto& [key, choice] : facets_)
        if (choice->GetSelection() > 0) f.equals[key] = utf8(choice->GetStringSelection());
    f.search = utf8(search_->GetValue());
    const std::int64_t focused_id = keep_focus >= 0 ? keep_focus : record_id_at(list_->GetFocusedItem());
    visible_ = query::select_rows(table_, f, sort_);
    list_->SetItemCount(static_cast<long>(visible_.size()));
    // Sort indicator on the header.
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        if (shown_[i] == sort_.column) list_->ShowSortIndicator(static_cast<int>(i), sort_.ascending);
    }
    if (std::find(shown_.begin(), shown_.end(), sort_.column) == shown_.end()) list_->RemoveSortIndicator();
    if (focused_id) {
        for (std::size_t i = 0; i < visible_.size(); ++i)
            if (record_id_at(static_cast<long>(i)) == focused_id) {
                list_->Focus(static_cast<long>(i));
                break;
            }
    }
    list_->Refresh();
    update_status();
}

wxString ListPanel::status_text() const {
    wxString text = wxString::Format(_("%zu of %zu rows"), visible_.size(), table_.rows.size());
    auto totals = query::column_totals(table_, visible_);
    for (int c : shown_) {
        const auto& col = table_.columns[static_cast<std::size_t>(c)];
        if (col.kind != query::ColumnKind::Money) continue;
        const wxString title = tr(col.title);
        text << "   " << title << _(": ") << wx(format_wan(Money::from_fen(totals[static_cast<std::size_t>(c)])));
        if (!title.Contains(wxString::FromUTF8("万")) && !title.Contains("10k")) text << _(" (10k yuan)");  // unit not in the title
    }
    return text;
}

void ListPanel::update_status() {
    if (ctx_.status && IsShownOnScreen()) ctx_.status(status_text());
}

void ListPanel::on_column_click(wxListEvent& e) {
    int col = e.GetColumn();
    if (col < 0 || static_cast<std::size_t>(col) >= shown_.size()) return;
    int c = shown_[static_cast<std::size_t>(col)];
    if (sort_.column == c) sort_.ascending = !sort_.ascending;
    else { sort_.column = c; sort_.ascending = table_.columns[static_cast<std::size_t>(c)].kind == query::ColumnKind::Text; }
    apply();
}

void ListPanel::on_activate(long item) {
    if (item < 0 || static_cast<std::size_t>(item) >= visible_.size()) return;
    const auto& row = table_.rows[visible_[static_cast<std::size_t>(item)]];
    open_record(this, ctx_, kind_, row.id, row.ref_id);
}

void ListPanel::on_add() { add_record(this, ctx_, kind_); }

void ListPanel::on_delete() {
    long item = list_->GetFocusedItem();
    if (list_->GetSelectedItemCount() > 0) item = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0 || static_cast<std::size_t>(item) >= visible_.size()) return;
    delete_record(this, ctx_, kind_, table_.rows[visible_[static_cast<std::size_t>(item)]].id);
}

void ListPanel::on_choose_columns() {
    wxArrayString items;
    wxArrayInt order;
    std::vector<int> all;
    for (int c : shown_) all.push_back(c);
    for (std::size_t c = 0; c < table_.columns.size(); ++c)
        if (std::find(shown_.begin(), shown_.end(), static_cast<int>(c)) == shown_.end()) all.push_back(static_cast<int>(c));
    for (std::size_t i = 0; i < all.size(); ++i) {
        items.Add(tr(table_.columns[static_cast<std::size_t>(all[i])].title));
        bool on = std::find(shown_.begin(), shown_.end(), all[i]) != shown_.end();
        order.Add(on ? static_cast<int>(i) : ~static_cast<int>(i));
    }
    wxRearrangeDialog dlg(this, _("Check the columns to show and move them into order:"), _("Columns"), order, items);
    if (dlg.ShowModal() != wxID_OK) return;
    save_layout();  // keep the widths of columns that stay
    std::vector<int> next;
    for (int o : dlg.GetOrder())
        if (o >= 0) next.push_back(all[static_cast<std::size_t>(o)]);
    if (next.empty()) return;
    wxString keys;
    for (int c : next) keys << (keys.empty() ? "" : ",") << wx(table_.columns[static_cast<std::size_t>(c)].key);
    wxConfigBase::Get()->Write(config_path() + "/columns", keys);
    build_columns();
    apply();
    fit_unsized_columns();
}

void ListPanel::save_layout() {
    if (!loaded_) return;
    wxConfigBase* cfg = wxConfigBase::Get();
    wxString keys, widths;
    for (std::size_t i = 0; i < shown_.size(); ++i) {
        wxString key = wx(table_.columns[static_cast<std::size_t>(shown_[i])].key);
        keys << (keys.empty() ? "" : ",") << key;
        widths << (widths.empty() ? "" : ",") << key << "=" << list_->GetColumnWidth(static_cast<int>(i));
    }
    cfg->Write(config_path() + "/columns", keys);
    cfg->Write(config_path() + "/widths", widths);
    cfg->Write(config_path() + "/search", search_->GetValue());
    cfg->Write(config_path() + "/sort", sort_.column >= 0 ? wx(table_.columns[static_cast<std::size_t>(sort_.column)].key) : wxString());
    cfg->Write(config_path() + "/ascending", sort_.ascending);
    for (auto& [key, choice] : facets_)
        cfg->Write(config_path() + "/filter/" + wx(key), choice->GetSelection() > 0 ? choice->GetStringSelection() : wxString());
}

void ListPanel::export_visible(const wxString& file) {
    query::ExportRequest req;
    req.rows = visible_;
    req.columns = shown_;
    for (int c : shown_) req.headers.push_back(utf8(tr(table_.columns[static_cast<std::size_t>(c)].title)));
    req.sheet_name = utf8(_("List"));
    req.totals_label = utf8(_("Total"));
    query::export_xlsx(table_, req, il::u8path(utf8(file)));
}

void ListPanel::on_export() {
    wxFileDialog dlg(this, _("Export visible rows"), wxString(), wxString(kind_key(kind_)) + ".xlsx",
                     _("Excel workbook (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        wxBusyCursor busy;
        export_visible(dlg.GetPath());
        if (ctx_.status) ctx_.status(wxString::Format(_("Exported %zu rows to %s"), visible_.size(), dlg.GetPath()));
    } catch (...) {
        show_current_exception(this, _("Export"));
    }
}

}  // namespace il::gui
