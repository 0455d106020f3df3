#include "gui/record_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/statline.h>

#include "core/db/audit.h"
#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

const wxColour kBadFieldColour(255, 205, 210);

namespace {
// "funds[2].amount" -> ("funds", 2, "amount"); false when not of that form.
bool split_list_field(const std::string& field, std::string& list, int& index, std::string& sub) {
    auto open = field.find('[');
    auto close = field.find("].");
    if (open == std::string::npos || close == std::string::npos || close < open) return false;
    list = field.substr(0, open);
    try {
        index = std::stoi(field.substr(open + 1, close - open - 1));
    } catch (...) {
        return false;
    }
    sub = field.substr(close + 2);
    return true;
}
}  // namespace

RecordDialog::RecordDialog(wxWindow* parent, AppContext& ctx, const wxString& title)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      ctx_(ctx) {
    book_ = new wxNotebook(this, wxID_ANY);
}

void RecordDialog::load_names() {
    regions_ = query::region_names(*ctx_.db);
    zones_ = query::zone_names(*ctx_.db);
    zone_regions_ = query::zone_regions(*ctx_.db);
    industries_ = query::industry_names(*ctx_.db);
    categories_ = query::category_names(*ctx_.db);
}

wxTextCtrl* RecordDialog::add_text(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label,
                                   int page_index, long style) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* t = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition,
                             style & wxTE_MULTILINE ? FromDIP(wxSize(-1, 60)) : wxDefaultSize, style);
    grid->Add(t, 1, wxEXPAND);
    texts_[field] = t;
    page_of_[field] = page_index;
    return t;
}

wxChoice* RecordDialog::add_choice(wxWindow* page, wxSizer* grid, const std::string& field, const wxString& label,
                                   int page_index) {
    grid->Add(new wxStaticText(page, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
    auto* c = new wxChoice(page, wxID_ANY);
    grid->Add(c, 1, wxEXPAND);
    choices_[field] = c;
    page_of_[field] = page_index;
    return c;
}

void RecordDialog::register_grid(const std::string& list_field, wxGrid* grid, int page_index,
                                 std::map<std::string, int> columns) {
    grids_[list_field] = GridField{grid, page_index, std::move(columns), {}};
    others_[list_field] = grid;
    page_of_[list_field] = page_index;
}

wxWindow* RecordDialog::build_history_page(const std::vector<std::pair<std::string, std::int64_t>>& records) {
    auto* page = new_page();
    history_list_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT);
    history_list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, FromDIP(150));
    history_list_->AppendColumn(_("User"), wxLIST_FORMAT_LEFT, FromDIP(70));
    history_list_->AppendColumn(_("Action"), wxLIST_FORMAT_LEFT, FromDIP(60));
    history_list_->AppendColumn(_("Field"), wxLIST_FORMAT_LEFT, FromDIP(120));
    history_list_->AppendColumn(_("Old value"), wxLIST_FORMAT_LEFT, FromDIP(140));
    history_list_->AppendColumn(_("New value"), wxLIST_FORMAT_LEFT, FromDIP(140));
    history_list_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(80));
    try {
        std::vector<db::AuditEntry> all;
        for (const auto& [table, id] : records) {
            if (!id) continue;
            auto trail = db::audit_trail(*ctx_.db, table, id);
            all.insert(all.end(), trail.begin(), trail.end());
        }
        std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
        for (const auto& e : all) {
            long i = history_list_->InsertItem(history_list_->GetItemCount(), wx(e.at.substr(0, 19)));
            history_list_->SetItem(i, 1, wx(e.who));
            history_list_->SetItem(i, 2, wx(e.action));
            history_list_->SetItem(i, 3, wx(e.field));
            history_list_->SetItem(i, 4, wx(e.old_value));
            history_list_->SetItem(i, 5, wx(e.new_value));
            history_list_->SetItem(i, 6, wx(e.reason));
        }
    } catch (...) {
        show_current_exception(this, _("Loading the change log"));
    }
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(history_list_, 1, wxEXPAND | wxALL, FromDIP(10));
    page->SetSizer(box);
    return page;
}

void RecordDialog::finish_layout(wxSizer* extra_buttons, wxSize size) {
    issues_text_ = new wxStaticText(this, wxID_ANY, wxString());
    issues_text_->SetForegroundColour(wxColour(176, 0, 32));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(book_, 1, wxEXPAND | wxALL, FromDIP(6));
    box->Add(issues_text_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(10));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    if (extra_buttons) buttons->Add(extra_buttons, 0, wxALIGN_CENTER_VERTICAL);
    buttons->AddStretchSpacer();
    buttons->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxALIGN_CENTER_VERTICAL);
    box->Add(new wxStaticLine(this), 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    box->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(box);
    if (size != wxDefaultSize) SetSize(FromDIP(size));
    CentreOnParent();
    Bind(wxEVT_BUTTON, &RecordDialog::on_ok, this, wxID_OK);
}

