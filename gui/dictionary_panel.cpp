#include "gui/dictionary_panel.h"

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/textdlg.h>

#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

DictionaryPanel::DictionaryPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    book_ = new wxNotebook(this, wxID_ANY);
    const wxString titles[4] = {_("Regions"), _("Zones"), _("Industries"), _("Categories")};
    for (int k = 0; k < 4; ++k) {
        lists_[k] = new wxListCtrl(book_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
        book_->AddPage(lists_[k], titles[k]);
        lists_[k]->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { on_rename(); });
    }
    lists_[0]->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(200));
    lists_[0]->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(100));
    lists_[0]->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(100));
    lists_[0]->AppendColumn(_("Short name"), wxLIST_FORMAT_LEFT, FromDIP(120));
    lists_[1]->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(220));
    lists_[1]->AppendColumn(_("Region"), wxLIST_FORMAT_LEFT, FromDIP(120));
    lists_[1]->AppendColumn(_("Level"), wxLIST_FORMAT_LEFT, FromDIP(80));
    lists_[1]->AppendColumn(_("Short name"), wxLIST_FORMAT_LEFT, FromDIP(120));
    lists_[2]->AppendColumn(_("Code"), wxLIST_FORMAT_LEFT, FromDIP(60));
    lists_[2]->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(360));
    lists_[3]->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(160));
    lists_[3]->AppendColumn(_("Group"), wxLIST_FORMAT_LEFT, FromDIP(140));
    lists_[3]->AppendColumn(_("Strategic emerging"), wxLIST_FORMAT_LEFT, FromDIP(110));
    auto* add = new wxButton(this, wxID_ADD, _("&Add..."));
    auto* rename = new wxButton(this, wxID_ANY, _("Re&name..."));
    short_name_ = new wxButton(this, wxID_ANY, _("&Short name..."));
    short_name_->SetToolTip(_("A shorter name for charts and narrow columns, e.g. 廊坊开发区"));
    short_name_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_short_name(); });
    book_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        short_name_->Enable(e.GetSelection() <= 1);  // regions and zones have one
    });
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_add(); });
    rename->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { on_rename(); });
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(add);
    buttons->Add(rename, 0, wxLEFT, FromDIP(6));
    buttons->Add(short_name_, 0, wxLEFT, FromDIP(6));
    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(buttons, 0, wxALL, FromDIP(6));
    box->Add(book_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    SetSizer(box);
}

db::DictionaryKind DictionaryPanel::current_kind() const {
    return static_cast<db::DictionaryKind>(std::max(book_->GetSelection(), 0));
}

void DictionaryPanel::reload() {
    if (!ctx_.db) return;
    try {
        db::DictionaryRepository repo(*ctx_.db);
        for (auto& l : lists_) l->DeleteAllItems();
        for (auto& ids : ids_) ids.clear();
        std::map<std::int64_t, std::string> region_name;
        for (const auto& r : repo.regions()) {
            long i = lists_[0]->InsertItem(lists_[0]->GetItemCount(), wx(r.name));
            lists_[0]->SetItem(i, 1, wx(r.code));
            lists_[0]->SetItem(i, 2, wx(r.kind));
            lists_[0]->SetItem(i, 3, wx(r.short_name));
            ids_[0].push_back(r.id);
            region_name[r.id] = r.name;
        }
        for (const auto& z : repo.zones()) {
            long i = lists_[1]->InsertItem(lists_[1]->GetItemCount(), wx(z.name));
            lists_[1]->SetItem(i, 1, wx(region_name[z.region_id]));
            lists_[1]->SetItem(i, 2, wx(z.level));
            lists_[1]->SetItem(i, 3, wx(z.short_name));
            ids_[1].push_back(z.id);
        }
        for (const auto& ind : repo.industries()) {
            long i = lists_[2]->InsertItem(lists_[2]->GetItemCount(), wx(ind.code));
            lists_[2]->SetItem(i, 1, wx(ind.name));
            ids_[2].push_back(ind.id);
        }
        for (const auto& c : repo.categories()) {
            long i = lists_[3]->InsertItem(lists_[3]->GetItemCount(), wx(c.name));
            lists_[3]->SetItem(i, 1, wx(c.group_name));
            lists_[3]->SetItem(i, 2, c.strategic_emerging ? _("yes") : wxString());
            ids_[3].push_back(c.id);
        }
    } catch (...) {
        show_current_exception(this, _("Loading the dictionaries"));
    }
}

