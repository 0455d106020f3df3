#include "core/demo/demo_generator.h"

#include <cstdio>

#include "core/db/audit.h"
#include "core/db/dictionary_seed.h"
#include "core/db/record_warnings.h"
#include "core/demo/demo_context.h"
#include "core/util/error.h"
#include "core/db/write_transaction.h"

namespace il::demo {
namespace detail {

std::string date_text(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string timestamp_text(int year, int month, int day, int hour, int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00+08:00", year, month, day, hour, minute);
    return buf;
}

namespace {

// "广阳区" -> "广阳", "大厂回族自治县" -> "大厂", "廊坊经济技术开发区" -> "廊坊开发区"
std::string short_region_name(const std::string& name) {
    auto ends_with = [&](const std::string& s) {
        return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    for (const char* suffix : {"回族自治县", "经济技术开发区", "自治县", "新区", "区", "市", "县"}) {
        if (ends_with(suffix)) {
            std::string base = name.substr(0, name.size() - std::string(suffix).size());
            if (std::string(suffix) == "经济技术开发区") return base + "开发区";
            if (!base.empty()) return base;
        }
    }
    return name;
}

}  // namespace

Context::Context(db::Database& d, const DemoOptions& o, ProgressSink& p) : db(d), options(o), progress(p), rng(o.seed) {
    {
        db::Query q(db, "SELECT id, name, kind, COALESCE(code, '') FROM regions WHERE active = 1 ORDER BY sort_order, id");
        while (q.executeStep()) {
            DictRegion r{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), "", 1.0,
                         q.getColumn(3).getString()};
            r.short_name = short_region_name(r.name);
            regions.push_back(std::move(r));
        }
    }
    {
        db::Query q(db, "SELECT id, region_id, name FROM zones WHERE active = 1 ORDER BY sort_order, id");
        while (q.executeStep()) zones.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString()});
    }
    {
        db::Query q(db, "SELECT id, code, name FROM industries WHERE active = 1 ORDER BY sort_order, id");
        while (q.executeStep()) industries.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString()});
    }
    {
        db::Query q(db,
                            // items only: a group's own entry (name = group) unless it is its group's only entry
                            "SELECT id, name, group_name, strategic_emerging, is_industrial FROM categories c WHERE active = 1 "
                            "AND (name <> group_name OR NOT EXISTS (SELECT 1 FROM categories i WHERE i.group_name = c.group_name "
                            "AND i.name <> i.group_name)) ORDER BY sort_order, id");
        while (q.executeStep())
            categories.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                  q.getColumn(3).getInt() != 0, q.getColumn(4).getInt() != 0});
    }
    if (regions.empty()) throw ValidationError("演示数据：数据库中没有可用的县（市、区），请先导入字典");
    // Counties differ in size; the weights are drawn once so that a seed gives a stable city.
    for (auto& r : regions) r.weight = rng.uniform(0.6, 1.6);
}

const DictRegion* Context::region_named(const std::string& part) const {
    if (part.empty()) return nullptr;
    for (const auto& r : regions)
        if (r.name.find(part) != std::string::npos) return &r;
    return nullptr;
}

const DictZone* Context::zone_named(const std::string& part) const {
    if (part.empty()) return nullptr;
    for (const auto& z : zones)
        if (z.name.find(part) != std::string::npos) return &z;
    return nullptr;
}

const DictCategory* Context::category_named(const std::string& part) const {
    if (part.empty()) return nullptr;
    for (const auto& c : categories)
        if (c.name.find(part) != std::string::npos) return &c;
    return nullptr;
}

std::optional<std::int64_t> Context::industry_coded(const std::string& code) const {
    for (const auto& i : industries)
        if (i.code == code) return i.id;
    return std::nullopt;
}

std::vector<const DictZone*> Context::zones_of(std::int64_t region_id) const {
    std::vector<const DictZone*> out;
    for (const auto& z : zones)
        if (z.region_id == region_id) out.push_back(&z);
    return out;
}

const DictRegion& Context::pick_region() {
    std::vector<double> w;
    w.reserve(regions.size());
    for (const auto& r : regions) w.push_back(r.weight);
    return regions[rng.weighted(w)];
}

const DictZone* Context::zone_of_region(std::int64_t region_id) const {
    const DictRegion* region = nullptr;
    for (const auto& r : regions)
        if (r.id == region_id) region = &r;
    if (!region) return nullptr;
    for (const auto& z : zones)
        if (z.region_id == region_id && z.name == region->name) return &z;
    return nullptr;
}

std::optional<std::int64_t> Context::pick_zone(std::int64_t region_id, double p_zone) {
    auto zs = zones_of(region_id);
    if (zs.empty()) return std::nullopt;
    const bool in_zone = rng.chance(p_zone);
    if (!in_zone && !zone_of_region(region_id)) return std::nullopt;
    return rng.pick(zs)->id;
}

std::string Context::place_for(const DictRegion& r, std::optional<std::int64_t> zone_id) {
    if (zone_id && rng.chance(0.3)) {
        for (const auto& z : zones)
            if (z.id == *zone_id) return z.name;
    }
    return r.short_name;
}

void Context::report(const char* what, double fraction) {
    progress.step(what, fraction);
    if (progress.cancelled()) throw Cancelled();
}

}  // namespace detail

DemoSummary generate(db::Database& db, const DemoOptions& options, ProgressSink& progress) {
    if (options.projects < 0 || options.renovations < 0 || options.deals < 0 || options.history_projects < -1)
        throw ValidationError("演示数据：项目、技改、招商数量不能为负数");
    if (options.projects > 1'000'000 || options.renovations > 1'000'000 || options.deals > 1'000'000)
        throw ValidationError("演示数据：数量过大（每类最多 1,000,000 条）");
    if (options.year < 2000 || options.year > 2100) throw ValidationError("演示数据：年份须在 2000-2100 之间");

    {
        // Seeding runs its own transaction and leaves filled tables alone; it goes first.
        db::Query q(db, "SELECT (SELECT COUNT(*) FROM regions) + (SELECT COUNT(*) FROM categories)");
        q.executeStep();
        if (q.getColumn(0).getInt64() == 0) {
            progress.step("导入默认字典", 0.0);
            db::seed_dictionaries_from(db, std::nullopt);
        }
    }
    db::WriteTransaction transaction(db);
    detail::Context ctx(db, options, progress);
    ctx.report("生成亿元以上项目", 0.01);
    detail::generate_projects(ctx);
    ctx.report("生成技改项目", 0.75);
    detail::generate_renovations(ctx);
    ctx.report("生成招商引资项目", 0.88);
    detail::generate_deals(ctx);
    ctx.report("生成年度目标", 0.96);
    detail::generate_targets(ctx);
    db::refresh_warnings(db);  // the bulk inserts above go around the repositories
    db::audit_event(db, "import", "projects",
                    "演示数据：种子 " + std::to_string(options.seed) + "，" + std::to_string(ctx.summary.projects + ctx.summary.history_projects) + " 个项目，" +
                        std::to_string(ctx.summary.renovations) + " 个技改项目，" + std::to_string(ctx.summary.deals) +
                        " 个招商项目");
    if (progress.cancelled()) throw Cancelled();
    transaction.commit();
    progress.step("完成", 1.0);
    return ctx.summary;
}

DemoSummary generate(db::Database& db, const DemoOptions& options) {
    NullProgress none;
    return generate(db, options, none);
}

}  // namespace il::demo
