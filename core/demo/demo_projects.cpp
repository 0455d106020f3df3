// The demo city's 亿元以上项目: schedules, plans, approvals, monthly progress and problems.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <map>
#include <set>

#include "core/demo/demo_context.h"
#include "core/demo/demo_vocabulary.h"
#include "core/model/money.h"
#include "core/model/project.h"

namespace il::demo::detail {
namespace {

constexpr std::int64_t kWan = kFenPerWan;            // 1 万元 in 分
constexpr std::int64_t kStep = kFenPerWan / 100;     // 0.01 万元: monthly figures are entered to it

std::int64_t round_to(double fen, std::int64_t step) {
    return static_cast<std::int64_t>(std::llround(fen / static_cast<double>(step))) * step;
}

struct Schedule {
    std::string stage;
    std::optional<YM> actual_start;
    YM planned_start;
    YM planned_completion;
    std::optional<YM> actual_completion;
    std::optional<YM> stopped;  // 停缓建: the last month with work
};

struct PendingProblem {
    std::string description, unit, status;
    YM assigned;
    std::optional<YM> supervised, closed;
};

// Stage mix of a county ledger: some in preparation, ~35% new starts, ~40% continuing,
// some completed or producing, a few suspended or cancelled.
const char* pick_stage(DemoRandom& rng) {
    static constexpr const char* stages[] = {"谋划", "前期", "新开工", "续建", "竣工", "投产", "停缓建", "取消"};
    static constexpr double weights[] = {4.0, 8.5, 35.0, 40.0, 7.0, 3.0, 2.0, 0.5};
    return stages[rng.weighted(weights)];
}

int pick_start_month(DemoRandom& rng) {
    // 春季集中开工: most projects start in March-June.
    static constexpr double w[12] = {0.2, 0.3, 1.5, 2.0, 1.5, 1.2, 0.8, 0.7, 0.7, 0.5, 0.2, 0.1};
    return static_cast<int>(rng.weighted(w)) + 1;
}

// `history`: a project completed in the year before the demo year (in last year's ledger only).
Schedule make_schedule(DemoRandom& rng, const std::string& stage, int year, std::int64_t total_wan, bool history) {
    Schedule s;
    s.stage = stage;
    if (history) {
        // Completions gather towards the year end (年底冲刺).
        static constexpr double month_w[12] = {0.5, 0.4, 0.7, 0.9, 1.0, 1.2, 1.0, 1.0, 1.2, 1.2, 1.4, 1.8};
        const YM done = YM::of(year - 1, static_cast<int>(rng.weighted(month_w)) + 1);
        s.actual_start = done.plus(-static_cast<int>(rng.between(10, 26)));
        s.planned_start = *s.actual_start;
        s.actual_completion = done;
        s.planned_completion = done.plus(-static_cast<int>(rng.between(-1, 2)));
        return s;
    }
    // Bigger projects take longer: 12..60 months.
    const double size_yi = static_cast<double>(total_wan) / 10000.0;
    const int duration = std::clamp(12 + static_cast<int>(rng.between(0, 18)) + static_cast<int>(6 * std::log10(std::max(1.0, size_yi)) * 2), 12, 60);
    if (stage == "谋划" || stage == "取消") {
        s.planned_start = YM::of(year + 1, static_cast<int>(rng.between(1, 12)));
    } else if (stage == "前期") {
        s.planned_start = rng.chance(0.35) ? YM::of(year, static_cast<int>(rng.between(3, 12)))
                                           : YM::of(year + 1, static_cast<int>(rng.between(1, 8)));
    } else if (stage == "新开工") {
        YM start = YM::of(year, pick_start_month(rng));
        s.actual_start = start;
        const int slip = rng.chance(0.7) ? 0 : static_cast<int>(rng.between(-1, 3));  // started later than planned
        YM planned = start.plus(-slip);
        if (planned.year() != year) planned = YM::of(year, 1);
        s.planned_start = planned;
    } else if (stage == "续建") {
        const double r = rng.uniform();
        const int y = r < 0.6 ? year - 1 : r < 0.88 ? year - 2 : year - 3;
        s.actual_start = YM::of(y, static_cast<int>(rng.between(3, 10)));
        s.planned_start = s.actual_start->plus(rng.chance(0.8) ? 0 : -static_cast<int>(rng.between(1, 3)));
    } else if (stage == "竣工" || stage == "投产") {
        const bool last_year = stage == "投产" && rng.chance(0.2);
        YM done = last_year ? YM::of(year - 1, static_cast<int>(rng.between(3, 12)))
                            : YM::of(year, static_cast<int>(rng.between(stage == "竣工" ? 2 : 1, stage == "竣工" ? 12 : 8)));
        const int span = static_cast<int>(rng.between(10, 30));
        s.actual_start = done.plus(-span);
        s.planned_start = *s.actual_start;
        s.actual_completion = done;
        s.planned_completion = done.plus(-static_cast<int>(rng.between(-2, 2)));
        return s;
    } else {  // 停缓建
        s.actual_start = YM::of(year - 1 - (rng.chance(0.3) ? 1 : 0), static_cast<int>(rng.between(3, 8)));
        s.planned_start = *s.actual_start;
        s.stopped = YM::of(year - 1, 8).plus(static_cast<int>(rng.between(0, 8)));
        if (*s.stopped <= *s.actual_start) s.stopped = s.actual_start->plus(2);
    }
    s.planned_completion = s.planned_start.plus(duration - 1);
    if (stage == "续建" && s.planned_completion < YM::of(year + 1, 1))
        s.planned_completion = YM::of(year + 1, static_cast<int>(rng.between(3, 12)));
    return s;
}

// The weight of each month of a project's life: a hump over the life times the season.
std::vector<double> life_weights(YM from, YM to) {
    const int n = std::max(1, to.v - from.v + 1);
    std::vector<double> w(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const double shape = 0.35 + std::sin(3.141592653589793 * (i + 0.5) / n);
        w[static_cast<std::size_t>(i)] = shape * kSeasonWeights[from.plus(i).month() - 1];
    }
    return w;
}

std::string person_name(DemoRandom& rng) { return std::string(rng.pick(kSurnames)) + rng.pick(kGivenNames); }

std::string phone(DemoRandom& rng) {
    if (rng.chance(0.4)) return "0316-" + std::to_string(rng.between(2000000, 8999999));
    return "13" + std::to_string(rng.between(0, 9)) + std::to_string(rng.between(10000000, 99999999));
}

std::string image_progress(double share, bool completed_now) {
    if (completed_now) return kImageStages[7];
    static constexpr double bounds[] = {0.05, 0.15, 0.3, 0.55, 0.65, 0.8, 2.0};
    for (int i = 0; i < 7; ++i)
        if (share < bounds[i]) return kImageStages[i];
    return kImageStages[6];
}

// A national project code of the platform's form: YYYY-AAAAAA-DD-TT-RRRRRC (the older
// 4-6-2-2-6 form before 2017). DD is a GB/T 4754 division within the section.
std::string project_code(DemoRandom& rng, int year, const std::string& region_code, const std::string& section, int serial) {
    static constexpr std::pair<char, std::pair<int, int>> divisions[] = {
        {'A', {1, 5}},   {'C', {13, 43}}, {'D', {44, 46}}, {'E', {47, 50}}, {'G', {53, 60}}, {'I', {63, 65}},
        {'J', {66, 69}}, {'L', {71, 72}}, {'M', {73, 75}}, {'N', {77, 79}}, {'Q', {84, 85}}, {'R', {86, 90}}};
    int lo = 13, hi = 43;
    for (const auto& [letter, range] : divisions)
        if (!section.empty() && section[0] == letter) std::tie(lo, hi) = range;
    static constexpr double type_w[] = {5, 15, 80};  // 审批, 核准, 备案
    const int type = static_cast<int>(rng.weighted(type_w)) + 1;
    std::string area = region_code.size() == 6 ? region_code : std::string("131000");
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%s-%02d-%02d-%06d", year, area.c_str(), static_cast<int>(rng.between(lo, hi)), type, serial);
    std::string code = buf;
    if (year >= 2017 && rng.chance(0.1)) code.back() = 'X';  // the check character may be X
    return code;
}

struct Leader {
    std::string name, title;
};

class ProjectWriter {
public:
    explicit ProjectWriter(Context& ctx)
        : ctx_(ctx),
          rng_(ctx.rng),
          y_(ctx.options.year),
          insert_project_(ctx.db,
                          "INSERT INTO projects(uid, name, owner, region_id, zone_id, site, industry_id, category_id, nature, level, "
                          "stage, total_investment, planned_start, planned_completion, actual_start, actual_completion, content, "
                          "leader_name, leader_title, responsible_unit, contact_person, contact_phone, is_jingjin, is_foreign, "
                          "notes, created_at, updated_at, code) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
          insert_plan_(ctx.db, "INSERT INTO project_plans(project_id, year, planned_investment, uid) VALUES(?,?,?,?)"),
          insert_approval_(ctx.db,
                           "INSERT INTO approvals(project_id, kind, status, doc_number, doc_date, uid) VALUES(?,?,?,?,?,?)"),
          insert_progress_(ctx.db,
                           "INSERT INTO progress(project_id, year, month, completed_month, completed_ytd, image_progress, problems, "
                           "uid, updated_at) VALUES(?,?,?,?,?,?,?,?,?)"),
          insert_problem_(ctx.db,
                          "INSERT INTO problems(uid, project_id, description, owner_unit, status, assigned_date, supervised_date, "
                          "closed_date, notes, created_at, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?)") {
        for (int i = 0; i < 5; ++i)
            city_leaders_.push_back({person_name(rng_), i == 0 ? "市长" : i == 1 ? "市委常委、常务副市长" : "副市长"});
    }

    void run() {
        const int n = ctx_.options.projects;
        const int real = std::min<int>(n, static_cast<int>(std::size(kRealProjects)));
        // Strategic-emerging projects are ~31% of the count: the generated ones make up what the
        // real ones leave.
        int real_strategic = 0;
        {
            // Names already in the ledger (demo data added to a database that has some) are not
            // used again: the named projects appear once, generated names stay unique.
            db::Query q(ctx_.db, "SELECT name FROM projects");
            while (q.executeStep()) names_.insert(q.getColumn(0).getString());
            db::Query c(ctx_.db, "SELECT code FROM projects WHERE code IS NOT NULL");
            while (c.executeStep()) codes_.insert(c.getColumn(0).getString());
        }
        for (int i = 0; i < real; ++i) {
            const auto* c = ctx_.category_named(kRealProjects[i].category);
            if (c && c->strategic && !names_.count(kRealProjects[i].name)) ++real_strategic;
        }
        const double target = 0.31 * n;
        p_strategic_ = n > real ? std::clamp((target - real_strategic) / (n - real), 0.0, 1.0) : 0.0;
        const int history = ctx_.options.history_projects >= 0 ? ctx_.options.history_projects : n * 3 / 10;
        for (int i = 0; i < n + history; ++i) {
            if (i < real && !names_.count(kRealProjects[i].name)) write_real(kRealProjects[i]);
            else write_generated(i >= n);
            if (i % 50 == 0) ctx_.report("生成亿元以上项目", 0.01 + 0.74 * i / std::max(1, n + history));
        }
    }

private:
    struct Draft {
        std::string name, owner, site, content, stage, nature, level;
        const DictRegion* region = nullptr;
        std::optional<std::int64_t> zone_id, industry_id;
        const DictCategory* category = nullptr;
        std::int64_t total_wan = 0;
        bool jingjin = false, foreign = false;
        bool history = false;  // completed in the year before the demo year
    };

    const DictCategory* pick_category(bool strategic) {
        std::vector<double> w;
        std::vector<const DictCategory*> cs;
        for (const auto& c : ctx_.categories) {
            if (c.strategic != strategic) continue;
            double weight = 1.0;
            if (!strategic) {
                weight = c.group == "现代服务业" ? 0.45 : c.group == "传统产业" ? 0.45 : c.group == "现代农业" ? 0.07 : 0.03;
                int same = 0;
                for (const auto& o : ctx_.categories) same += (!o.strategic && o.group == c.group) ? 1 : 0;
                weight /= std::max(1, same);
            } else {
                static constexpr std::pair<const char*, double> pref[] = {{"大智移云", 1.3}, {"新材料", 1.4}, {"高端装备", 1.3}, {"节能环保", 1.0},
                                                                          {"新能源", 0.9},  {"生物医药", 0.8}, {"航空航天", 0.6}, {"军民融合", 0.4}};
                for (const auto& [k, v] : pref)
                    if (c.name.find(k) != std::string::npos) weight = v;
            }
            cs.push_back(&c);
            w.push_back(weight);
        }
        if (cs.empty()) return ctx_.categories.empty() ? nullptr : &rng_.pick(ctx_.categories);
        return cs[rng_.weighted(w)];
    }

    const CategoryWords& words_for(const DictCategory* c) {
        if (c) {
            for (const auto& cw : kCategoryWords)
                if (c->name.find(cw.keyword) != std::string::npos) return cw;
            for (const auto& gw : kGroupWords)
                if (c->group == gw.keyword) return gw;
        }
        return kGroupWords[std::size(kGroupWords) - 1];
    }

    std::optional<std::int64_t> industry_for(const DictCategory* c) {
        auto id = ctx_.industry_coded(words_for(c).industry);
        if (id) return id;
        if (ctx_.industries.empty()) return std::nullopt;
        return rng_.pick(ctx_.industries).id;
    }

    std::int64_t draw_total_wan() {
        // log10(亿元) ~ N(0.38, 0.42) within [0, 2]: median ~2.4亿, a long tail to 100亿.
        const double lg = std::clamp(0.38 + 0.42 * rng_.normal(), 0.0, 2.0);
        const double wan = std::pow(10.0, lg) * 10000.0;
        const std::int64_t step = wan >= 50000 ? 100 : 10;
        return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::llround(wan / step)) * step, 10000, 1000000);
    }

