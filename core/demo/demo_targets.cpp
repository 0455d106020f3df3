// Annual targets for every region and zone, both years: set a little off what the ledger holds,
// as targets handed down at the start of a year are. Targets already in the database are kept.
#include <cmath>
#include <map>

#include "core/demo/demo_context.h"
#include "core/model/money.h"

namespace il::demo::detail {
namespace {

struct Actuals {
    std::int64_t projects = 0, plan = 0, renovations = 0, signed_amount = 0, funds = 0, usd = 0;
};

// Sums per (region or zone) of what the ledger holds for `year`. `key` is region_id or zone_id.
std::map<std::int64_t, Actuals> actuals(db::Database& db, int year, const char* key) {
    std::map<std::int64_t, Actuals> out;
    const std::string k = key;
    {
        db::Query q(db, "SELECT p." + k + ", COUNT(*), SUM(pp.planned_investment) FROM projects p "
                                      "JOIN project_plans pp ON pp.project_id = p.id AND pp.year = ? "
                                      "WHERE p." + k + " IS NOT NULL GROUP BY p." + k);
        q.bind(1, year);
        while (q.executeStep()) {
            auto& a = out[q.getColumn(0).getInt64()];
            a.projects = q.getColumn(1).getInt64();
            a.plan = q.getColumn(2).getInt64();
        }
    }
    {
        db::Query q(db, "SELECT r." + k + ", COUNT(*) FROM renovations r JOIN renovation_plans rp "
                                      "ON rp.renovation_id = r.id AND rp.year = ? WHERE r." + k + " IS NOT NULL GROUP BY r." + k);
        q.bind(1, year);
        while (q.executeStep()) out[q.getColumn(0).getInt64()].renovations = q.getColumn(1).getInt64();
    }
    {
        db::Query q(db, "SELECT d." + k + ", SUM(CASE WHEN d.contract_currency = 'CNY' THEN d.contract_amount "
                                      "ELSE d.contract_amount * 675 / 100 END) FROM deals d "
                                      "WHERE d." + k + " IS NOT NULL AND substr(d.signed_date, 1, 4) = ? GROUP BY d." + k);
        q.bind(1, std::to_string(year));
        while (q.executeStep()) out[q.getColumn(0).getInt64()].signed_amount = q.getColumn(1).getInt64();
    }
    {
        db::Query q(db, "SELECT d." + k + ", SUM(f.amount_cny), SUM(CASE WHEN f.currency = 'USD' THEN f.amount ELSE 0 END) "
                                      "FROM deals d JOIN deal_funds f ON f.deal_id = d.id "
                                      "WHERE d." + k + " IS NOT NULL AND substr(f.date, 1, 4) = ? GROUP BY d." + k);
        q.bind(1, std::to_string(year));
        while (q.executeStep()) {
            auto& a = out[q.getColumn(0).getInt64()];
            a.funds = q.getColumn(1).getInt64();
            a.usd = q.getColumn(2).getInt64();
        }
    }
    return out;
}

}  // namespace

void generate_targets(Context& ctx) {
    auto& rng = ctx.rng;
    db::Query ins(ctx.db,
                  "INSERT INTO targets(uid, year, region_id, zone_id, projects_count, investment, renovation_count, "
                  "signed_amount, funds_in_place, foreign_capital_usd) VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
    // Round a target to `step` after scaling by a factor near one.
    auto around = [&](std::int64_t v, double lo, double hi, std::int64_t step) -> std::int64_t {
        const double scaled = static_cast<double>(v) * rng.uniform(lo, hi);
        return static_cast<std::int64_t>(std::llround(scaled / static_cast<double>(step))) * step;
    };
    for (int year : {ctx.options.year - 1, ctx.options.year}) {
        for (const bool zone : {false, true}) {
            const auto sums = actuals(ctx.db, year, zone ? "zone_id" : "region_id");
            auto write = [&](std::int64_t id) {
                const auto it = sums.find(id);
                const Actuals a = it == sums.end() ? Actuals{} : it->second;
                ins.reset();
                ins.clearBindings();
                ins.bind(1, rng.uid());
                ins.bind(2, year);
                ins.bind(zone ? 4 : 3, id);
                ins.bind(5, static_cast<std::int64_t>(std::max<std::int64_t>(1, std::llround(static_cast<double>(a.projects) * rng.uniform(0.9, 1.0)))));
                ins.bind(6, around(a.plan, 0.95, 1.08, 100 * kFenPerWan));
                ins.bind(7, static_cast<std::int64_t>(std::llround(static_cast<double>(a.renovations) * rng.uniform(0.9, 1.1))));
                ins.bind(8, around(a.signed_amount, 0.9, 1.15, 1000 * kFenPerWan));
                ins.bind(9, around(a.funds, 0.9, 1.2, 100 * kFenPerWan));
                ins.bind(10, around(a.usd, 0.9, 1.3, 100 * 1'000'000));
                ctx.summary.targets += ins.exec();  // targets already set are kept
            };
            if (zone)
                for (const auto& z : ctx.zones) write(z.id);
            else
                for (const auto& r : ctx.regions) write(r.id);
        }
    }
}

}  // namespace il::demo::detail
