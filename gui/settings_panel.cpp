#include "gui/settings_panel.h"

#include <wx/button.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include "gui/error_text.h"
#include "gui/wx_util.h"

namespace il::gui {

SettingsPanel::SettingsPanel(wxWindow* parent, AppContext& ctx) : ViewPanel(parent, ctx) {
    auto* footer = new wxStaticBoxSizer(wxVERTICAL, this, _("Report footer"));
    auto* fg = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    fg->AddGrowableCol(1);
    const std::pair<const char*, wxString> fields[] = {
        {"footer_unit", _("Reporting unit")},
        {"footer_filler", _("Filled in by")},
        {"footer_phone", _("Contact phone")},
        {"footer_head", _("Head of unit")},
        {"user_name", _("User name (change log)")},
    };
    for (const auto& [key, label] : fields) {
        fg->Add(new wxStaticText(footer->GetStaticBox(), wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* t = new wxTextCtrl(footer->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(320, -1)));
        fg->Add(t, 1, wxEXPAND);
        texts_[key] = t;
    }
    footer->Add(fg, 0, wxEXPAND | wxALL, FromDIP(8));

    auto* warn = new wxStaticBoxSizer(wxVERTICAL, this, _("Warning lights"));
    auto* wg = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    yellow_ = new wxSpinCtrl(warn->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)),
                             wxSP_ARROW_KEYS, 1, 100, 10);
    red_ = new wxSpinCtrl(warn->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(120, -1)),
                          wxSP_ARROW_KEYS, 1, 100, 20);
    wg->Add(new wxStaticText(warn->GetStaticBox(), wxID_ANY, _("Yellow from (points behind the time schedule)")), 0, wxALIGN_CENTER_VERTICAL);
    wg->Add(yellow_);
    wg->Add(new wxStaticText(warn->GetStaticBox(), wxID_ANY, _("Red from (points behind the time schedule)")), 0, wxALIGN_CENTER_VERTICAL);
    wg->Add(red_);
    warn->Add(wg, 0, wxALL, FromDIP(8));

    auto* lang = new wxStaticBoxSizer(wxHORIZONTAL, this, _("Language"));
    language_ = new wxChoice(lang->GetStaticBox(), wxID_ANY);
    language_->Append(wxString::FromUTF8("简体中文"));
    language_->Append("English");
    language_->SetSelection(wxConfigBase::Get()->Read("/Language", "zh_CN") == "en" ? 1 : 0);
    lang->Add(language_, 0, wxALL, FromDIP(8));
    lang->Add(new wxStaticText(lang->GetStaticBox(), wxID_ANY, _("(applies at the next start)")), 0, wxALIGN_CENTER_VERTICAL);

    auto* save_button = new wxButton(this, wxID_SAVE, _("&Save"));
    save_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { save(); });

    auto* box = new wxBoxSizer(wxVERTICAL);
    box->Add(footer, 0, wxEXPAND | wxALL, FromDIP(10));
    box->Add(warn, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    box->Add(lang, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(10));
    box->Add(save_button, 0, wxLEFT, FromDIP(10));
    SetSizer(box);
}

void SettingsPanel::reload() {
    if (!ctx_.db) return;
    try {
        for (auto& [key, t] : texts_) t->ChangeValue(wx(ctx_.db->setting_or(key, "")));
        yellow_->SetValue(std::stoi(ctx_.db->setting_or("warn_yellow_points", "10")));
        red_->SetValue(std::stoi(ctx_.db->setting_or("warn_red_points", "20")));
    } catch (...) {
        show_current_exception(this, _("Loading the settings"));
    }
}

void SettingsPanel::set_value(const std::string& key, const wxString& value) {
    if (auto it = texts_.find(key); it != texts_.end()) it->second->ChangeValue(value);
}

bool SettingsPanel::save() {
    if (!ctx_.db) return false;
    if (red_->GetValue() < yellow_->GetValue()) {
        red_->SetFocus();
        ask(this, _("The red threshold must not be below the yellow one."), _("Settings"), wxOK | wxICON_WARNING);
        return false;
    }
    try {
        SQLite::Transaction tx(ctx_.db->sql());
        for (auto& [key, t] : texts_) ctx_.db->set_setting(key, utf8(t->GetValue().Strip(wxString::both)));
        ctx_.db->set_setting("warn_yellow_points", std::to_string(yellow_->GetValue()));
        ctx_.db->set_setting("warn_red_points", std::to_string(red_->GetValue()));
        tx.commit();
        std::string user = utf8(texts_["user_name"]->GetValue().Strip(wxString::both));
        if (!user.empty()) ctx_.db->set_user(user);
    } catch (...) {
        show_current_exception(this, _("Saving the settings"));
        return false;
    }
    wxConfigBase::Get()->Write("/Language", language_->GetSelection() == 1 ? "en" : "zh_CN");
    if (ctx_.status) ctx_.status(_("Settings saved."));
    if (ctx_.data_changed) ctx_.data_changed();
    return true;
}

}  // namespace il::gui