    std::string level_for(std::int64_t total_wan) {
        const double r = rng_.uniform();
        if (total_wan >= 200000) return r < 0.5 ? "省重点" : r < 0.9 ? "市重点" : "县重点";
        if (total_wan >= 50000) return r < 0.1 ? "省重点" : r < 0.65 ? "市重点" : "县重点";
        return r < 0.02 ? "省重点" : r < 0.25 ? "市重点" : "县重点";
    }

    std::string site_for(const DictRegion& r, std::optional<std::int64_t> zone_id) {
        // A zone named like its region (or after it) is not prefixed with the region's name again.
        if (zone_id)
            for (const auto& z : ctx_.zones)
                if (z.id == *zone_id) return z.name.rfind(r.name, 0) == 0 ? z.name : r.name + z.name;
        static constexpr const char* places[] = {"城区", "北部工业园区", "南部产业园", "经济开发区", "高新技术产业园", "东部新区"};
        return r.name + rng_.pick(places);
    }

    void write_real(const RealProject& rp) {
        Draft d;
        d.name = rp.name;
        d.owner = rp.owner;
        d.region = ctx_.region_named(rp.region);
        if (!d.region) d.region = &ctx_.pick_region();
        if (const auto* z = ctx_.zone_named(rp.zone); z && z->region_id == d.region->id) d.zone_id = z->id;
        if (const auto* z = ctx_.zone_of_region(d.region->id); z && !d.zone_id) d.zone_id = z->id;
        d.category = ctx_.category_named(rp.category);
        if (!d.category) d.category = pick_category(true);
        d.industry_id = industry_for(d.category);
        d.site = site_for(*d.region, d.zone_id);
        d.content = rp.content;
        d.stage = rp.stage;
        d.nature = "新建";
        d.level = rp.level;
        d.total_wan = static_cast<std::int64_t>(rp.total_yi) * 10000;
        d.jingjin = rp.jingjin;
        d.foreign = rp.foreign;
        write(d);
    }