void DictionaryPanel::on_add() {
    if (!ctx_.db) return;
    auto kind = current_kind();
    wxString name = wxGetTextFromUser(_("Name:"), _("Add"), wxString(), this);
    if (name.Strip(wxString::both).empty()) return;
    try {
        db::DictionaryRepository repo(*ctx_.db);
        switch (kind) {
            case db::DictionaryKind::Regions: {
                Region r;
                r.name = utf8(name.Strip(wxString::both));
                repo.add_region(r);
                break;
            }
            case db::DictionaryKind::Zones: {
                auto regions = repo.regions();
                wxArrayString names;
                for (const auto& r : regions) names.Add(wx(r.name));
                int sel = wxGetSingleChoiceIndex(_("The zone belongs to:"), _("Add"), names, this);
                if (sel < 0) return;
                Zone z;
                z.name = utf8(name.Strip(wxString::both));
                z.region_id = regions[static_cast<std::size_t>(sel)].id;
                repo.add_zone(z);
                break;
            }
            case db::DictionaryKind::Industries: {
                wxString code = wxGetTextFromUser(_("Section code (A-T):"), _("Add"), wxString(), this);
                Industry ind;
                ind.code = utf8(code.Strip(wxString::both));
                ind.name = utf8(name.Strip(wxString::both));
                repo.add_industry(ind);
                break;
            }
            case db::DictionaryKind::Categories: {
                wxArrayString groups;
                for (const char* g : {"战略性新兴产业", "现代服务业", "传统产业", "现代农业", "其他"}) groups.Add(wxString::FromUTF8(g));
                int sel = wxGetSingleChoiceIndex(_("Group:"), _("Add"), groups, this);
                if (sel < 0) return;
                Category c;
                c.name = utf8(name.Strip(wxString::both));
                c.group_name = utf8(groups[static_cast<std::size_t>(sel)]);
                c.strategic_emerging = sel == 0;
                repo.add_category(c);
                break;
            }
        }
    } catch (...) {
        show_current_exception(this, _("Add"));
        return;
    }
    if (ctx_.data_changed) ctx_.data_changed();
}

void DictionaryPanel::on_rename() {
    if (!ctx_.db) return;
    auto k = static_cast<std::size_t>(current_kind());
    long item = lists_[k]->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0) return;
    int name_col = k == 2 ? 1 : 0;
    wxString old_name = lists_[k]->GetItemText(item, name_col);
    wxString name = wxGetTextFromUser(_("New name (records keep pointing to this entry):"), _("Rename"), old_name, this);
    if (name.empty() || name == old_name) return;
    try {
        db::DictionaryRepository(*ctx_.db).rename(current_kind(), ids_[k][static_cast<std::size_t>(item)],
                                                  utf8(name.Strip(wxString::both)));
    } catch (...) {
        show_current_exception(this, _("Rename"));
        return;
    }
    if (ctx_.data_changed) ctx_.data_changed();
}

void DictionaryPanel::on_short_name() {
    if (!ctx_.db) return;
    const auto kind = current_kind();
    if (kind != db::DictionaryKind::Regions && kind != db::DictionaryKind::Zones) return;
    auto k = static_cast<std::size_t>(kind);
    long item = lists_[k]->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (item < 0) return;
    const wxString name = lists_[k]->GetItemText(item, 0);
    wxTextEntryDialog dlg(this, wxString::Format(_("Short name of %s (empty: none; shown where the name does not fit):"), name),
                          _("Short name"), lists_[k]->GetItemText(item, 3));
    if (dlg.ShowModal() != wxID_OK) return;
    try {
        set_short_name(ids_[k][static_cast<std::size_t>(item)], dlg.GetValue());
    } catch (...) {
        show_current_exception(this, _("Short name"));
    }
}

void DictionaryPanel::set_short_name(std::int64_t id, const wxString& short_name) {
    wxString text = short_name;
    db::DictionaryRepository(*ctx_.db).set_short_name(current_kind(), id, utf8(text.Strip(wxString::both)));
    if (ctx_.data_changed) ctx_.data_changed();
}

}  // namespace il::gui
