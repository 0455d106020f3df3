// 到位资金 of deals ledgers: windows from the header and title, CNY and USD with the rate,
// idempotent re-imports, hand-entered payments respected.
#include <doctest/doctest.h>

#include "core/db/deal_repository.h"
#include "core/import/deal_funds_plan.h"
#include "core/import/import_run.h"
#include "core/util/clock.h"
#include "tests/core/import/import_fixture.h"
#include "tests/support/test_ledger.h"

using namespace il;
using namespace il::import;
using namespace il::import::test;

namespace {
ImportOptions deal_options(std::vector<std::pair<std::string, std::string>> sets = {}) {
    ImportOptions o;
    o.kind = RecordKind::Deals;
    o.source_name = "deals.xlsx";
    o.set_fields = std::move(sets);
    return o;
}
std::int64_t funds_cny(db::Database& db, const std::string& deal) {
    il::db::Query q(db, "SELECT coalesce(sum(f.amount_cny),0) FROM deal_funds f JOIN deals d ON d.id = f.deal_id WHERE d.name = ?");
    q.bind(1, deal);
    q.executeStep();
    return q.getColumn(0).getInt64();
}
std::int64_t deal_id(db::Database& db, const std::string& deal) {
    il::db::Query q(db, "SELECT id FROM deals WHERE name = ?");
    q.bind(1, deal);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
}
SheetBuilder half_year(double ytd, double total) {
    SheetBuilder b("招商台账");
    b.row({"固安县2017年1-6月招商引资项目台账"})
        .row({"项目名称", "所属县市区", "来源地", "签约额（万元）", "1-6月到位资金（万元）", "累计到位资金（万元）"})
        .row({"甲招商", "固安县", "北京", 50000, ytd, total})
        .row({"乙招商", "固安县", "天津", 8000, {}, {}});  // nothing received: not reported
    return b;
}
}  // namespace

TEST_CASE("deal funds: headers map to windows of time") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "1-6月到位", "本月到位", "2017年到位资金", "累计到位", "到位外资", "汇率"})
        .row({"甲", "固安县", 1, 1, 1, 1, 1, "6.85"});
    ImportPlan plan = plan_import(*db, b.workbook(), deal_options({{"period", "2017-06"}, {"origin", "北京"}}));
    const Mapping& m = plan.sheets.at(0).mapping;
    auto col = [&](int c) { return m.columns.at(static_cast<std::size_t>(c)); };
    CHECK(col(2).field == "funds");
    CHECK(col(2).year == 2017);
    CHECK(col(2).month_from == 1);
    CHECK(col(2).month == 6);
    CHECK(col(3).month_from == 6);
    CHECK(col(3).month == 6);
    CHECK(col(4).month_from == 1);
    CHECK(col(4).month == 6);
    CHECK(col(5).field == "funds");
    CHECK_FALSE(col(5).month_from);  // everything so far
    CHECK(col(5).month == 6);
    CHECK(col(6).field == "funds");
    CHECK(col(6).usd);               // 外资 without a unit: 万美元
    CHECK(col(7).field == "funds_rate");
    CHECK(m.problems().empty());
}

