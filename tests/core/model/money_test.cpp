#include <doctest/doctest.h>

#include <limits>

#include "core/model/money.h"

using namespace il;

TEST_CASE("parse_amount: exact decimals in 万元") {
    CHECK(parse_amount("1")->fen == 1'000'000);
    CHECK(parse_amount("1234.56")->fen == 1'234'560'000);
    CHECK(parse_amount("1,234.56")->fen == 1'234'560'000);
    CHECK(parse_amount(" 1 234.5 ")->fen == 1'234'500'000);
    CHECK(parse_amount("-3")->fen == -3'000'000);
    CHECK(parse_amount("+3")->fen == 3'000'000);
    CHECK(parse_amount("0.000001")->fen == 1);          // 1 分 is the finest unit
    CHECK(parse_amount("0.1234560000")->fen == 123'456);  // trailing zeros beyond 分 are fine
    CHECK(parse_amount(".5")->fen == 500'000);
    CHECK(parse_amount("5.")->fen == 5'000'000);
    // 0.1 + 0.2 style sums stay exact
    CHECK(parse_amount("0.1")->fen + parse_amount("0.2")->fen == parse_amount("0.3")->fen);
}

TEST_CASE("parse_amount: units, full-width digits and refusals") {
    CHECK(parse_amount("1.5亿元")->fen == 15'000'000'000);
    CHECK(parse_amount("1.5亿")->fen == 15'000'000'000);
    CHECK(parse_amount("2万元")->fen == 2'000'000);
    CHECK(parse_amount("300元")->fen == 30'000);
    CHECK(parse_amount("300", AmountUnit::Yuan)->fen == 30'000);
    CHECK(parse_amount("1", AmountUnit::Yi)->fen == kFenPerYi);
    CHECK(parse_amount("１２３．４")->fen == 123'400'000);
    CHECK(parse_amount("１，２３４")->fen == 1'234'000'000);
    CHECK(parse_amount("１２　３")->fen == 123'000'000);  // ideographic space dropped

    CHECK_FALSE(parse_amount(""));
    CHECK_FALSE(parse_amount("  "));
    CHECK_FALSE(parse_amount("-"));
    CHECK_FALSE(parse_amount("."));
    CHECK_FALSE(parse_amount("1.2.3"));
    CHECK_FALSE(parse_amount("abc"));
    CHECK_FALSE(parse_amount("五千"));
    CHECK_FALSE(parse_amount("1e5"));
    CHECK_FALSE(parse_amount("12%"));
    CHECK_FALSE(parse_amount("0.0000001"));               // below 1 分: refused, not rounded
    CHECK_FALSE(parse_amount("0.001", AmountUnit::Yuan));  // below 1 分 in 元
    CHECK_FALSE(parse_amount("99999999999999999999"));    // overflow
    CHECK_FALSE(parse_amount("9999999999999999"));        // 10^16 万元 does not fit in int64 分
}

TEST_CASE("format_wan: two decimals, rounded half away from zero") {
    CHECK(format_wan(Money{0}) == "0.00");
    CHECK(format_wan(Money::from_wan(1234567)) == "1,234,567.00");
    CHECK(format_wan(Money::from_wan(1234567), false) == "1234567.00");
    CHECK(format_wan(Money{123'456'789}) == "123.46");   // 123.456789 万元
    CHECK(format_wan(Money{4'999}) == "0.00");           // 49.99 元
    CHECK(format_wan(Money{5'000}) == "0.01");           // 50 元: half rounds up
    CHECK(format_wan(Money{-5'000}) == "-0.01");         // and away from zero when negative
    CHECK(format_wan(Money{-4'999}) == "0.00");
    CHECK(format_wan(Money{-1'234'560'000}) == "-1,234.56");
    CHECK(format_wan(Money{999}, true) == "0.00");
    CHECK(format_wan(Money{100'000'000'000}) == "100,000.00");
}

TEST_CASE("format_yi and format_auto") {
    CHECK(format_yi(Money{kFenPerYi}) == "1.00");
    CHECK(format_yi(Money{kFenPerYi * 12345 / 100}) == "123.45");
    CHECK(format_yi(Money::from_wan(49)) == "0.00");  // 0.0049 亿
    CHECK(format_yi(Money::from_wan(50)) == "0.01");
    CHECK(format_auto(Money::from_wan(9999)) == "9,999.00万元");
    CHECK(format_auto(Money::from_wan(10000)) == "1.00亿元");
    CHECK(format_auto(Money::from_wan(-25000)) == "-2.50亿元");
}

TEST_CASE("wan_cents and cell values agree with the text") {
    Money m{123'456'789};
    CHECK(m.wan_cents() == 12346);
    CHECK(m.wan_for_cell() == doctest::Approx(123.46));
    CHECK(Money{-5'000}.wan_cents() == -1);
    // extreme values do not overflow in formatting
    CHECK(format_wan(Money{std::numeric_limits<std::int64_t>::max()}) == "9,223,372,036,854.78");
    CHECK(format_wan(Money{std::numeric_limits<std::int64_t>::min()}) == "-9,223,372,036,854.78");
    CHECK(format_yi(Money{std::numeric_limits<std::int64_t>::min()}) == "-922,337,203.69");
}

TEST_CASE("USD in 万美元 and conversion at a rate") {
    CHECK(parse_usd_wan("12.5")->cents == 12'500'000);
    CHECK(parse_usd_wan("12.5万美元")->cents == 12'500'000);
    CHECK_FALSE(parse_usd_wan("x"));
    CHECK(format_usd_wan(UsdMoney{12'500'000}) == "12.50");
    CHECK(format_usd_wan(UsdMoney{1'234'567'890'000}) == "1,234,567.89");
    // 100 万美元 at 6.7744 = 677.44 万元
    CHECK(usd_to_cny(UsdMoney{100'000'000}, 6'774'400) == Money::from_wan(677) + Money{440'000});
    // rounding to 分: 1 cent at 6.77445 = 6.77445 分 -> 7 分; negative rounds away from zero
    CHECK(usd_to_cny(UsdMoney{1}, 6'774'450).fen == 7);
    CHECK(usd_to_cny(UsdMoney{-1}, 6'774'450).fen == -7);
    CHECK(usd_to_cny(UsdMoney{1}, 6'499'999).fen == 6);
    // large amounts stay exact (128-bit intermediate)
    CHECK(usd_to_cny(UsdMoney{1'000'000'000'000'000}, 7'000'000).fen == 7'000'000'000'000'000);
}

TEST_CASE("Money arithmetic and comparison") {
    Money a = Money::from_wan(3), b = Money::from_fen(1);
    CHECK((a + b).fen == 3'000'001);
    CHECK((a - b).fen == 2'999'999);
    a += b;
    CHECK(a.fen == 3'000'001);
    CHECK(b < a);
    CHECK(Money{-1}.is_negative());
    CHECK_FALSE(Money{0}.is_negative());
}

TEST_CASE("exact_wan_text keeps every digit, at least two decimals") {
    CHECK(il::exact_wan_text(il::Money{1'234'500'000}) == "1234.50");
    CHECK(il::exact_wan_text(il::Money{1}) == "0.000001");
    CHECK(il::exact_wan_text(il::Money{-1'500'000}) == "-1.50");
    CHECK(il::exact_wan_text(il::Money{0}) == "0.00");
    CHECK(il::exact_wan_text(il::Money{INT64_MIN}) == "-9223372036854.775808");
}