    void write_generated(bool history) {
        Draft d;
        d.region = &ctx_.pick_region();
        d.zone_id = ctx_.pick_zone(d.region->id, 0.45);
        d.category = pick_category(rng_.chance(p_strategic_));
        d.industry_id = industry_for(d.category);
        const auto& words = words_for(d.category);
        const std::string word = rng_.pick(words.words);
        const std::string brand = rng_.pick(kBrands);
        std::string base = rng_.chance(0.6) ? ctx_.place_for(*d.region, d.zone_id) + word : brand + word;
        std::string name = base + rng_.pick(kSuffixes);
        for (int k = 2; names_.count(name); ++k) name = base + "（" + std::to_string(k) + "期）项目";
        d.name = name;
        d.owner = d.region->short_name + brand + rng_.pick(kOwnerKinds);
        d.site = site_for(*d.region, d.zone_id);
        d.total_wan = draw_total_wan();
        d.content = "总占地约" + std::to_string(rng_.between(30, 800)) + "亩，总建筑面积约" +
                    std::to_string(rng_.between(2, 60)) + "万平方米，主要建设" + word + "及配套设施";
        d.stage = history ? (rng_.chance(0.7) ? "投产" : "竣工") : pick_stage(rng_);
        d.history = history;
        static constexpr const char* natures[] = {"新建", "扩建", "改建", "迁建"};
        static constexpr double nature_w[] = {70, 20, 6, 4};
        d.nature = natures[rng_.weighted(nature_w)];
        d.level = level_for(d.total_wan);
        d.jingjin = rng_.chance(0.28);
        d.foreign = rng_.chance(0.04);
        write(d);
    }

