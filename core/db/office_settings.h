#pragma once
// The settings an office edits (设置): the report footer, the name in the change log and the
// warning-light thresholds, typed, read and written here instead of by setting keys in the GUI.
#include <string>

#include "core/db/database.h"
#include "core/stats/warning_lights.h"

namespace il::db {

struct OfficeSettings {
    std::string footer_unit;    // 填报单位
    std::string footer_filler;  // 填表人
    std::string footer_phone;   // 联系电话
    std::string footer_head;    // 单位负责人
    std::string user_name;      // the name the change log records
    stats::WarnThresholds thresholds;

    // Unset texts are "", unset thresholds the defaults; a malformed threshold throws ValidationError.
    static OfficeSettings load(Database& db);
    // All of them in one transaction (texts trimmed); ValidationError (nothing written) when the
    // thresholds break their rules (WarnThresholds::check: red >= yellow …). A non-empty user
    // name becomes the connection's user.
    void save(Database& db) const;
};

}  // namespace il::db