void RecordDialog::fill_regions(std::int64_t region_id, const std::optional<std::int64_t>& zone_id) {
    wxChoice* region = choices_.at("region_id");
    region->Clear();
    int sel = regions_.empty() ? wxNOT_FOUND : 0;
    for (std::size_t i = 0; i < regions_.size(); ++i) {
        region->Append(wx(regions_[i].second));
        if (regions_[i].first == region_id) sel = static_cast<int>(i);
    }
    region->SetSelection(sel);
    region->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_zones(); });
    fill_zones();
    if (zone_id) {
        wxChoice* zone = choices_.at("zone_id");
        for (unsigned i = 1; i < zone->GetCount(); ++i)
            if (reinterpret_cast<std::intptr_t>(zone->GetClientData(i)) == *zone_id) zone->SetSelection(static_cast<int>(i));
    }
}

void RecordDialog::fill_zones() {
    wxChoice* zone = choices_.at("zone_id");
    std::optional<std::int64_t> keep = zone->GetCount() ? zone_value() : std::nullopt;
    std::int64_t region = region_value();
    zone->Clear();
    zone->Append(_("(none)"), reinterpret_cast<void*>(0));
    int new_sel = 0;
    for (const auto& [zid, name] : zones_) {
        auto it = std::find_if(zone_regions_.begin(), zone_regions_.end(), [&](const auto& zr) { return zr.first == zid; });
        if (it == zone_regions_.end() || it->second != region) continue;
        zone->Append(wx(name), reinterpret_cast<void*>(static_cast<std::intptr_t>(zid)));
        if (keep && *keep == zid) new_sel = static_cast<int>(zone->GetCount()) - 1;
    }
    zone->SetSelection(new_sel);
}

void RecordDialog::fill_optional(const std::string& field, const query::NameList& list,
                                 const std::optional<std::int64_t>& id) {
    wxChoice* c = choices_.at(field);
    c->Clear();
    c->Append(_("(none)"));
    int sel = 0;
    for (std::size_t i = 0; i < list.size(); ++i) {
        c->Append(wx(list[i].second));
        if (id && list[i].first == *id) sel = static_cast<int>(i) + 1;
    }
    c->SetSelection(sel);
}

std::int64_t RecordDialog::region_value() const {
    int r = choices_.at("region_id")->GetSelection();
    return r >= 0 && static_cast<std::size_t>(r) < regions_.size() ? regions_[static_cast<std::size_t>(r)].first : 0;
}

std::optional<std::int64_t> RecordDialog::zone_value() const {
    wxChoice* zone = choices_.at("zone_id");
    int z = zone->GetSelection();
    if (z <= 0) return std::nullopt;
    return reinterpret_cast<std::intptr_t>(zone->GetClientData(static_cast<unsigned>(z)));
}

std::optional<std::int64_t> RecordDialog::optional_value(const std::string& field, const query::NameList& list) const {
    int s = choices_.at(field)->GetSelection();
    if (s <= 0 || static_cast<std::size_t>(s) > list.size()) return std::nullopt;
    return list[static_cast<std::size_t>(s - 1)].first;
}

std::string RecordDialog::text(const std::string& field) const {
    return utf8(texts_.at(field)->GetValue().Strip(wxString::both));
}

std::optional<std::string> RecordDialog::opt_text(const std::string& field) const {
    std::string s = text(field);
    if (s.empty()) return std::nullopt;
    return s;
}

Money RecordDialog::money(const std::string& field, const char* label, std::vector<FieldIssue>& issues) const {
    std::string s = text(field);
    if (s.empty()) return Money{};
    if (auto m = parse_amount(s)) return *m;
    issues.push_back({field, std::string(label) + "“" + s + "”不是有效的金额（万元，最多两位小数）"});
    return Money{};
}

void RecordDialog::set_text(const std::string& field, const std::string& value) { texts_.at(field)->ChangeValue(wx(value)); }

bool RecordDialog::set_field_text(const std::string& field, const wxString& value) {
    auto it = texts_.find(field);
    if (it == texts_.end()) return false;
    it->second->ChangeValue(value);
    return true;
}

bool RecordDialog::set_choice_text(const std::string& field, const wxString& value) {
    auto it = choices_.find(field);
    if (it == choices_.end()) return false;
    bool ok = it->second->SetStringSelection(value);
    if (ok && field == "region_id") fill_zones();
    return ok;
}

