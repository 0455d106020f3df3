#include <doctest/doctest.h>

#include "core/model/calendar.h"

using namespace il;

TEST_CASE("calendar: leap years and month lengths (the one rule validation and import use)") {
    CHECK(is_leap_year(2016));
    CHECK_FALSE(is_leap_year(2017));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_leap_year(2000));
    CHECK(days_in_month(2016, 2) == 29);
    CHECK(days_in_month(2017, 2) == 28);
    CHECK(days_in_month(2100, 2) == 28);
    CHECK(days_in_month(2017, 4) == 30);
    CHECK(days_in_month(2017, 12) == 31);
    CHECK(days_in_month(2017, 13) == 0);
    CHECK(is_real_day(2016, 2, 29));
    CHECK_FALSE(is_real_day(2017, 2, 29));
    CHECK_FALSE(is_real_day(2017, 6, 0));
    CHECK(iso_month(2017, 6) == "2017-06");
    CHECK(iso_date(2017, 6, 3) == "2017-06-03");
}

