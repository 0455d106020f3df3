#pragma once
// Internal to the demo generator: the dictionaries it draws from, the random source and the
// shared helpers of the parts (projects, renovations, deals, targets). Not for other modules.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/demo/demo_generator.h"
#include "core/demo/demo_random.h"

namespace il::demo::detail {

struct DictRegion {
    std::int64_t id;
    std::string name, kind, short_name;
    double weight;
    std::string code;  // administrative division code, may be empty  // how many projects it tends to have
};
struct DictZone {
    std::int64_t id, region_id;
    std::string name;
};
struct DictIndustry {
    std::int64_t id;
    std::string code, name;
};
struct DictCategory {
    std::int64_t id;
    std::string name, group;
    bool strategic, industrial;
};

// A year and month counted as one number (year * 12 + month - 1) for date arithmetic.
struct YM {
    int v = 0;
    static YM of(int year, int month) { return YM{year * 12 + month - 1}; }
    int year() const { return v / 12; }
    int month() const { return v % 12 + 1; }
    YM plus(int months) const { return YM{v + months}; }
    auto operator<=>(const YM&) const = default;
};

std::string date_text(int year, int month, int day);  // 2017-03-15
std::string timestamp_text(int year, int month, int day, int hour, int minute);  // 2017-03-15T09:30:00+08:00

struct Context {
    db::Database& db;
    const DemoOptions& options;
    ProgressSink& progress;
    DemoRandom rng;
    std::vector<DictRegion> regions;
    std::vector<DictZone> zones;
    std::vector<DictIndustry> industries;
    std::vector<DictCategory> categories;
    DemoSummary summary;
    std::vector<std::pair<std::int64_t, std::int64_t>> project_regions;  // (project id, region id), for deals that became projects

    Context(db::Database& d, const DemoOptions& o, ProgressSink& p);

    // Lookups by part of a name (the dictionaries are data: a missing entry is not an error).
    const DictRegion* region_named(const std::string& part) const;
    const DictZone* zone_named(const std::string& part) const;
    const DictCategory* category_named(const std::string& part) const;
    std::optional<std::int64_t> industry_coded(const std::string& code) const;
    std::vector<const DictZone*> zones_of(std::int64_t region_id) const;

    // The zone a region is itself (廊坊经济技术开发区, a region 开发区单列 with a zone of its name).
    const DictZone* zone_of_region(std::int64_t region_id) const;

    const DictRegion& pick_region();
    // One of the region's zones with probability p_zone; always one in a region that is itself a
    // zone (every project there is in a zone, so 开发区指标 and 汇总排名 count the same projects).
    std::optional<std::int64_t> pick_zone(std::int64_t region_id, double p_zone);
    // A place name for generated names: the region's short name or one of its zones.
    std::string place_for(const DictRegion& r, std::optional<std::int64_t> zone_id);

    void report(const char* what, double fraction);  // progress + cancellation
};

// The parts, called in this order inside one transaction.
void generate_projects(Context& ctx);
void generate_renovations(Context& ctx);
void generate_deals(Context& ctx);
void generate_targets(Context& ctx);

}  // namespace il::demo::detail
