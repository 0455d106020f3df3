#include "core/import/deal_funds_plan.h"

#include <algorithm>
#include <cstdio>
#include <regex>
#include <tuple>

#include "core/db/deal_repository.h"
#include "core/import/cell_value.h"
#include "core/import/text_norm.h"
#include "core/model/calendar.h"

namespace il::import {
namespace {

struct Figure {
    std::string from, to;   // window, inclusive; from "" = since the beginning
    std::string label;      // "2017年1-6月到位资金"
    Currency currency = Currency::CNY;
    std::int64_t amount = 0;  // minor unit of currency
    std::int64_t step = 1;    // precision of the cell, minor units
};

std::string amount_text(std::int64_t minor, Currency c) {
    return c == Currency::USD ? format_usd_wan(UsdMoney{minor}) + "万美元" : format_wan(Money{minor}) + "万元";
}

// The window a funds column covers; false when it has no period (problems() reports it).
bool window_of(const ColumnBinding& b, bool usd, const std::string& today, Figure& f) {
    const char* what = usd ? "到位外资" : "到位资金";
    // A year without a month: to the year's end, or today when that comes first
    auto year_end = [&today](int y) { return std::min(iso_date(y, 12, 31), today); };
    if (b.month_from && b.year && !b.month && *b.month_from == 1) {
        f.from = iso_date(*b.year, 1, 1);
        f.to = year_end(*b.year);
        f.label = std::to_string(*b.year) + "年" + what;
        return f.from <= f.to;
    }
    if (b.month_from) {
        if (!b.year || !b.month || *b.month_from < 1 || *b.month_from > *b.month || *b.month > 12) return false;
        f.from = iso_date(*b.year, *b.month_from, 1);
        f.to = iso_date(*b.year, *b.month, days_in_month(*b.year, *b.month));
        f.label = std::to_string(*b.year) + "年" +
                  (*b.month_from == *b.month ? std::to_string(*b.month)
                                             : std::to_string(*b.month_from) + "-" + std::to_string(*b.month)) +
                  "月" + what;
        return true;
    }
    if (b.year && b.month && *b.month >= 1 && *b.month <= 12) {
        f.to = iso_date(*b.year, *b.month, days_in_month(*b.year, *b.month));
        f.label = "截至" + std::to_string(*b.year) + "年" + std::to_string(*b.month) + "月累计" + what;
        return true;
    }
    if (b.year) {
        f.to = year_end(*b.year);
        f.label = "截至" + std::to_string(*b.year) + "年累计" + what;
        return true;
    }
    f.to = today;
    f.label = "截至" + today + "累计" + what;
    return true;
}

struct Window {
    std::string from, to;  // from "" = since the beginning
};

// The window an import's transaction was kept for, read back from its note (see window_of):
// "导入：2017年1-6月到位资金" -> 2017-01-01 … 2017-06-30; "导入：截至2017年6月累计到位资金" -> … 2017-06-30.
// nullopt when the transaction was not made by an import.
std::optional<Window> own_window(const std::string& notes, const std::string& today) {
    static const std::string prefix = funds_import_note("");
    if (notes.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string rest = notes.substr(prefix.size());
    bool bad = false;  // a month out of range in a hand-edited note
    auto month_end = [&bad](int y, int m) {
        if (m < 1 || m > 12) {
            bad = true;
            return std::string();
        }
        return iso_date(y, m, days_in_month(y, m));
    };
    auto year_end = [&today](int y) { return std::min(iso_date(y, 12, 31), today); };
    static const std::regex upto_month(R"(^截至(\d{4})年(\d{1,2})月)"), upto_year(R"(^截至(\d{4})年累计)"),
        upto_day(R"(^截至(\d{4}-\d{2}-\d{2}))"), months(R"(^(\d{4})年(\d{1,2})(?:-(\d{1,2}))?月)"), year(R"(^(\d{4})年)");
    std::smatch m;
    auto num = [&m](int i) { return std::stoi(m[static_cast<std::size_t>(i)].str()); };
    std::optional<Window> w;
    if (std::regex_search(rest, m, upto_month)) w = Window{"", month_end(num(1), num(2))};
    else if (std::regex_search(rest, m, upto_year)) w = Window{"", year_end(num(1))};
    else if (std::regex_search(rest, m, upto_day)) w = Window{"", m[1].str()};
    else if (std::regex_search(rest, m, months)) {
        int a = num(2), z = m[3].matched ? num(3) : a;
        w = Window{a >= 1 && a <= z ? iso_date(num(1), a, 1) : std::string(), month_end(num(1), z)};
        if (w->from.empty()) bad = true;
    } else if (std::regex_search(rest, m, year)) w = Window{iso_date(num(1), 1, 1), year_end(num(1))};
    if (bad) return std::nullopt;
    return w;
}

// The day before a YYYY-MM-01.
std::string day_before(const std::string& first) {
    int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(5, 2));
    if (m == 1) return iso_date(y - 1, 12, 31);
    return iso_date(y, m - 1, days_in_month(y, m - 1));
}

std::int64_t cny_of(const FundsInPlace& e) {
    return e.currency == Currency::CNY ? e.amount : usd_to_cny(UsdMoney{e.amount}, e.rate_micro).fen;
}

}  // namespace

std::string funds_import_note(const std::string& window_label) { return "导入：" + window_label; }

void plan_deal_funds(RowValues& v, Deal& deal, bool existing, const std::string& today, std::vector<CellChange>& changes) {
    std::vector<Figure> figures;
    std::size_t issues_before = v.issues().size();
    for (const auto& [b, c] : v.cells()) {
        if (b->field != "funds" || is_blank_figure(*c)) continue;  // empty: not reported
        Figure f;
        bool usd = b->usd || (c->type == CellType::Text && ends_with(normalize_label(c->text), "美元"));
        if (!window_of(*b, usd, today, f)) {
            v.issue("funds", "第" + std::to_string(b->col + 1) + "列“" + b->header + "”不知道属于哪个期间");
            continue;
        }
        if (usd) {
            auto p = read_usd(*c);
            if (!p.ok()) v.issue("funds", p.error);
            if (!p.value) continue;
            f.currency = Currency::USD;
            f.amount = p.value->cents;
            f.step = amount_step(*c, AmountUnit::Wan);
        } else {
            auto p = read_amount(*c, b->unit);
            if (!p.ok()) v.issue("funds", p.error);
            if (!p.value) continue;
            f.amount = p.value->fen;
            f.step = amount_step(*c, b->unit);
        }
        if (f.amount < 0) {
            v.issue("funds", f.label + "不能为负数");
            continue;
        }
        figures.push_back(std::move(f));
    }
    if (figures.empty() || v.issues().size() > issues_before) return;

    // The exchange rate for USD figures: the row's 汇率 (or --set funds_rate=6.85), else the rate
    // of the transaction the import made before
    std::optional<std::int64_t> rate;
    if (auto t = v.text("funds_rate")) {
        rate = db::parse_rate(normalize_label(*t));
        if (!rate) {
            v.issue("funds_rate", "“" + *t + "”不是有效的汇率（人民币/美元，如 6.85）");
            return;
        }
    }

    // Narrow windows first (a later `from` is narrower for the same `to`), USD before CNY
    std::stable_sort(figures.begin(), figures.end(), [](const Figure& a, const Figure& b) {
        return std::make_tuple(a.to, b.from, a.currency == Currency::CNY) <
               std::make_tuple(b.to, a.from, b.currency == Currency::CNY);
    });
    const std::vector<FundsInPlace> original = deal.funds;
    // The window's total in `funds`: the import's own transaction for it (`own`) and the others
    auto window_sum = [&today](const std::vector<FundsInPlace>& funds, const Figure& f, const std::string& note,
                               std::optional<std::size_t>& own) {
        std::int64_t others = 0;
        for (std::size_t i = 0; i < funds.size(); ++i) {
            const FundsInPlace& e = funds[i];
            if (e.date > f.to || (!f.from.empty() && e.date < f.from)) continue;
            if (e.notes == note && e.currency == f.currency && !own) {
                own = i;
                continue;
            }
            // What an import kept for a wider window (a 累计 total dated at this window's end)
            // is not part of this window: it holds the funds received before it
            if (auto w = own_window(e.notes, today); w && !f.from.empty() && (w->from.empty() || w->from < f.from))
                continue;
            if (f.currency == Currency::USD) {
                if (e.currency == Currency::USD) others += e.amount;
            } else {
                others += cny_of(e);  // a CNY total counts foreign funds at their CNY value
            }
        }
        return others;
    };
    auto amount_of = [](const FundsInPlace& e, Currency c) { return c == Currency::USD ? e.amount : cny_of(e); };
    for (const Figure& f : figures) {
        const std::string note = funds_import_note(f.label);
        std::optional<std::size_t> own, own_original;
        const std::int64_t others = window_sum(deal.funds, f, note, own);
        const std::int64_t own_before = own ? amount_of(deal.funds[*own], f.currency) : 0;
        const std::int64_t total_before = others + own_before;
        // as stored, before this row's narrower windows were settled: what the preview shows
        const std::int64_t others_stored = window_sum(original, f, note, own_original);
        const std::int64_t total_stored =
            others_stored + (own_original ? amount_of(original[*own_original], f.currency) : 0);
        // A figure equal to the recorded total at the cell's precision (a report rounds to 0.01万)
        // keeps the recorded total
        const std::int64_t total = same_at(Money{total_before}, Money{f.amount}, f.step).fen;
        std::int64_t rate_micro = 1'000'000;
        if (f.currency == Currency::USD) {
            if (rate) rate_micro = *rate;
            else if (own) rate_micro = deal.funds[*own].rate_micro;
            else if (total != total_before) {
                v.issue("funds_rate", f.label + "以美元计，需要汇率：加一列“汇率”，或用 --set funds_rate=6.85");
                continue;
            }
        }
        std::int64_t want = total - others;
        if (want < 0) {
            v.issue("funds", f.label + "为" + amount_text(total, f.currency) + "，少于台账中这一期间已逐笔记录的" +
                                 amount_text(others, f.currency) + "：导入只补记差额，不删除已录入的到位资金，请核对");
            continue;
        }
        bool changed = false;
        const std::int64_t old_rate = own ? deal.funds[*own].rate_micro : rate_micro;
        // The date of the import's transaction: the window's last day; for an all-time total, the
        // day before the earliest window of the same end the import keeps (1-6月 with 累计: what
        // 累计 holds more came before January)
        std::string date = f.to;
        if (f.from.empty())
            for (const auto& e : deal.funds)
                if (auto w = own_window(e.notes, today); w && !w->from.empty() && w->to == f.to && e.currency == f.currency)
                    date = std::min(date, day_before(w->from));
        if (want == 0) {
            if (own) {
                deal.funds.erase(deal.funds.begin() + static_cast<std::ptrdiff_t>(*own));
                changed = true;
            }
        } else if (own) {
            FundsInPlace& e = deal.funds[*own];
            // (its date moves only earlier: a window ending today keeps the day it was first imported)
            if (e.amount != want || e.rate_micro != rate_micro || date < e.date) {
                e.amount = want;
                e.rate_micro = rate_micro;
                e.date = std::min(e.date, date);
                e.amount_cny = f.currency == Currency::USD ? usd_to_cny(UsdMoney{want}, rate_micro) : Money{want};
                changed = true;
            }
        } else {
            FundsInPlace e;
            e.date = date;
            e.amount = want;
            e.currency = f.currency;
            e.rate_micro = rate_micro;
            e.amount_cny = f.currency == Currency::USD ? usd_to_cny(UsdMoney{want}, rate_micro) : Money{want};
            e.notes = note;
            deal.funds.push_back(std::move(e));
            changed = true;
        }
        // The import's transaction of the smallest window that holds this one (a 累计 total of
        // the same day, or 1-6月 when this is 1-3月, from another file or imported before) keeps
        // its window's stated total: it gives up what this window now holds more, or takes back
        // what it holds less. So files of one deal can be imported in any order.
        if (const std::int64_t delta = want - own_before; changed && delta != 0) {
            std::optional<std::size_t> outer;
            Window outer_w;
            for (std::size_t i = 0; i < deal.funds.size(); ++i) {
                const FundsInPlace& e = deal.funds[i];
                if (e.currency != f.currency || e.notes == note) continue;
                auto w = own_window(e.notes, today);
                if (!w || w->to < f.to) continue;
                bool holds = w->from.empty() || (!f.from.empty() && w->from <= f.from);
                if (!holds || (w->from == f.from && w->to == f.to)) continue;
                if (!outer || w->to < outer_w.to || (w->to == outer_w.to && w->from > outer_w.from)) {
                    outer = i;
                    outer_w = *w;
                }
            }
            if (outer) {
                FundsInPlace& e = deal.funds[*outer];
                e.amount -= delta;
                // an all-time total around this window: what is left came before it
                if (outer_w.from.empty() && !f.from.empty()) e.date = std::min(e.date, day_before(f.from));
                if (e.amount <= 0) deal.funds.erase(deal.funds.begin() + static_cast<std::ptrdiff_t>(*outer));
                else e.amount_cny = e.currency == Currency::USD ? usd_to_cny(UsdMoney{e.amount}, e.rate_micro) : Money{e.amount};
            }
        }
        if (!existing || (!changed && total == total_stored)) continue;
        if (total != total_stored)
            changes.push_back({f.label, amount_text(total_stored, f.currency), amount_text(total, f.currency)});
        else if (old_rate != rate_micro)
            changes.push_back({f.label + " 汇率", db::rate_text(old_rate), db::rate_text(rate_micro)});
        else  // the same total, split differently (another column of the window changed)
            changes.push_back({f.label + "（导入补记部分）", amount_text(own_before, f.currency), amount_text(want, f.currency)});
    }
    std::stable_sort(deal.funds.begin(), deal.funds.end(),
                     [](const FundsInPlace& a, const FundsInPlace& b) { return a.date < b.date; });
}

}  // namespace il::import
