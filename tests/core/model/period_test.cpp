#include <doctest/doctest.h>

#include "core/model/period.h"

using namespace il;

TEST_CASE("period parsing accepts the usual spellings") {
    CHECK(parse_period("2017-06") == Period{2017, 6});
    CHECK(parse_period("2017-6") == Period{2017, 6});
    CHECK(parse_period("2017/06") == Period{2017, 6});
    CHECK(parse_period("2017.6") == Period{2017, 6});
    CHECK(parse_period("201706") == Period{2017, 6});
    CHECK(parse_period("2017年6月") == Period{2017, 6});
    CHECK(parse_period("2017年1-6月") == Period{2017, 6});
    CHECK(parse_period(" 2017-12 ") == Period{2017, 12});
}

TEST_CASE("period parsing refuses what is not a month") {
    CHECK_FALSE(parse_period("2017-13"));
    CHECK_FALSE(parse_period("2017-00"));
    CHECK_FALSE(parse_period("17-06"));
    CHECK_FALSE(parse_period("2017"));
    CHECK_FALSE(parse_period(""));
    CHECK_FALSE(parse_period("2017-06-01"));
    CHECK_FALSE(parse_period("1899-06"));
    CHECK_FALSE(parse_period("六月"));
}

TEST_CASE("period keys, labels, neighbours and time progress") {
    Period p{2017, 6};
    CHECK(p.key() == "2017-06");
    CHECK(p.label() == "1-6月");
    CHECK(Period{2017, 1}.label() == "1月");
    CHECK(p.same_period_last_year() == Period{2016, 6});
    CHECK(Period{2017, 1}.previous_month() == Period{2016, 12});
    CHECK(Period{2017, 7}.previous_month() == Period{2017, 6});
    CHECK(Period{2017, 3}.time_progress_bp() == 2500);
    CHECK(Period{2017, 12}.time_progress_bp() == 10000);
    CHECK(Period{2017, 1}.time_progress_bp() == 833);
    CHECK(p.last_year() == 2016);
    CHECK(Period{2017, 3}.time_progress() == doctest::Approx(0.25));
    CHECK(Period{2017, 1}.time_progress() == doctest::Approx(1.0 / 12.0));  // the fraction, not 833 bp
    CHECK(Period{2017, 12}.time_progress() == 1.0);
    CHECK(Period{2016, 12} < Period{2017, 1});
}