    const Leader& leader_for(const Draft& d) {
        if (d.level == "省重点" && rng_.chance(0.7)) return rng_.pick(city_leaders_);
        auto& pool = region_leaders_[d.region->id];
        if (pool.empty()) {
            const std::string& n = d.region->name;
            const char* unit = n.ends_with("区") ? "区" : n.ends_with("市") ? "市" : "县";
            const bool zone_region = d.region->kind == "开发区单列";
            const std::string titles[] = {zone_region ? n + "党工委书记" : n + "委书记",
                                          zone_region ? n + "管委会主任" : n + unit + "长",
                                          zone_region ? n + "管委会常务副主任" : n + "常务副" + unit + "长",
                                          zone_region ? n + "管委会副主任" : n + "副" + unit + "长",
                                          zone_region ? n + "管委会副主任" : n + "副" + unit + "长"};
            for (const auto& t : titles) pool.push_back({person_name(rng_), t});
        }
        return rng_.pick(pool);
    }

    std::string unit_for(const Draft& d) {
        if (d.zone_id && rng_.chance(0.6))
            for (const auto& z : ctx_.zones)
                if (z.id == *d.zone_id) return z.name + "管委会";
        static constexpr const char* units[] = {"发改局", "工信局", "投资促进局", "商务局", "住建局"};
        return d.region->name + rng_.pick(units);
    }

