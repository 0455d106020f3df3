#include <doctest/doctest.h>

#include <regex>

#include "core/util/clock.h"

// core/util/clock.cpp has a POSIX (localtime_r) and a Windows (localtime_s) branch; the audit
// log and the report records need this exact shape on both (msvcrt's %z is a zone name, not an
// offset, so the offset is computed).
TEST_CASE("now_iso: local time with a numeric UTC offset; today_iso: the date") {
    const std::string now = il::now_iso();
    CHECK_MESSAGE(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})")), now);
    const std::string today = il::today_iso();
    CHECK(std::regex_match(today, std::regex(R"(\d{4}-\d{2}-\d{2})")));
    CHECK(now.substr(0, 10) <= today);  // the same day, or midnight passed in between
}

TEST_CASE("os_user_name: INVESTLEDGER_USER wins over the OS user") {
#ifdef _WIN32
    _putenv("INVESTLEDGER_USER=clock_test_user");
#else
    setenv("INVESTLEDGER_USER", "clock_test_user", 1);
#endif
    CHECK(il::os_user_name() == "clock_test_user");
#ifdef _WIN32
    _putenv("INVESTLEDGER_USER=");
#else
    unsetenv("INVESTLEDGER_USER");
#endif
    CHECK(!il::os_user_name().empty());
}
