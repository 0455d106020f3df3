// The demo city's 技改项目: enterprises renovating, with plans and monthly progress.
#include <algorithm>
#include <cmath>

#include "core/demo/demo_context.h"
#include "core/demo/demo_vocabulary.h"
#include "core/model/money.h"

namespace il::demo::detail {
namespace {

constexpr std::int64_t kWan = kFenPerWan;
constexpr std::int64_t kStep = kFenPerWan / 100;

struct KindWords {
    const char* kind;
    double weight;
    std::array<const char*, 4> words;
};
constexpr KindWords kKinds[] = {
    {"智能化", 35, {"智能化生产线改造", "数字化车间建设", "自动化生产线升级", "智能仓储改造"}},
    {"绿色化", 25, {"绿色化改造", "节能降耗技术改造", "清洁生产改造", "余热回收利用改造"}},
    {"扩能", 25, {"扩能改造", "新增产能技术改造", "生产线扩建", "产能提升改造"}},
    {"其他", 15, {"工艺装备升级改造", "研发检测能力提升", "产品升级改造", "质量提升改造"}},
};

}  // namespace

void generate_renovations(Context& ctx) {
    auto& rng = ctx.rng;
    const int y = ctx.options.year;
    db::Query ins(ctx.db,
                  "INSERT INTO renovations(uid, enterprise, name, filing_number, region_id, zone_id, industry_id, kind, stage, "
                  "total_investment, equipment_investment, in_statistics, planned_start, planned_completion, actual_start, "
                  "actual_completion, expected_output, expected_tax, notes, created_at, updated_at) "
                  "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    db::Query plan(ctx.db, "INSERT INTO renovation_plans(renovation_id, year, planned_investment, uid) VALUES(?,?,?,?)");
    db::Query prog(ctx.db,
                   "INSERT INTO renovation_progress(renovation_id, year, month, completed_month, completed_ytd, uid, updated_at) "
                   "VALUES(?,?,?,?,?,?,?)");
    const auto manufacturing = ctx.industry_coded("C");
    static constexpr const char* stages[] = {"前期", "新开工", "续建", "竣工", "投产", "停缓建"};
    static constexpr double stage_w[] = {8, 40, 30, 12, 8, 2};
    double kind_w[std::size(kKinds)];
    for (std::size_t i = 0; i < std::size(kKinds); ++i) kind_w[i] = kKinds[i].weight;

    const int n = ctx.options.renovations;
    for (int i = 0; i < n; ++i) {
        if (i % 50 == 0) ctx.report("生成技改项目", 0.75 + 0.13 * i / std::max(1, n));
        const DictRegion& region = ctx.pick_region();
        const auto zone = ctx.pick_zone(region.id, 0.4);
        const KindWords& kind = kKinds[rng.weighted(kind_w)];
        const std::string product = rng.pick(kRenovationProducts);
        const std::string enterprise = region.short_name + rng.pick(kBrands) + product + rng.pick(kEnterpriseKinds);
        const std::string name = "年产" + std::to_string(rng.between(1, 50) * 10) + "万件" + product + rng.pick(kind.words) + "项目";
        const std::string stage = stages[rng.weighted(stage_w)];
        // log10(万元) ~ N(3.7, 0.45) within 200万 .. 20亿: median ~5,000万.
        const double wan = std::pow(10.0, std::clamp(3.7 + 0.45 * rng.normal(), std::log10(200.0), std::log10(200000.0)));
        const std::int64_t total = std::max<std::int64_t>(200, static_cast<std::int64_t>(std::llround(wan / 10)) * 10) * kWan;
        const std::int64_t equipment = total * rng.between(40, 80) / 100 / kWan * kWan;

        YM planned_start, planned_end;
        std::optional<YM> start, done;
        const int duration = static_cast<int>(rng.between(6, 18));
        if (stage == "前期") {
            planned_start = YM::of(y + (rng.chance(0.5) ? 1 : 0), static_cast<int>(rng.between(1, 12)));
        } else if (stage == "新开工") {
            start = YM::of(y, static_cast<int>(rng.between(2, 10)));
        } else if (stage == "续建" || stage == "停缓建") {
            start = YM::of(y - 1, static_cast<int>(rng.between(3, 12)));
        } else {  // 竣工 / 投产
            start = YM::of(y - 1, static_cast<int>(rng.between(1, 10)));
            done = start->plus(std::min(duration, YM::of(y, 12).v - start->v));
        }
        if (start) planned_start = *start;
        planned_end = planned_start.plus(duration);
        if (stage == "续建" && planned_end <= YM::of(y, 12)) planned_end = YM::of(y + 1, static_cast<int>(rng.between(1, 6)));
        const bool in_stats = start && rng.chance(0.78);
        const std::int64_t output = total * rng.between(120, 300) / 100 / kWan * kWan;
        const std::int64_t tax = output * rng.between(8, 15) / 100 / kWan * kWan;

        ins.reset();
        ins.clearBindings();
        ins.bind(1, rng.uid());
        ins.bind(2, enterprise);
        ins.bind(3, name);
        const int filed = (start ? *start : planned_start).plus(-static_cast<int>(rng.between(1, 4))).year();
        ins.bind(4, region.short_name + "工信技改备〔" + std::to_string(filed) + "〕" + std::to_string(1000 + i) + "号");
        ins.bind(5, region.id);
        if (zone) ins.bind(6, *zone);
        if (manufacturing) ins.bind(7, *manufacturing);
        ins.bind(8, kind.kind);
        ins.bind(9, stage);
        ins.bind(10, static_cast<std::int64_t>(total));
        ins.bind(11, static_cast<std::int64_t>(equipment));
        ins.bind(12, in_stats ? 1 : 0);
        ins.bind(13, date_text(planned_start.year(), planned_start.month(), 1));
        ins.bind(14, date_text(planned_end.year(), planned_end.month(), 28));
        if (start) ins.bind(15, date_text(start->year(), start->month(), static_cast<int>(rng.between(1, 28))));
        if (done) ins.bind(16, date_text(done->year(), done->month(), static_cast<int>(rng.between(1, 28))));
        ins.bind(17, static_cast<std::int64_t>(output));
        ins.bind(18, static_cast<std::int64_t>(tax));
        ins.bind(19, stage == "停缓建" ? std::string("市场原因暂缓实施") : std::string());
        const YM created = start ? std::min(*start, YM::of(y - 1, 1)) : YM::of(y, 1);
        ins.bind(20, timestamp_text(created.year(), created.month(), 12, 9, 0));
        ins.bind(21, timestamp_text(y, 12, 31, 17, 30));
        ins.exec();
        const std::int64_t id = ctx.db.last_insert_id();
        ++ctx.summary.renovations;

        // Plans per year by the share of planned months in it; progress month by month.
        const int months = planned_end.v - planned_start.v + 1;
        for (int year : {y - 1, y}) {
            int in_year = 0;
            for (int k = 0; k < months; ++k) in_year += planned_start.plus(k).year() == year ? 1 : 0;
            if (in_year == 0) continue;
            plan.reset();
            plan.bind(1, id);
            plan.bind(2, year);
            plan.bind(3, static_cast<std::int64_t>(std::max<std::int64_t>(kWan, total * in_year / months / kWan * kWan)));
            plan.bind(4, rng.uid());
            plan.exec();
        }
        if (!start) continue;
        const YM end = done ? *done : stage == "停缓建" ? start->plus(static_cast<int>(rng.between(2, 8))) : YM::of(y, 12);
        const double pace = rng.chance(0.2) ? rng.uniform(0.4, 0.75) : rng.uniform(0.85, 1.1);
        std::int64_t cumulative = 0, ytd = 0;
        int ytd_year = 0;
        for (YM m = *start; m <= end && m <= YM::of(y, 12); m = m.plus(1)) {
            const double amount = static_cast<double>(total) / months * pace * kSeasonWeights[m.month() - 1] * rng.uniform(0.8, 1.2);
            std::int64_t month_fen = static_cast<std::int64_t>(std::llround(amount / kStep)) * kStep;
            if (cumulative + month_fen > total) month_fen = (total - cumulative) / kStep * kStep;
            cumulative += month_fen;
            if (m.year() != ytd_year) {
                ytd_year = m.year();
                ytd = 0;
            }
            ytd += month_fen;
            prog.reset();
            prog.bind(1, id);
            prog.bind(2, m.year());
            prog.bind(3, m.month());
            prog.bind(4, static_cast<std::int64_t>(month_fen));
            prog.bind(5, static_cast<std::int64_t>(ytd));
            prog.bind(6, rng.uid());
            const YM entered = m.plus(1);
            prog.bind(7, timestamp_text(entered.year(), entered.month(), 5, 16, 0));
            prog.exec();
            ++ctx.summary.renovation_progress_rows;
        }
    }
}

}  // namespace il::demo::detail
