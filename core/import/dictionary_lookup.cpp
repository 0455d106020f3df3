#include "core/import/dictionary_lookup.h"

#include "core/import/text_norm.h"

namespace il::import {
namespace {

std::string strip_suffix(std::string s, const std::vector<std::string_view>& suffixes) {
    for (auto suf : suffixes)
        if (s.size() > suf.size() + 3 && ends_with(s, suf)) return s.substr(0, s.size() - suf.size());
    return s;
}

const std::vector<std::string_view>& region_suffixes() {
    static const std::vector<std::string_view> s = {"回族自治县", "自治县", "县", "市", "区"};
    return s;
}
const std::vector<std::string_view>& zone_suffixes() {
    static const std::vector<std::string_view> s = {"经济技术开发区", "高新技术产业开发区", "高新区", "开发区", "工业园区",
                                                    "产业园区", "产业园", "园区", "新区", "经济区"};
    return s;
}

std::string name_of(const std::vector<DictionaryLookup::Entry>& list, std::int64_t id) {
    for (const auto& e : list)
        if (e.id == id) return e.name;
    return {};
}

const std::vector<DictionaryLookup::Entry>* list_for(const DictionaryLookup& d, std::string_view field) {
    if (field == "region") return &d.regions;
    if (field == "zone") return &d.zones;
    if (field == "industry") return &d.industries;
    if (field == "category") return &d.categories;
    return nullptr;
}

void load_aliases(db::Database& db, const char* kind, std::map<std::string, std::int64_t>& out) {
    db::Query q(db, "SELECT alias, target_id FROM dictionary_aliases WHERE kind = ?");
    q.bind(1, kind);
    while (q.executeStep()) out[normalize_label(q.getColumn(0).getString())] = q.getColumn(1).getInt64();
}

}  // namespace

std::string category_key(std::string_view text) {
    std::string n = normalize_label(text);
    // A bracketed note at the end: "文化创意(动漫游戏、影视)"
    if (!n.empty() && n.back() == ')')
        if (std::size_t open = n.rfind('('); open != std::string::npos && open > 0) n = n.substr(0, open);
    for (std::string_view suf : {"类"})
        if (n.size() > suf.size() && ends_with(n, suf)) n = n.substr(0, n.size() - suf.size());
    // At least two characters (6 bytes of UTF-8) stay
    for (std::string_view suf : {"产业", "行业", "业"})
        if (n.size() >= suf.size() + 6 && ends_with(n, suf)) {
            n = n.substr(0, n.size() - suf.size());
            break;
        }
    return n;
}

DictionaryLookup DictionaryLookup::load(db::Database& db) {
    DictionaryLookup d;
    {
        db::Query q(db, "SELECT id, name, coalesce(code,'') FROM regions ORDER BY sort_order, id");
        while (q.executeStep()) d.regions.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), 0, {}});
    }
    {
        db::Query q(db, "SELECT id, name, region_id FROM zones ORDER BY sort_order, id");
        while (q.executeStep())
            d.zones.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), "", q.getColumn(2).getInt64(), {}});
    }
    {
        db::Query q(db, "SELECT id, name, code FROM industries ORDER BY sort_order, id");
        while (q.executeStep()) d.industries.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), 0, {}});
    }
    {
        db::Query q(db, "SELECT id, name, group_name FROM categories ORDER BY sort_order, id");
        while (q.executeStep())
            d.categories.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), "", 0, q.getColumn(2).getString()});
    }
    load_aliases(db, "regions", d.region_aliases);
    load_aliases(db, "zones", d.zone_aliases);
    load_aliases(db, "industries", d.industry_aliases);
    load_aliases(db, "categories", d.category_aliases);
    return d;
}

Lookup DictionaryLookup::resolve(const std::vector<Entry>& list, const std::map<std::string, std::int64_t>& aliases,
                                 const std::string& text, const char* what, const std::vector<std::string_view>& suffixes) {
    Lookup r;
    std::string n = normalize_label(text);
    if (n.empty()) return r;
    for (const auto& e : list)
        if (normalize_label(e.name) == n) {
            r.id = e.id;
            return r;
        }
    if (auto a = aliases.find(n); a != aliases.end()) {
        r.id = a->second;
        return r;
    }
    // Without the suffix, on both sides; must be unique
    std::string bare = strip_suffix(n, suffixes);
    std::vector<const Entry*> hits;
    for (const auto& e : list)
        if (strip_suffix(normalize_label(e.name), suffixes) == bare) hits.push_back(&e);
    if (hits.size() == 1) {
        r.id = hits.front()->id;
        return r;
    }
    if (hits.size() > 1) {
        r.error = std::string("“") + text + "”可能指";
        for (std::size_t i = 0; i < hits.size(); ++i) r.error += (i ? "、" : "") + hits[i]->name;
        r.error += "，请写全称";
        return r;
    }
    r.error = std::string("“") + text + "”不在" + what + "字典中";
    r.unknown = true;
    return r;
}