TEST_CASE("deal funds: imported per window, idempotent, corrected figures change one transaction") {
    auto db = seeded_db();
    ImportOptions o = deal_options();
    ImportPlan p1 = plan_import(*db, half_year(1200, 3000).workbook(), o);
    REQUIRE(p1.rejected.empty());
    ImportResult r1 = apply_import(*db, p1, o);
    CHECK(r1.added == 2);
    CHECK(funds_cny(*db, "甲招商") == Money::from_wan(3000).fen);
    CHECK(funds_cny(*db, "乙招商") == 0);  // empty cells: nothing recorded, never 0 entries
    db::DealRepository repo(*db);
    auto d = repo.get(deal_id(*db, "甲招商"));
    REQUIRE(d->funds.size() == 2);
    CHECK(d->funds[0].currency == Currency::CNY);
    // the 1-6月 window is settled first, dated its last day; 累计 adds what came before 2017,
    // dated before the window (so that reports by period count it in no month of 2017)
    CHECK(d->funds[0].notes == funds_import_note("截至2017年6月累计到位资金"));
    CHECK(d->funds[0].date == "2016-12-31");
    CHECK(d->funds[0].amount == Money::from_wan(1800).fen);
    CHECK(d->funds[1].notes == funds_import_note("2017年1-6月到位资金"));
    CHECK(d->funds[1].date == "2017-06-30");
    CHECK(d->funds[1].amount == Money::from_wan(1200).fen);

    // The same file again changes nothing
    ImportPlan p2 = plan_import(*db, half_year(1200, 3000).workbook(), o);
    CHECK(p2.count(Outcome::Unchanged) == 2);
    CHECK(p2.count(Outcome::Changed) == 0);
    ImportResult r2 = apply_import(*db, p2, o);
    CHECK(r2.unchanged == 2);
    CHECK(count_rows(*db, "deal_funds") == 2);

    // A corrected half-year figure: shown with old and new totals, audited
    ImportPlan p3 = plan_import(*db, half_year(1500, 3300).workbook(), o);
    REQUIRE(p3.count(Outcome::Changed) == 1);
    const auto& changes = p3.records.at(0).changes;
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].field == "2017年1-6月到位资金");
    CHECK(changes[0].old_value == "1,200.00万元");
    CHECK(changes[0].new_value == "1,500.00万元");
    CHECK(changes[1].field == "截至2017年6月累计到位资金");
    REQUIRE(apply_import(*db, p3, o).updated == 1);
    CHECK(funds_cny(*db, "甲招商") == Money::from_wan(3300).fen);
    CHECK(count_rows(*db, "deal_funds") == 2);
    il::db::Query a(*db, "SELECT count(*) FROM audit_log WHERE table_name = 'deal_funds' AND action = 'update'");
    a.executeStep();
    CHECK(a.getColumn(0).getInt64() >= 1);
}

TEST_CASE("deal funds: payments entered by hand count; an import never takes them away") {
    auto db = seeded_db();
    ImportOptions o = deal_options();
    ImportPlan p0 = plan_import(*db, half_year(0, 0).workbook(), o);  // 0: reported, nothing received
    REQUIRE(apply_import(*db, p0, o).added == 2);
    CHECK(count_rows(*db, "deal_funds") == 0);
    db::DealRepository repo(*db);
    FundsInPlace paid;
    paid.date = "2017-03-10";
    paid.amount = 500'234'500;  // 500.2345万元, exact
    repo.add_funds(deal_id(*db, "甲招商"), paid);

    // The file rounds to 0.01万: equal at that precision, so nothing changes
    SheetBuilder same = half_year(500.23, 500.23);
    ImportPlan p1 = plan_import(*db, same.workbook(), o);
    CHECK(p1.count(Outcome::Unchanged) == 2);

    // More received: the import records the difference only
    ImportPlan p2 = plan_import(*db, half_year(1200, 1200).workbook(), o);
    REQUIRE(p2.count(Outcome::Changed) == 1);
    CHECK(p2.records.at(0).changes.at(0).old_value == "500.23万元");
    REQUIRE(apply_import(*db, p2, o).updated == 1);
    CHECK(funds_cny(*db, "甲招商") == Money::from_wan(1200).fen);

    // Less than the hand-entered payments: rejected with the reason
    ImportPlan p3 = plan_import(*db, half_year(300, 300).workbook(), o);
    REQUIRE(p3.rejected.size() == 1);
    CHECK(p3.rejected[0].issues.at(0).field == "到位资金");
    CHECK(p3.rejected[0].issues.at(0).reason.find("少于台账中这一期间已逐笔记录的500.23万元") != std::string::npos);
    // Back down to what was entered by hand: the import's own transaction goes away
    ImportPlan p4 = plan_import(*db, half_year(500.2345, 500.2345).workbook(), o);
    REQUIRE(apply_import(*db, p4, o).updated == 1);
    CHECK(count_rows(*db, "deal_funds") == 1);
}

