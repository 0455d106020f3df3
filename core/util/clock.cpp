#include "core/util/clock.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace il {
namespace {
std::tm local_tm() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    return tm;
}
}  // namespace

std::string now_iso() {
#ifdef _WIN32
    // msvcrt's %z is the zone's name ("China Standard Time"): the offset is computed instead
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_s(&tm, &t);
    std::tm as_utc = tm;
    const long minutes = static_cast<long>(_mkgmtime(&as_utc) - t) / 60;
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char zone[16];
    std::snprintf(zone, sizeof zone, "%c%02ld:%02ld", minutes < 0 ? '-' : '+', std::labs(minutes) / 60,
                  std::labs(minutes) % 60);
    return std::string(buf) + zone;
#else
    std::tm tm = local_tm();
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    std::string s = buf;  // +0800 -> +08:00
    if (s.size() >= 5) s.insert(s.size() - 2, ":");
    return s;
#endif
}

std::string today_iso() {
    std::tm tm = local_tm();
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string os_user_name() {
    for (const char* var : {"INVESTLEDGER_USER", "USER", "USERNAME", "LOGNAME"}) {
        if (const char* v = std::getenv(var); v && *v) return v;
    }
    return "unknown";
}

}  // namespace il
