#include "gui/settings_panel.h"

#include <cmath>

#include <wx/button.h>
#include <wx/config.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include "core/db/office_settings.h"
#include "core/stats/warning_lights.h"
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

    // The thresholds of the warning lights (core/stats/warning_lights.h): 首页 and the reports.
    auto* warn = new wxStaticBoxSizer(wxVERTICAL, this, _("Warning lights"));
    auto* wg = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    const stats::WarnThresholds defaults;
    auto points = [&](double value) {
        auto* c = new wxSpinCtrlDouble(warn->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                       wxSP_ARROW_KEYS, 0, 100, value, 0.5);
        c->SetDigits(2);
        return c;
    };
    yellow_ = points(defaults.yellow_bp / 100.0);
    red_ = points(defaults.red_bp / 100.0);
    not_started_ = new wxSpinCtrl(warn->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                  wxSP_ARROW_KEYS, 0, 120, defaults.not_started_red_months);
    wg->Add(new wxStaticText(warn->GetStaticBox(), wxID_ANY, _("Yellow from (points behind the time schedule)")), 0, wxALIGN_CENTER_VERTICAL);
    wg->Add(yellow_);
    wg->Add(new wxStaticText(warn->GetStaticBox(), wxID_ANY, _("Red above (points behind the time schedule)")), 0, wxALIGN_CENTER_VERTICAL);
    wg->Add(red_);
    wg->Add(new wxStaticText(warn->GetStaticBox(), wxID_ANY, _("Not started: red after (months past the planned start)")), 0,
            wxALIGN_CENTER_VERTICAL);
    wg->Add(not_started_);
    warn->Add(wg, 0, wxALL, FromDIP(8));
    thresholds_note_ = new wxStaticText(warn->GetStaticBox(), wxID_ANY,
                                        _("Used by the overview's red and yellow list and by the warning report."));
    thresholds_note_->SetForegroundColour(wxColour(100, 100, 100));
    warn->Add(thresholds_note_, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));

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

namespace {
// Each text field of the panel and the setting it edits.
constexpr std::pair<const char*, std::string db::OfficeSettings::*> kTextFields[] = {
    {"footer_unit", &db::OfficeSettings::footer_unit},   {"footer_filler", &db::OfficeSettings::footer_filler},
    {"footer_phone", &db::OfficeSettings::footer_phone}, {"footer_head", &db::OfficeSettings::footer_head},
    {"user_name", &db::OfficeSettings::user_name},
};
}  // namespace

void SettingsPanel::reload() {
    if (!ctx_.db) return;
    try {
        const auto s = db::OfficeSettings::load(*ctx_.db);
        for (const auto& [key, member] : kTextFields) texts_[key]->ChangeValue(wx(s.*member));
        yellow_->SetValue(s.thresholds.yellow_bp / 100.0);
        red_->SetValue(s.thresholds.red_bp / 100.0);
        not_started_->SetValue(s.thresholds.not_started_red_months);
    } catch (...) {
        show_current_exception(this, _("Loading the settings"));
    }
}

void SettingsPanel::set_language(const wxString& code) { language_->SetSelection(code == "en" ? 1 : 0); }

void SettingsPanel::set_value(const std::string& key, const wxString& value) {
    if (auto it = texts_.find(key); it != texts_.end()) it->second->ChangeValue(value);
}

bool SettingsPanel::save() {
    if (!ctx_.db) return false;
    db::OfficeSettings s;
    for (const auto& [key, member] : kTextFields) s.*member = utf8(texts_[key]->GetValue());
    // the spin controls hold two decimals: exact basis points
    s.thresholds.yellow_bp = static_cast<int>(std::lround(yellow_->GetValue() * 100));
    s.thresholds.red_bp = static_cast<int>(std::lround(red_->GetValue() * 100));
    s.thresholds.not_started_red_months = not_started_->GetValue();
    if (s.thresholds.red_bp < s.thresholds.yellow_bp) red_->SetFocus();  // core refuses it (red >= yellow) below
    try {
        s.save(*ctx_.db);  // one transaction; the threshold rules are core's
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