TEST_CASE("deal funds: 万美元 with the rate; a CNY total includes them once") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "来源地", "国别", "1-3月到位资金（万元）", "其中：1-3月到位外资（万美元）", "汇率"})
        .row({"甲外资", "固安县", "境外", "美国", 1000, 100, "6.85"})
        .row({"乙外资", "固安县", "境外", "日本", {}, "20万美元", {}});
    ImportOptions o = deal_options({{"year", "2017"}});
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.rejected.size() == 1);  // 乙: USD without a rate
    CHECK(plan.rejected[0].issues.at(0).field == "汇率");
    CHECK(plan.rejected[0].issues.at(0).reason.find("--set funds_rate=") != std::string::npos);
    o.keep_good = true;
    REQUIRE(apply_import(*db, plan, o).added == 1);
    db::DealRepository repo(*db);
    auto d = repo.get(deal_id(*db, "甲外资"));
    REQUIRE(d->funds.size() == 2);
    const FundsInPlace* usd = nullptr;
    const FundsInPlace* cny = nullptr;
    for (const auto& f : d->funds) (f.currency == Currency::USD ? usd : cny) = &f;
    REQUIRE(usd);
    REQUIRE(cny);
    CHECK(usd->amount == 100'000'000);  // 100万美元 in cents
    CHECK(usd->rate_micro == 6'850'000);
    CHECK(usd->amount_cny == Money::from_wan(685));
    CHECK(usd->date == "2017-03-31");
    CHECK(cny->amount == Money::from_wan(315).fen);  // the rest of the 1000万元 total
    CHECK(funds_cny(*db, "甲外资") == Money::from_wan(1000).fen);

    // --set gives the rate for the whole file; the same file twice changes nothing
    ImportOptions with_rate = deal_options({{"year", "2017"}, {"funds_rate", "7.1"}});
    SheetBuilder c;
    c.row({"项目名称", "所属县市区", "来源地", "国别", "1-3月到位外资（万美元）"}).row({"乙外资", "固安县", "境外", "日本", "20万美元"});
    ImportPlan p2 = plan_import(*db, c.workbook(), with_rate);
    REQUIRE(p2.rejected.empty());
    REQUIRE(apply_import(*db, p2, with_rate).added == 1);
    CHECK(funds_cny(*db, "乙外资") == Money::from_wan(142).fen);
    ImportPlan p3 = plan_import(*db, c.workbook(), with_rate);
    CHECK(p3.count(Outcome::Unchanged) == 1);
    // A new rate alone is shown as such
    ImportOptions new_rate = deal_options({{"year", "2017"}, {"funds_rate", "7.2"}});
    ImportPlan p4 = plan_import(*db, c.workbook(), new_rate);
    REQUIRE(p4.count(Outcome::Changed) == 1);
    CHECK(p4.records.at(0).changes.at(0).field == "2017年1-3月到位外资 汇率");
    CHECK(p4.records.at(0).changes.at(0).new_value == "7.20");

    ImportOptions bad_rate = deal_options({{"year", "2017"}, {"funds_rate", "七点一"}});
    ImportPlan p5 = plan_import(*db, c.workbook(), bad_rate);
    REQUIRE(p5.rejected.size() == 1);
    CHECK(p5.rejected[0].issues.at(0).field == "汇率");
}