    void write(const Draft& d) {
        names_.insert(d.name);
        const Schedule s = make_schedule(rng_, d.stage, y_, d.total_wan, d.history);
        const std::int64_t total = d.total_wan * kWan;
        const Leader& leader = leader_for(d);
        const std::string unit = unit_for(d);
        auto ym_date = [](std::optional<YM> v, int day) -> std::optional<std::string> {
            if (!v) return std::nullopt;
            return date_text(v->year(), v->month(), day);
        };
        const auto planned_start = ym_date(s.stage == "取消" ? std::nullopt : std::optional<YM>(s.planned_start), 1);
        const auto planned_completion = ym_date(s.stage == "取消" ? std::nullopt : std::optional<YM>(s.planned_completion), 28);
        const auto actual_start = ym_date(s.actual_start, static_cast<int>(rng_.between(1, 28)));
        const auto actual_completion = ym_date(s.actual_completion, static_cast<int>(rng_.between(1, 28)));
        const YM created = s.actual_start ? std::min(*s.actual_start, YM::of(y_ - 1, 1)) : YM::of(y_, static_cast<int>(rng_.between(1, 6)));

        auto& q = insert_project_;
        q.reset();
        q.clearBindings();
        q.bind(1, rng_.uid());
        q.bind(2, d.name);
        q.bind(3, d.owner);
        q.bind(4, d.region->id);
        if (d.zone_id) q.bind(5, *d.zone_id);
        q.bind(6, d.site);
        if (d.industry_id) q.bind(7, *d.industry_id);
        if (d.category) q.bind(8, d.category->id);
        q.bind(9, d.nature);
        q.bind(10, d.level);
        q.bind(11, d.stage);
        q.bind(12, static_cast<std::int64_t>(total));
        if (planned_start) q.bind(13, *planned_start);
        if (planned_completion) q.bind(14, *planned_completion);
        if (actual_start) q.bind(15, *actual_start);
        if (actual_completion) q.bind(16, *actual_completion);
        q.bind(17, d.content);
        q.bind(18, leader.name);
        q.bind(19, leader.title);
        q.bind(20, unit);
        q.bind(21, person_name(rng_));
        q.bind(22, phone(rng_));
        q.bind(23, d.jingjin ? 1 : 0);
        q.bind(24, d.foreign ? 1 : 0);
        q.bind(25, s.stage == "停缓建" ? std::string("因资金原因暂停施工") : s.stage == "取消" ? std::string("企业投资意向变化，项目取消") : std::string());
        q.bind(26, timestamp_text(created.year(), created.month(), 10, 9, 0));
        q.bind(27, timestamp_text(y_, 12, 31, 17, 30));
        // Most projects past 谋划 have a national code, assigned when they were filed.
        if (s.stage != "谋划" && s.stage != "取消" && rng_.chance(0.75)) {
            const int filed = std::max(2014, (s.actual_start ? *s.actual_start : s.planned_start).year() - (rng_.chance(0.5) ? 1 : 0));
            std::string section;
            if (d.industry_id)
                for (const auto& ind : ctx_.industries)
                    if (ind.id == *d.industry_id) section = ind.code;
            std::string code;
            do code = project_code(rng_, filed, d.region->code, section, static_cast<int>(rng_.between(1, 999999)));
            while (!codes_.insert(code).second);
            q.bind(28, code);
        }
        q.exec();
        const std::int64_t id = ctx_.db.last_insert_id();
        ctx_.project_regions.emplace_back(id, d.region->id);
        ++(d.history ? ctx_.summary.history_projects : ctx_.summary.projects);
        ctx_.summary.total_investment_fen += total;
        if (d.category && d.category->strategic) ++ctx_.summary.strategic_projects;

        write_approvals(id, s, d);
        if (s.stage == "取消") return;
        const auto problems = write_problems(id, s);
        write_plans_and_progress(id, s, total, problems);
    }