Lookup DictionaryLookup::cached(std::map<std::string, Lookup>& cache, const std::string& text,
                                const std::function<Lookup()>& compute) {
    auto it = cache.find(text);
    if (it != cache.end()) return it->second;
    Lookup l = compute();
    if (cache.size() < 10000) cache.emplace(text, l);
    return l;
}

Lookup DictionaryLookup::region(const std::string& text) const {
    return cached(region_cache_, text, [&] { return resolve(regions, region_aliases, text, "县（市、区）", region_suffixes()); });
}
Lookup DictionaryLookup::zone(const std::string& text) const {
    return cached(zone_cache_, text, [&] { return resolve(zones, zone_aliases, text, "开发区", zone_suffixes()); });
}

Lookup DictionaryLookup::industry(const std::string& text) const {
    return cached(industry_cache_, text, [&] { return industry_uncached(text); });
}

Lookup DictionaryLookup::industry_uncached(const std::string& text) const {
    std::string n = normalize_label(text);
    // "C", "C制造业", "C 制造业", "制造业"
    if (!n.empty() && n[0] >= 'A' && n[0] <= 'Z') {
        std::string letter(1, n[0]);
        std::string rest = n.substr(1);
        for (const auto& e : industries)
            if (e.code == letter && (rest.empty() || normalize_label(e.name) == rest)) return Lookup{e.id, {}, false};
    }
    return resolve(industries, industry_aliases, text, "国民经济行业", {});
}

Lookup DictionaryLookup::category(const std::string& text) const {
    return cached(category_cache_, text, [&] { return category_uncached(text); });
}

Lookup DictionaryLookup::category_uncached(const std::string& text) const {
    Lookup exact = resolve(categories, category_aliases, text, "产业类别", {});
    if (!exact.unknown) return exact;
    // The variants: compared in category_key form with every name and alias; one entry must fit
    std::string key = category_key(text);
    if (key.empty()) return exact;
    std::vector<std::int64_t> hits;
    auto hit = [&](std::int64_t id) {
        for (auto h : hits)
            if (h == id) return;
        hits.push_back(id);
    };
    for (const auto& e : categories)
        if (category_key(e.name) == key) hit(e.id);
    for (const auto& [alias, id] : category_aliases)
        if (category_key(alias) == key) hit(id);
    if (hits.size() == 1) return Lookup{hits.front(), {}, false};
    if (hits.size() > 1) {
        Lookup r;
        r.error = "“" + text + "”可能指";
        for (std::size_t i = 0; i < hits.size(); ++i) r.error += (i ? "、" : "") + category_name(hits[i]);
        r.error += "，请写全称";
        return r;
    }
    return exact;
}

Lookup DictionaryLookup::by_field(std::string_view field, const std::string& text) const {
    if (field == "region") return region(text);
    if (field == "zone") return zone(text);
    if (field == "industry") return industry(text);
    if (field == "category") return category(text);
    return Lookup{std::nullopt, "“" + std::string(field) + "”不是字典字段", false};
}

const std::vector<DictionaryLookup::Entry>& DictionaryLookup::entries(std::string_view field) const {
    static const std::vector<Entry> none;
    const auto* l = list_for(*this, field);
    return l ? *l : none;
}

std::int64_t DictionaryLookup::add_pending(std::string_view field, const std::string& name, std::int64_t region_id) {
    std::int64_t id = next_pending_++;
    Entry e{id, trim(name), "", region_id, {}};
    if (field == "region") {
        regions.push_back(e);
        region_cache_.clear();
    } else if (field == "zone") {
        zones.push_back(e);
        zone_cache_.clear();
    } else if (field == "industry") {
        industries.push_back(e);
        industry_cache_.clear();
    } else if (field == "category") {
        e.group = "其他";  // added entries are items of 其他 until the user files them elsewhere
        categories.push_back(e);
        category_cache_.clear();
    } else {
        throw ValidationError("“" + std::string(field) + "”不是可以新增条目的字典");
    }
    return id;
}

void DictionaryLookup::extend_references(validate::References& refs) const {
    for (const auto& e : regions)
        if (e.id >= kPendingIdBase && refs.regions.insert(e.id).second) refs.region_names[e.id] = e.name;
    for (const auto& e : zones)
        if (e.id >= kPendingIdBase && !refs.zone_region.count(e.id)) {
            refs.zone_region[e.id] = e.region_id;
            refs.zone_names[e.id] = e.name;
        }
    for (const auto& e : industries)
        if (e.id >= kPendingIdBase) refs.industries.insert(e.id);
    for (const auto& e : categories)
        if (e.id >= kPendingIdBase) refs.categories.insert(e.id);
}

std::optional<std::int64_t> DictionaryLookup::zone_region(std::int64_t zone_id) const {
    for (const auto& z : zones)
        if (z.id == zone_id) return z.region_id;
    return std::nullopt;
}
std::string DictionaryLookup::region_name(std::int64_t id) const { return name_of(regions, id); }
std::string DictionaryLookup::zone_name(std::int64_t id) const { return name_of(zones, id); }
std::string DictionaryLookup::industry_name(std::int64_t id) const { return name_of(industries, id); }
std::string DictionaryLookup::category_name(std::int64_t id) const { return name_of(categories, id); }

}  // namespace il::import