wxString RecordDialog::field_text(const std::string& field) const {
    if (auto it = texts_.find(field); it != texts_.end()) return it->second->GetValue();
    if (auto it = choices_.find(field); it != choices_.end()) return it->second->GetStringSelection();
    return {};
}

wxWindow* RecordDialog::control_of(const std::string& field) const {
    if (auto it = texts_.find(field); it != texts_.end()) return it->second;
    if (auto it = choices_.find(field); it != choices_.end()) return it->second;
    if (auto it = others_.find(field); it != others_.end()) return it->second;
    return nullptr;
}

bool RecordDialog::is_marked(const std::string& field) const {
    std::string list, sub;
    int index = 0;
    if (split_list_field(field, list, index, sub)) {
        auto g = grids_.find(list);
        if (g == grids_.end() || index < 1 || static_cast<std::size_t>(index) > g->second.rows_read.size()) return false;
        auto col = g->second.columns.find(sub);
        if (col == g->second.columns.end()) return false;
        int row = g->second.rows_read[static_cast<std::size_t>(index - 1)];
        return g->second.grid->GetCellBackgroundColour(row, col->second) == kBadFieldColour;
    }
    wxWindow* w = control_of(field);
    return w && std::find(marked_.begin(), marked_.end(), w) != marked_.end();
}

wxGrid* RecordDialog::mark_cell(const std::string& field, bool mark_it, int* page) {
    std::string list, sub;
    int index = 0;
    if (!split_list_field(field, list, index, sub)) return nullptr;
    auto g = grids_.find(list);
    if (g == grids_.end()) return nullptr;
    GridField& gf = g->second;
    if (page) *page = gf.page;
    if (index < 1 || static_cast<std::size_t>(index) > gf.rows_read.size()) return gf.grid;
    int row = gf.rows_read[static_cast<std::size_t>(index - 1)];
    auto col = gf.columns.find(sub);
    int c = col != gf.columns.end() ? col->second : 0;
    if (mark_it) {
        gf.grid->SetCellBackgroundColour(row, c, kBadFieldColour);
        marked_cells_.push_back({gf.grid, {row, c}});
        gf.grid->GoToCell(row, c);
    }
    return gf.grid;
}

void RecordDialog::clear_marks() {
    for (wxWindow* w : marked_) {
        w->SetBackgroundColour(wxNullColour);
        w->UnsetToolTip();
        w->Refresh();
    }
    for (auto& [grid, cell] : marked_cells_) {
        if (cell.first < grid->GetNumberRows() && cell.second < grid->GetNumberCols())
            grid->SetCellBackgroundColour(cell.first, cell.second, grid->GetDefaultCellBackgroundColour());
        grid->UnsetToolTip();
        grid->ForceRefresh();
    }
    marked_.clear();
    marked_cells_.clear();
    shown_issues_.clear();
    if (issues_text_) issues_text_->SetLabel(wxString());
}

void RecordDialog::show_issues(const std::vector<FieldIssue>& issues) {
    clear_marks();
    shown_issues_ = issues;
    wxString all;
    wxWindow* first = nullptr;
    std::map<wxWindow*, wxString> tips;
    for (const auto& issue : issues) {
        all << (all.empty() ? "" : "\n") << wxString::FromUTF8("• ") << wx(issue.reason);
        int page = -1;
        wxWindow* w = nullptr;
        if (wxGrid* grid = mark_cell(issue.field, true, &page)) {
            tips[grid] << (tips[grid].empty() ? "" : "\n") << wx(issue.reason);
            w = grid;
        } else if ((w = control_of(issue.field))) {
            tips[w] << (tips[w].empty() ? "" : "\n") << wx(issue.reason);
            marked_.push_back(w);
            if (auto p = page_of_.find(issue.field); p != page_of_.end()) page = p->second;
        }
        if (w && !first) {
            first = w;
            if (page >= 0) book_->SetSelection(static_cast<std::size_t>(page));
        }
    }
    for (auto& [w, tip] : tips) {
        if (std::find(marked_.begin(), marked_.end(), w) != marked_.end()) w->SetBackgroundColour(kBadFieldColour);
        w->SetToolTip(tip);
        if (auto* grid = dynamic_cast<wxGrid*>(w)) grid->ForceRefresh();
        else w->Refresh();
    }
    issues_text_->SetLabel(all);
    issues_text_->Wrap(GetClientSize().x - FromDIP(20));
    Layout();
    if (first) first->SetFocus();
}

void RecordDialog::on_ok(wxCommandEvent&) {
    if (try_save()) EndModal(wxID_OK);
}

}  // namespace il::gui