    void write_approvals(std::int64_t id, const Schedule& s, const Draft& d) {
        const std::string& sn = d.region->short_name;
        const bool started = s.actual_start.has_value();
        const YM base = started ? *s.actual_start : s.planned_start;
        for (int k = 0; k < 6; ++k) {
            const std::string kind = kApprovalKinds[static_cast<std::size_t>(k)];
            std::string status;
            if (started) status = (kind == "能评" && d.total_wan < 50000 && rng_.chance(0.5)) ? "不需要" : "已办";
            else if (s.stage == "谋划" || s.stage == "取消") status = k == 0 ? (rng_.chance(0.5) ? "在办" : "未办") : "未办";
            else {  // 前期: the early approvals done, the late ones under way
                static constexpr double done_p[] = {0.95, 0.7, 0.6, 0.5, 0.4, 0.05};
                status = rng_.chance(done_p[k]) ? "已办" : (rng_.chance(0.6) ? "在办" : "未办");
            }
            std::string number;
            std::optional<std::string> date;
            if (status == "已办") {
                const YM when = base.plus(-static_cast<int>(rng_.between(1, 10)) + k);
                const std::string yy = std::to_string(when.year());
                const std::string nn = std::to_string(rng_.between(1, 260));
                switch (k) {
                    case 0: number = sn + "发改备字〔" + yy + "〕" + nn + "号"; break;
                    case 1: number = "冀（" + yy + "）" + sn + "不动产权第" + std::to_string(rng_.between(1000000, 9999999)) + "号"; break;
                    case 2: number = "建字第1310" + std::to_string(rng_.between(10, 99)) + yy + std::to_string(rng_.between(1000, 9999)) + "号"; break;
                    case 3: number = sn + "环审〔" + yy + "〕" + nn + "号"; break;
                    case 4: number = sn + "能审〔" + yy + "〕" + nn + "号"; break;
                    default: number = "1310" + std::to_string(rng_.between(10, 99)) + yy + std::to_string(rng_.between(100000, 999999)); break;
                }
                date = date_text(when.year(), when.month(), static_cast<int>(rng_.between(1, 28)));
            }
            auto& q = insert_approval_;
            q.reset();
            q.clearBindings();
            q.bind(1, id);
            q.bind(2, kind);
            q.bind(3, status);
            q.bind(4, number);
            if (date) q.bind(5, *date);
            q.bind(6, rng_.uid());
            q.exec();
        }
    }

