#include <doctest/doctest.h>

#include "core/stats/ranking.h"
#include "core/stats/ratio.h"

using il::stats::Ratio;
using il::stats::rank_descending;

TEST_CASE("ratio: exact basis points and text") {
    CHECK(Ratio::of(1, 3).basis_points() == 3333);
    CHECK(Ratio::of(2, 3).basis_points() == 6667);
    CHECK(Ratio::of(1, 8).basis_points() == 1250);
    CHECK(Ratio::of(1, 20000).basis_points() == 1);   // 0.5 bp rounds away from zero
    CHECK(Ratio::of(-1, 20000).basis_points() == -1);
    CHECK(Ratio::of(5, -10).basis_points() == -5000);
    CHECK(Ratio::of(6, 12).percent_text() == "50.00%");
    CHECK(Ratio::of(1, 3).percent_text(1) == "33.3%");
    CHECK(Ratio::of(-1, 3).percent_text(2) == "-33.33%");
    CHECK(Ratio::of(1, 3).value() == doctest::Approx(0.33333333));
    // Large amounts (100亿 in 分) do not overflow.
    const std::int64_t yi100 = 1'000'000'000'000;
    CHECK(Ratio::of(yi100 - 1, yi100).basis_points() == 10000);
    CHECK(Ratio::of(yi100 / 3, yi100).percent_text(4) == "33.3333%");
}

TEST_CASE("ratio: 同比 with nothing last year is undefined, not 0% or infinite") {
    const Ratio yoy = Ratio::growth(500, 0);
    CHECK_FALSE(yoy.defined());
    CHECK(yoy.percent_text() == "—");
    CHECK(yoy.basis_points() == 0);
    CHECK(Ratio::growth(120, 100).percent_text() == "20.00%");
    CHECK(Ratio::growth(80, 100).percent_text() == "-20.00%");
    CHECK(Ratio::growth(0, 100).percent_text() == "-100.00%");
}

TEST_CASE("ratio: exact comparison") {
    CHECK(Ratio::of(1, 3) == Ratio::of(2, 6));
    CHECK(Ratio::of(1, 3).compare(Ratio::of(1, 2)) < 0);
    CHECK(Ratio::of(1, -3).compare(Ratio::of(-1, 2)) > 0);
    CHECK(Ratio::of(3333, 10000).compare(Ratio::of(1, 3)) < 0);  // what rounding would call equal
    CHECK_THROWS(Ratio::of(1, 0).compare(Ratio::of(1, 2)));
}

TEST_CASE("ranking: ties share the better rank, the next is skipped, unranked get 0") {
    std::vector<std::optional<Ratio>> keys = {Ratio::of(1, 2), Ratio::of(1, 3), Ratio::of(2, 4), std::nullopt, Ratio::of(9, 10),
                                              Ratio::of(1, 3)};
    const auto r = rank_descending(keys);
    CHECK(r == std::vector<int>{2, 4, 2, 0, 1, 4});
    std::vector<std::optional<std::int64_t>> money = {100, 300, 300, 300, 50};
    CHECK(rank_descending(money) == std::vector<int>{4, 1, 1, 1, 5});
    CHECK(rank_descending(std::vector<std::optional<std::int64_t>>{}).empty());
}
