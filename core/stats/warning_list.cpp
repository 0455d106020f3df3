#include "core/stats/warning_list.h"

#include <algorithm>
#include <unordered_map>

namespace il::stats {

std::vector<WarnedProject> warned_projects(const PeriodFigures& f) {
    std::unordered_map<std::int64_t, std::size_t> region_order;
    for (std::size_t i = 0; i < f.regions.size(); ++i) region_order.emplace(f.regions[i].id, i);
    struct Keyed {
        WarnedProject w;
        std::size_t region_rank;
    };
    std::vector<Keyed> out;
    for (const auto& p : f.projects) {
        if (!p.in_scope || (p.light.light != Light::Red && p.light.light != Light::Yellow)) continue;
        Keyed k;
        k.w.id = p.id;
        k.w.name = p.name;
        auto it = region_order.find(p.region_id);
        k.region_rank = it != region_order.end() ? it->second : f.regions.size();
        if (it != region_order.end()) k.w.region = f.regions[it->second].name;
        k.w.stage = p.stage_in_period;
        k.w.light = p.light.light;
        k.w.reason = p.light.reason;
        k.w.annual_plan = p.annual_plan;
        k.w.completed = p.completed;
        k.w.completion = p.light.completion;
        k.w.behind = p.light.behind;
        out.push_back(std::move(k));
    }
    std::stable_sort(out.begin(), out.end(), [](const Keyed& a, const Keyed& b) {
        if (a.w.light != b.w.light) return a.w.light == Light::Red;
        if (a.region_rank != b.region_rank) return a.region_rank < b.region_rank;
        // Furthest behind first; projects without a plan (not started, suspended) after those with one.
        if (a.w.behind.defined() != b.w.behind.defined()) return a.w.behind.defined();
        if (a.w.behind.defined()) {
            auto c = a.w.behind.compare(b.w.behind);
            if (c != 0) return c > 0;
        }
        return a.w.name < b.w.name;
    });
    std::vector<WarnedProject> result;
    result.reserve(out.size());
    for (auto& k : out) result.push_back(std::move(k.w));
    return result;
}

}  // namespace il::stats