    std::vector<PendingProblem> write_problems(std::int64_t id, const Schedule& s) {
        std::vector<PendingProblem> out;
        if (s.stage == "谋划") return out;
        const double p = s.stage == "停缓建" ? 0.9 : s.stage == "前期" ? 0.35 : 0.15;
        if (!rng_.chance(p)) return out;
        const int count = rng_.chance(0.25) ? 2 : 1;
        const YM end = YM::of(y_, 12);
        for (int i = 0; i < count; ++i) {
            PendingProblem pr;
            pr.description = rng_.pick(kProblemTexts);
            pr.unit = rng_.pick(kProblemUnits);
            const double r = rng_.uniform();
            if (r < 0.55) {
                pr.assigned = YM::of(y_ - 1, 3).plus(static_cast<int>(rng_.between(0, 14)));
                pr.supervised = rng_.chance(0.6) ? std::optional<YM>(pr.assigned.plus(1)) : std::nullopt;
                pr.closed = pr.assigned.plus(static_cast<int>(rng_.between(2, 6)));
                if (*pr.closed > end) pr.closed = end;
                pr.status = "销号";
            } else if (r < 0.8) {
                pr.assigned = YM::of(y_, static_cast<int>(rng_.between(3, 10)));
                pr.supervised = pr.assigned.plus(static_cast<int>(rng_.between(1, 2)));
                pr.status = "督办";
            } else {
                pr.assigned = YM::of(y_, static_cast<int>(rng_.between(8, 12)));
                pr.status = "交办";
            }
            auto& q = insert_problem_;
            q.reset();
            q.clearBindings();
            q.bind(1, rng_.uid());
            q.bind(2, id);
            q.bind(3, pr.description);
            q.bind(4, pr.unit);
            q.bind(5, pr.status);
            q.bind(6, date_text(pr.assigned.year(), pr.assigned.month(), 10));
            if (pr.supervised) q.bind(7, date_text(pr.supervised->year(), pr.supervised->month(), 15));
            if (pr.closed) q.bind(8, date_text(pr.closed->year(), pr.closed->month(), 25));
            q.bind(9, pr.status == "销号" ? std::string("问题已解决") : std::string());
            q.bind(10, timestamp_text(pr.assigned.year(), pr.assigned.month(), 10, 10, 0));
            const YM last = pr.closed ? *pr.closed : pr.supervised ? *pr.supervised : pr.assigned;
            q.bind(11, timestamp_text(last.year(), last.month(), 25, 16, 0));
            q.exec();
            ++ctx_.summary.problems;
            out.push_back(pr);
        }
        return out;
    }

