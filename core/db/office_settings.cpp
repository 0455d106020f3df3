#include "core/db/office_settings.h"
#include "core/db/write_transaction.h"

#include <array>
#include <utility>

namespace il::db {
namespace {

using Text = std::string OfficeSettings::*;
constexpr std::array<std::pair<const char*, Text>, 5> kTexts{{
    {"footer_unit", &OfficeSettings::footer_unit},
    {"footer_filler", &OfficeSettings::footer_filler},
    {"footer_phone", &OfficeSettings::footer_phone},
    {"footer_head", &OfficeSettings::footer_head},
    {"user_name", &OfficeSettings::user_name},
}};

std::string trimmed(const std::string& s) {
    const auto a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

}  // namespace

OfficeSettings OfficeSettings::load(Database& db) {
    OfficeSettings s;
    for (const auto& [key, member] : kTexts) s.*member = db.setting_or(key, "");
    s.thresholds = stats::WarnThresholds::from_settings(db);
    return s;
}

void OfficeSettings::save(Database& db) const {
    thresholds.check();  // before anything is written
    WriteTransaction tx(db);
    for (const auto& [key, member] : kTexts) db.set_setting(key, trimmed(this->*member));
    thresholds.save(db);
    tx.commit();
    if (const auto user = trimmed(user_name); !user.empty()) db.set_user(user);
}

}  // namespace il::db
