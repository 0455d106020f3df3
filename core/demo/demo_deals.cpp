// The demo city's 招商引资 deals: about a third from Beijing and Tianjin, some foreign ones in
// USD, funds in place as dated transactions with the exchange rate used, a follow-up log.
#include <algorithm>
#include <cmath>

#include "core/demo/demo_context.h"
#include "core/demo/demo_vocabulary.h"
#include "core/model/money.h"

namespace il::demo::detail {
namespace {

constexpr std::int64_t kWan = kFenPerWan;
constexpr std::int64_t kUsdWanCents = 1'000'000;  // 1 万美元 in cents

// CNY per USD x 1e6 around the year's average (2016: 6.64, 2017: 6.75), as a bank would quote it.
std::int64_t rate_for(DemoRandom& rng, int year, int demo_year) {
    const double base = year < demo_year ? 6.64 : 6.75;
    return static_cast<std::int64_t>(std::llround((base + rng.uniform(-0.06, 0.06)) * 10000)) * 100;
}

}  // namespace

void generate_deals(Context& ctx) {
    auto& rng = ctx.rng;
    const int y = ctx.options.year;
    const YM last = YM::of(y, 12);
    db::Query ins(ctx.db,
                  "INSERT INTO deals(uid, name, investor, origin, country, is_foreign, region_id, zone_id, industry_id, "
                  "category_id, stage, lead_date, negotiation_date, signed_date, registered_date, started_date, "
                  "operating_date, terminated_date, signing_event, contract_type, contract_amount, contract_currency, "
                  "project_id, notes, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    db::Query fund(ctx.db,
                   "INSERT INTO deal_funds(uid, deal_id, date, amount, currency, rate_micro, amount_cny, notes) "
                   "VALUES(?,?,?,?,?,?,?,?)");
    db::Query follow(ctx.db, "INSERT INTO deal_followups(uid, deal_id, date, author, note) VALUES(?,?,?,?,?)");

    static constexpr const char* origins[] = {"北京", "天津", "省内", "省外", "境外"};
    static constexpr double origin_w[] = {25, 9, 20, 34, 12};
    static constexpr const char* stages[] = {"线索", "洽谈", "签约", "注册", "开工", "投产", "终止"};
    static constexpr double stage_w[] = {8, 15, 25, 15, 22, 10, 5};
    static constexpr const char* home_places[] = {"石家庄", "保定", "唐山", "沧州", "邯郸"};
    static constexpr const char* other_places[] = {"上海", "深圳", "江苏", "浙江", "山东", "广东", "福建", "湖北"};
    static constexpr const char* notes[] = {"赴客商总部对接洽谈", "客商来廊考察项目选址", "召开项目推进会", "协调解决项目用地问题",
                                            "对接项目前期手续办理", "洽谈投资协议条款", "陪同客商考察园区配套"};

    std::vector<const DictCategory*> strategic, others;
    for (const auto& c : ctx.categories) (c.strategic ? strategic : others).push_back(&c);

    const int n = ctx.options.deals;
    for (int i = 0; i < n; ++i) {
        if (i % 50 == 0) ctx.report("生成招商引资项目", 0.88 + 0.08 * i / std::max(1, n));
        const DictRegion& region = ctx.pick_region();
        const auto zone = ctx.pick_zone(region.id, 0.5);
        const std::string origin = origins[rng.weighted(origin_w)];
        const bool foreign = origin == "境外";
        const std::string stage = stages[rng.weighted(stage_w)];
        const DictCategory* category = nullptr;
        if (!strategic.empty() && (others.empty() || rng.chance(0.35))) category = rng.pick(strategic);
        else if (!others.empty()) category = rng.pick(others);
        const char* word = kGroupWords[0].words[0];
        std::optional<std::int64_t> industry;
        if (category) {
            bool found = false;
            for (const auto& cw : kCategoryWords)
                if (category->name.find(cw.keyword) != std::string::npos) {
                    word = rng.pick(cw.words);
                    industry = ctx.industry_coded(cw.industry);
                    found = true;
                    break;
                }
            if (!found) word = rng.pick(kGroupWords[0].words);
        }
        const std::string brand = rng.pick(kBrands);
        std::string investor, country;
        if (origin == "北京" || origin == "天津") investor = origin + brand + rng.pick(kOwnerKinds);
        else if (origin == "省内") investor = std::string(rng.pick(home_places)) + brand + rng.pick(kOwnerKinds);
        else if (origin == "省外") investor = std::string(rng.pick(other_places)) + brand + rng.pick(kOwnerKinds);
        else {
            country = rng.pick(kCountries);
            investor = std::string(rng.pick(kForeignInvestors)) + " (" + country + ")";
        }
        const std::string name = brand + word + "项目";

        // Dates back from the latest step reached, all within the demo year and the one before.
        const int stage_index = static_cast<int>(std::find(std::begin(stages), std::end(stages), stage) - std::begin(stages));
        const int steps = stage == "终止" ? 2 : stage_index;  // number of steps after the lead
        YM latest = YM::of(y - (rng.chance(0.3) ? 1 : 0), static_cast<int>(rng.between(1, 12)));
        std::vector<YM> chain(static_cast<std::size_t>(steps + 1));
        chain.back() = latest;
        for (int k = steps - 1; k >= 0; --k) chain[static_cast<std::size_t>(k)] = chain[static_cast<std::size_t>(k + 1)].plus(-static_cast<int>(rng.between(1, 4)));
        auto date_of = [&](int k) -> std::optional<std::string> {
            if (k > steps) return std::nullopt;
            const YM m = chain[static_cast<std::size_t>(k)];
            return date_text(m.year(), m.month(), static_cast<int>(rng.between(1, 28)));
        };
        // Signing month: the May fair and the September one draw many signings.
        std::string event;
        if (stage != "终止" && steps >= 2) {
            const YM signed_m = chain[2];
            if (signed_m.month() == 5 && rng.chance(0.7)) event = "5·18经洽会";
            else if (signed_m.month() == 9 && rng.chance(0.5)) event = "9·26农交会";
            else if (rng.chance(0.35)) event = rng.pick(kSigningEvents);
        }
        static constexpr const char* types[] = {"合同", "协议", "意向"};
        static constexpr double type_w[] = {50, 35, 15};
        const std::string type = types[rng.weighted(type_w)];
        std::int64_t amount;
        if (foreign) {  // 500万 - 2亿 USD, median ~2,000万
            const double wan_usd = std::pow(10.0, std::clamp(3.3 + 0.4 * rng.normal(), std::log10(500.0), std::log10(20000.0)));
            amount = std::max<std::int64_t>(500, std::llround(wan_usd / 10) * 10) * kUsdWanCents;
        } else {  // 1亿 - 50亿, median ~3亿
            const double wan = std::pow(10.0, std::clamp(4.48 + 0.4 * rng.normal(), 4.0, std::log10(500000.0)));
            amount = std::max<std::int64_t>(10000, std::llround(wan / 100) * 100) * kWan;
        }
        std::optional<std::int64_t> project;
        if ((stage == "开工" || stage == "投产") && rng.chance(0.4)) {
            std::vector<std::int64_t> same;
            for (const auto& [pid, rid] : ctx.project_regions)
                if (rid == region.id) same.push_back(pid);
            if (!same.empty()) project = rng.pick(same);
        }
        ins.reset();
        ins.clearBindings();
        ins.bind(1, rng.uid());
        ins.bind(2, name);
        ins.bind(3, investor);
        ins.bind(4, origin);
        ins.bind(5, country);
        ins.bind(6, foreign ? 1 : 0);
        ins.bind(7, region.id);
        if (zone) ins.bind(8, *zone);
        if (industry) ins.bind(9, *industry);
        if (category) ins.bind(10, category->id);
        ins.bind(11, stage);
        for (int k = 0; k < 6; ++k)
            if (auto d = date_of(k); d && stage != "终止") ins.bind(12 + k, *d);
        if (stage == "终止") {
            ins.bind(12, *date_of(0));
            ins.bind(13, *date_of(1));
            ins.bind(18, *date_of(2));
        }
        ins.bind(19, event);
        ins.bind(20, type);
        ins.bind(21, static_cast<std::int64_t>(amount));
        ins.bind(22, foreign ? "USD" : "CNY");
        if (project) ins.bind(23, *project);
        ins.bind(24, stage == "终止" ? std::string("客商调整投资布局，洽谈终止") : std::string());
        ins.bind(25, timestamp_text(chain[0].year(), chain[0].month(), 8, 9, 0));
        ins.bind(26, timestamp_text(latest.year(), latest.month(), 28, 17, 0));
        ins.exec();
        const std::int64_t id = ctx.db.last_insert_id();
        ++ctx.summary.deals;

        // Funds in place: from registration on (and for some signed deals), in 1-5 instalments.
        if (stage_index >= 3 || (stage == "签约" && rng.chance(0.3))) {
            const int count = static_cast<int>(rng.between(1, 5));
            const double share = rng.uniform(0.15, stage == "投产" ? 0.9 : 0.6);
            const YM from = chain[std::min<std::size_t>(2, chain.size() - 1)];
            for (int k = 0; k < count; ++k) {
                const YM m = std::min(last, from.plus(static_cast<int>(rng.between(0, std::max(0, last.v - from.v)))));
                const std::int64_t unit = foreign ? kUsdWanCents / 100 : kWan / 100;  // 0.01 万
                const std::int64_t part = std::max<std::int64_t>(unit, static_cast<std::int64_t>(static_cast<double>(amount) * share / count * rng.uniform(0.7, 1.3)) / unit * unit);
                const std::int64_t rate = foreign ? rate_for(rng, m.year(), y) : 1'000'000;
                const std::int64_t cny = foreign ? usd_to_cny(UsdMoney{part}, rate).fen : part;
                fund.reset();
                fund.bind(1, rng.uid());
                fund.bind(2, id);
                fund.bind(3, date_text(m.year(), m.month(), static_cast<int>(rng.between(1, 28))));
                fund.bind(4, static_cast<std::int64_t>(part));
                fund.bind(5, foreign ? "USD" : "CNY");
                fund.bind(6, static_cast<std::int64_t>(rate));
                fund.bind(7, static_cast<std::int64_t>(cny));
                fund.bind(8, k == 0 ? std::string("首笔资金到位") : std::string());
                fund.exec();
                ++ctx.summary.deal_funds;
            }
        }
        const int followups = static_cast<int>(rng.between(1, 3));
        for (int k = 0; k < followups; ++k) {
            const YM m = chain[static_cast<std::size_t>(rng.between(0, steps))];
            follow.reset();
            follow.bind(1, rng.uid());
            follow.bind(2, id);
            follow.bind(3, date_text(m.year(), m.month(), static_cast<int>(rng.between(1, 28))));
            follow.bind(4, region.name + "投资促进局");
            follow.bind(5, rng.pick(notes));
            follow.exec();
        }
    }
}

}  // namespace il::demo::detail