    void write_plans_and_progress(std::int64_t id, const Schedule& s, std::int64_t total,
                                  const std::vector<PendingProblem>& problems) {
        // The plan: the total spread over the planned life.
        const YM p_from = s.planned_start, p_to = std::max(s.planned_completion, s.planned_start);
        const auto pw = life_weights(p_from, p_to);
        double pw_sum = 0;
        for (double w : pw) pw_sum += w;
        for (int year : {y_ - 1, y_}) {
            double share = 0;
            for (std::size_t i = 0; i < pw.size(); ++i)
                if (p_from.plus(static_cast<int>(i)).year() == year) share += pw[i] / pw_sum;
            if (share <= 0) continue;
            // Plans are set in whole 万元, a little rounder than the schedule.
            std::int64_t plan = round_to(static_cast<double>(total) * share * rng_.uniform(0.9, 1.1), kWan * 10);
            plan = std::clamp<std::int64_t>(plan, kWan * 10, total);
            auto& q = insert_plan_;
            q.reset();
            q.bind(1, id);
            q.bind(2, year);
            q.bind(3, static_cast<std::int64_t>(plan));
            q.bind(4, rng_.uid());
            q.exec();
        }
        if (!s.actual_start) return;

        // What was done: the actual life (start to completion, stop or the expected end).
        const YM a_from = *s.actual_start;
        YM a_to = s.actual_completion ? *s.actual_completion : std::max(s.planned_completion, a_from.plus(11));
        const YM work_end = s.actual_completion ? *s.actual_completion : s.stopped ? *s.stopped : YM::of(y_, 12);
        const auto aw = life_weights(a_from, a_to);
        double aw_sum = 0;
        for (double w : aw) aw_sum += w;
        const double reach = s.actual_completion ? rng_.uniform(0.88, 1.0) : 1.0;  // completed projects spend nearly all
        std::int64_t cumulative = 0;
        std::map<int, double> perf;
        for (int year : {y_ - 1, y_}) {
            const double r = rng_.uniform();
            perf[year] = r < 0.12 ? rng_.uniform(0.4, 0.8) : r < 0.9 ? rng_.uniform(0.9, 1.1) : rng_.uniform(1.05, 1.25);
            if (year < y_) perf[year] *= 0.93;  // the city invested a little less the year before
        }
        int ytd_year = 0;
        std::int64_t ytd = 0;
        for (int i = 0; a_from.plus(i) <= work_end; ++i) {
            const YM m = a_from.plus(i);
            const double w = static_cast<std::size_t>(i) < aw.size() ? aw[static_cast<std::size_t>(i)] : aw.back();
            double amount = static_cast<double>(total) * reach * w / aw_sum;
            if (m.year() >= y_ - 1) amount *= perf[m.year()] * rng_.uniform(0.75, 1.25);
            std::int64_t month_fen = std::max<std::int64_t>(0, round_to(amount, kStep));
            if (cumulative + month_fen > total) month_fen = (total - cumulative) / kStep * kStep;
            cumulative += month_fen;
            if (m.year() < y_ - 1) continue;  // history before the ledger's two years: only counted
            if (m.year() != ytd_year) {
                ytd_year = m.year();
                ytd = 0;
            }
            ytd += month_fen;
            std::string problem_text;
            for (const auto& pr : problems)
                if (pr.assigned <= m && (!pr.closed || m <= *pr.closed)) {
                    if (!problem_text.empty()) problem_text += "；";
                    problem_text += pr.description;
                }
            const bool completed_now = s.actual_completion && m == *s.actual_completion;
            auto& q = insert_progress_;
            q.reset();
            q.bind(1, id);
            q.bind(2, m.year());
            q.bind(3, m.month());
            q.bind(4, static_cast<std::int64_t>(month_fen));
            q.bind(5, static_cast<std::int64_t>(ytd));
            q.bind(6, image_progress(static_cast<double>(cumulative) / static_cast<double>(total), completed_now));
            q.bind(7, problem_text);
            q.bind(8, rng_.uid());
            const YM entered = m.plus(1);
            q.bind(9, timestamp_text(entered.year(), entered.month(), 5, 16, 0));
            q.exec();
            ++ctx_.summary.progress_rows;
        }
    }

    Context& ctx_;
    DemoRandom& rng_;
    int y_;
    double p_strategic_ = 0.31;
    std::set<std::string> names_, codes_;
    std::vector<Leader> city_leaders_;
    std::map<std::int64_t, std::vector<Leader>> region_leaders_;
    db::Query insert_project_, insert_plan_, insert_approval_, insert_progress_, insert_problem_;
};

}  // namespace

void generate_projects(Context& ctx) { ProjectWriter(ctx).run(); }

}  // namespace il::demo::detail
