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

}  // namespace

DictionaryLookup DictionaryLookup::load(db::Database& db) {
    DictionaryLookup d;
    auto& sql = db.sql();
    {
        SQLite::Statement q(sql, "SELECT id, name, coalesce(code,'') FROM regions ORDER BY sort_order, id");
        while (q.executeStep()) d.regions.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), 0});
    }
    {
        SQLite::Statement q(sql, "SELECT id, name, region_id FROM zones ORDER BY sort_order, id");
        while (q.executeStep())
            d.zones.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), "", q.getColumn(2).getInt64()});
    }
    {
        SQLite::Statement q(sql, "SELECT id, name, code FROM industries ORDER BY sort_order, id");
        while (q.executeStep()) d.industries.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), 0});
    }
    {
        SQLite::Statement q(sql, "SELECT id, name FROM categories ORDER BY sort_order, id");
        while (q.executeStep()) d.categories.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), "", 0});
    }
    return d;
}

Lookup DictionaryLookup::resolve(const std::vector<Entry>& list, const std::string& text, const char* what,
                                 const std::vector<std::string_view>& suffixes) {
    Lookup r;
    std::string n = normalize_label(text);
    if (n.empty()) return r;
    for (const auto& e : list)
        if (normalize_label(e.name) == n) {
            r.id = e.id;
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
    return r;
}

Lookup DictionaryLookup::region(const std::string& text) const { return resolve(regions, text, "县（市、区）", region_suffixes()); }
Lookup DictionaryLookup::zone(const std::string& text) const { return resolve(zones, text, "开发区", zone_suffixes()); }

Lookup DictionaryLookup::industry(const std::string& text) const {
    std::string n = normalize_label(text);
    // "C", "C制造业", "C 制造业", "制造业"
    if (!n.empty() && n[0] >= 'A' && n[0] <= 'Z') {
        std::string letter(1, n[0]);
        std::string rest = n.substr(1);
        for (const auto& e : industries)
            if (e.code == letter && (rest.empty() || normalize_label(e.name) == rest)) return Lookup{e.id, {}};
    }
    return resolve(industries, text, "国民经济行业", {});
}

Lookup DictionaryLookup::category(const std::string& text) const {
    return resolve(categories, text, "产业类别", {"产业", "行业"});
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