TEST_CASE("deal funds: a total without any period is dated today; unreadable cells reject the row") {
    auto db = seeded_db();
    SheetBuilder b;
    b.row({"项目名称", "所属县市区", "来源地", "实际到位资金（万元）"})
        .row({"甲", "固安县", "北京", "1,250.5"})
        .row({"乙", "固安县", "北京", "一千万"});
    ImportOptions o = deal_options();
    ImportPlan plan = plan_import(*db, b.workbook(), o);
    REQUIRE(plan.rejected.size() == 1);
    CHECK(plan.rejected[0].source.row == 3);
    CHECK(plan.rejected[0].issues.at(0).field == "到位资金");
    REQUIRE(plan.records.size() == 1);
    REQUIRE(plan.records[0].deal->funds.size() == 1);
    CHECK(plan.records[0].deal->funds[0].date == today_iso());
    CHECK(plan.records[0].deal->funds[0].amount == 1'250'500'000);
}

TEST_CASE("deal funds: 累计 and 1-N月 of the same period from separate files agree in either order") {
    auto check_order = [](bool total_first) {
        auto db = seeded_db();
        SheetBuilder total;
        total.row({"2017年1-6月招商台账"}).row({"项目名称", "所属县市区", "来源地", "累计到位资金"}).row({"甲", "固安县", "北京", 3000});
        SheetBuilder ytd;
        ytd.row({"2017年1-6月招商台账"}).row({"项目名称", "所属县市区", "来源地", "1-6月到位资金"}).row({"甲", "固安县", "北京", 1200});
        ImportOptions o = deal_options();
        for (const SheetBuilder* b : total_first ? std::vector<const SheetBuilder*>{&total, &ytd}
                                                 : std::vector<const SheetBuilder*>{&ytd, &total}) {
            ImportPlan p = plan_import(*db, b->workbook(), o);
            REQUIRE(p.rejected.empty());
            apply_import(*db, p, o);
        }
        CHECK(funds_cny(*db, "甲") == Money::from_wan(3000).fen);
        il::db::Query before(*db, "SELECT coalesce(sum(amount_cny),0) FROM deal_funds WHERE date < '2017-01-01'");
        before.executeStep();
        CHECK(before.getColumn(0).getInt64() == Money::from_wan(1800).fen);  // not counted in 2017
        // and both files again change nothing
        for (const SheetBuilder* b : {&total, &ytd}) CHECK(plan_import(*db, b->workbook(), o).count(Outcome::Unchanged) == 1);
        // a corrected 1-6月 figure keeps the stated 累计 total
        SheetBuilder ytd2;
        ytd2.row({"2017年1-6月招商台账"}).row({"项目名称", "所属县市区", "来源地", "1-6月到位资金"}).row({"甲", "固安县", "北京", 1500});
        ImportPlan p = plan_import(*db, ytd2.workbook(), o);
        apply_import(*db, p, o);
        CHECK(funds_cny(*db, "甲") == Money::from_wan(3000).fen);
        CHECK(plan_import(*db, total.workbook(), o).count(Outcome::Unchanged) == 1);
    };
    SUBCASE("累计 first") { check_order(true); }
    SUBCASE("1-6月 first") { check_order(false); }
}

TEST_CASE("deal funds: monthly files (1-3月 and 累计, 1-6月 and 累计) in any order") {
    auto db = seeded_db();
    auto file = [](const char* title, const char* ytd_header, double ytd, double total) {
        SheetBuilder b;
        b.row({title}).row({"项目名称", "所属县市区", "来源地", ytd_header, "累计到位资金"}).row({"甲", "固安县", "北京", ytd, total});
        return b;
    };
    ImportOptions o = deal_options();
    SheetBuilder q1 = file("2017年1-3月招商台账", "1-3月到位资金", 100, 500);
    SheetBuilder h1 = file("2017年1-6月招商台账", "1-6月到位资金", 250, 650);
    SUBCASE("in order, then the first again") {
        for (const SheetBuilder* b : {&q1, &h1, &q1}) {
            ImportPlan p = plan_import(*db, b->workbook(), o);
            REQUIRE(p.rejected.empty());
            apply_import(*db, p, o);
        }
    }
    SUBCASE("the later file first") {
        for (const SheetBuilder* b : {&h1, &q1, &h1}) {
            ImportPlan p = plan_import(*db, b->workbook(), o);
            REQUIRE(p.rejected.empty());
            apply_import(*db, p, o);
        }
    }
    CHECK(funds_cny(*db, "甲") == Money::from_wan(650).fen);
    CHECK(plan_import(*db, h1.workbook(), o).count(Outcome::Unchanged) == 1);
    CHECK(plan_import(*db, q1.workbook(), o).count(Outcome::Unchanged) == 1);
    // the first quarter's figures are kept as the first quarter's
    il::db::Query q(*db, "SELECT coalesce(sum(amount_cny),0) FROM deal_funds WHERE date <= '2017-03-31'");
    q.executeStep();
    CHECK(q.getColumn(0).getInt64() == Money::from_wan(500).fen);
    il::db::Query h(*db, "SELECT coalesce(sum(amount_cny),0) FROM deal_funds WHERE date BETWEEN '2017-01-01' AND '2017-06-30'");
    h.executeStep();
    CHECK(h.getColumn(0).getInt64() == Money::from_wan(250).fen);  // what a 1-6月 report sums
}

TEST_CASE("deal funds: a ledger of a year without a month is dated at the year's end, never after today") {
    auto db = seeded_db();
    const std::string today = today_iso();
    const int this_year = std::stoi(today.substr(0, 4));
    for (int year : {2017, this_year}) {
        CAPTURE(year);
        SheetBuilder b;
        b.row({std::to_string(year) + "年招商引资项目台账"})
            .row({"项目名称", "所属县市区", "来源地", "本年到位资金", "累计到位资金"})
            .row({"甲" + std::to_string(year), "固安县", "北京", 100, 400});
        ImportOptions o = deal_options();
        ImportPlan plan = plan_import(*db, b.workbook(), o);
        REQUIRE(plan.rejected.empty());
        CHECK(plan.sheets.at(0).mapping.problems().empty());
        const Deal& d = *plan.records.at(0).deal;
        REQUIRE(d.funds.size() == 2);
        const std::string end = year == this_year ? today : std::to_string(year) + "-12-31";
        for (const auto& f : d.funds) {
            if (f.notes == funds_import_note(std::to_string(year) + "年到位资金")) CHECK(f.date == end);
            else CHECK(f.date == std::to_string(year - 1) + "-12-31");  // 累计 beyond this year's: before it
        }
        apply_import(*db, plan, o);
        CHECK(funds_cny(*db, "甲" + std::to_string(year)) == Money::from_wan(400).fen);
        CHECK(plan_import(*db, b.workbook(), o).count(Outcome::Unchanged) == 1);
    }
}

TEST_CASE("deal funds: a year's ledger and a half-year's ledger of the same year agree, by date too") {
    auto db = seeded_db();
    SheetBuilder year;
    year.row({"2017年招商引资项目台账"}).row({"项目名称", "所属县市区", "来源地", "本年到位资金", "累计到位资金"}).row({"甲", "固安县", "北京", 100, 400});
    SheetBuilder half;
    half.row({"2017年1-6月招商引资项目台账"}).row({"项目名称", "所属县市区", "来源地", "1-6月到位资金", "累计到位资金"}).row({"甲", "固安县", "北京", 60, 360});
    ImportOptions o = deal_options();
    for (const SheetBuilder* b : {&year, &half}) {
        ImportPlan p = plan_import(*db, b->workbook(), o);
        REQUIRE(p.rejected.empty());
        apply_import(*db, p, o);
    }
    auto sum = [&](const char* from, const char* to) {
        il::db::Query q(*db, "SELECT coalesce(sum(amount_cny),0) FROM deal_funds WHERE date >= ? AND date <= ?");
        q.bind(1, from);
        q.bind(2, to);
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    CHECK(sum("0000", "2017-12-31") == Money::from_wan(400).fen);
    CHECK(sum("2017-01-01", "2017-12-31") == Money::from_wan(100).fen);
    CHECK(sum("0000", "2017-06-30") == Money::from_wan(360).fen);
    CHECK(sum("0000", "2016-12-31") == Money::from_wan(300).fen);  // what came before 2017
    CHECK(sum("2017-01-01", "2017-06-30") == Money::from_wan(60).fen);
    CHECK(plan_import(*db, year.workbook(), o).count(Outcome::Unchanged) == 1);
    CHECK(plan_import(*db, half.workbook(), o).count(Outcome::Unchanged) == 1);
}

TEST_CASE("deal funds: a hand-edited import note that names no real window is an ordinary payment") {
    auto db = seeded_db();
    ImportOptions o = deal_options();
    ImportPlan p0 = plan_import(*db, half_year(0, 0).workbook(), o);
    REQUIRE(apply_import(*db, p0, o).added == 2);
    db::DealRepository repo(*db);
    FundsInPlace odd;
    odd.date = "2017-05-01";
    odd.amount = Money::from_wan(100).fen;
    odd.notes = funds_import_note("2017年13月到位资金");
    repo.add_funds(deal_id(*db, "甲招商"), odd);
    ImportPlan p = plan_import(*db, half_year(300, 300).workbook(), o);
    REQUIRE(p.rejected.empty());
    REQUIRE(apply_import(*db, p, o).updated == 1);
    CHECK(funds_cny(*db, "甲招商") == Money::from_wan(300).fen);
}
