#pragma once
#include <string>

namespace il {
// Local time as ISO 8601 with offset: 2017-06-30T17:45:03+08:00 (audit log, report runs).
std::string now_iso();
// Today's local date: 2017-06-30.
std::string today_iso();
// Who is making changes: the configured name if set, else the OS user ($USER / %USERNAME%).
std::string os_user_name();
}  // namespace il
