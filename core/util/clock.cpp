#include "core/util/clock.h"

#include <chrono>
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
    std::tm tm = local_tm();
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
    std::string s = buf;  // +0800 -> +08:00
    if (s.size() >= 5) s.insert(s.size() - 2, ":");
    return s;
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
