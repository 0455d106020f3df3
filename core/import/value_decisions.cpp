#include "core/import/value_decisions.h"

#include <algorithm>

#include "core/import/text_norm.h"
#include "core/util/error.h"

namespace il::import {
namespace {

struct FieldName {
    std::string_view key, plural, label;
    bool dictionary;
};
const std::vector<FieldName>& names() {
    static const std::vector<FieldName> n = {
        {"category", "categories", "产业类别", true}, {"region", "regions", "县市区", true},
        {"zone", "zones", "开发区", true},            {"industry", "industries", "国民经济行业", true},
        {"nature", "natures", "建设性质", false},      {"level", "levels", "项目级别", false}};
    return n;
}

}  // namespace

const std::vector<std::string_view>& decision_fields() {
    static const std::vector<std::string_view> f = [] {
        std::vector<std::string_view> out;
        for (const auto& n : names()) out.push_back(n.key);
        return out;
    }();
    return f;
}

std::string decision_field(std::string_view name) {
    std::string n = normalize_label(name);
    for (const auto& f : names())
        if (n == f.key || n == f.plural || n == f.label || (f.key == "region" && (n == "县(市、区)" || n == "所属县市区")))
            return std::string(f.key);
    std::string all;
    for (const auto& f : names()) all += (all.empty() ? "" : "、") + std::string(f.key) + "（" + std::string(f.label) + "）";
    throw ValidationError("“" + std::string(name) + "”不是字典字段，应为 " + all);
}

bool can_add_entries(std::string_view field) {
    for (const auto& f : names())
        if (f.key == field) return f.dictionary;
    return false;
}

std::string decision_field_label(std::string_view field) {
    for (const auto& f : names())
        if (f.key == field) return std::string(f.label);
    return std::string(field);
}

void ValueDecisions::merge_under(const ValueDecisions& base) {
    for (const auto& [field, values] : base.map)
        for (const auto& [from, to] : values)
            if (!adds(field, from)) map[field].emplace(from, to);
    for (const auto& [field, values] : base.add)
        for (const auto& v : values)
            if (!mapped(field, v)) add[field].insert(v);
    add_missing.insert(base.add_missing.begin(), base.add_missing.end());
}

bool ValueDecisions::adds(std::string_view field, std::string_view text) const {
    if (add_missing.count(std::string(field))) return true;
    auto f = add.find(std::string(field));
    return f != add.end() && f->second.count(normalize_label(text));
}

void ValueDecisions::map_value(std::string_view field, std::string_view text, const std::string& target) {
    reject_value(field, text);
    map[std::string(field)][normalize_label(text)] = target;
}

void ValueDecisions::add_value(std::string_view field, std::string_view text) {
    if (!can_add_entries(field))
        throw ValidationError(decision_field_label(field) + "是固定的取值，不能新增，只能对应到已有值");
    reject_value(field, text);
    add[std::string(field)].insert(normalize_label(text));
}

void ValueDecisions::reject_value(std::string_view field, std::string_view text) {
    const std::string f(field), n = normalize_label(text);
    if (auto m = map.find(f); m != map.end()) {
        m->second.erase(n);
        if (m->second.empty()) map.erase(m);
    }
    if (auto a = add.find(f); a != add.end()) {
        a->second.erase(n);
        if (a->second.empty()) add.erase(a);
    }
}

std::optional<std::string> ValueDecisions::mapped(std::string_view field, std::string_view text) const {
    auto f = map.find(std::string(field));
    if (f == map.end()) return std::nullopt;
    auto v = f->second.find(normalize_label(text));
    if (v == f->second.end()) return std::nullopt;
    return v->second;
}

void add_map_decision(ValueDecisions& d, const std::string& spec) {
    auto colon = spec.find(':');
    auto eq = spec.find('=', colon == std::string::npos ? 0 : colon + 1);
    if (colon == std::string::npos || eq == std::string::npos || colon == 0)
        throw ValidationError("--map 应写成 字段:旧值=新值（如 category:传统产业改造升级=传统产业）：" + spec);
    std::string field = decision_field(spec.substr(0, colon));
    std::string from = trim(spec.substr(colon + 1, eq - colon - 1));
    std::string to = trim(spec.substr(eq + 1));
    if (from.empty() || to.empty()) throw ValidationError("--map 的旧值和新值都不能为空：" + spec);
    d.map[field][normalize_label(from)] = to;
}

void add_missing_decision(ValueDecisions& d, const std::string& spec) {
    std::string rest = spec;
    std::size_t start = 0;
    while (start <= rest.size()) {
        std::size_t comma = rest.find(',', start);
        std::string part = trim(rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (!part.empty()) {
            std::string field = decision_field(part);
            if (!can_add_entries(field))
                throw ValidationError(decision_field_label(field) + "是固定的取值，不能新增；请用 --map " + field + ":旧值=新值 对应到已有值");
            d.add_missing.insert(field);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
}

nlohmann::json decisions_to_json(const ValueDecisions& d) {
    nlohmann::json j = nlohmann::json::object();
    nlohmann::json m = nlohmann::json::object();
    for (const auto& [field, values] : d.map) {
        nlohmann::json v = nlohmann::json::object();
        for (const auto& [from, to] : values) v[from] = to;
        m[field] = v;
    }
    j["map"] = m;
    j["add_missing"] = nlohmann::json(std::vector<std::string>(d.add_missing.begin(), d.add_missing.end()));
    nlohmann::json add = nlohmann::json::object();
    for (const auto& [field, values] : d.add) add[field] = std::vector<std::string>(values.begin(), values.end());
    j["add"] = add;
    return j;
}

ValueDecisions decisions_from_json(const nlohmann::json& j) {
    ValueDecisions d;
    if (!j.is_object()) return d;
    if (auto m = j.find("map"); m != j.end() && m->is_object())
        for (const auto& [field, values] : m->items()) {
            if (!values.is_object()) continue;
            std::string key = decision_field(field);
            for (const auto& [from, to] : values.items())
                if (to.is_string()) d.map[key][normalize_label(from)] = to.get<std::string>();
        }
    if (auto a = j.find("add"); a != j.end() && a->is_object())
        for (const auto& [field, values] : a->items()) {
            std::string key = decision_field(field);
            if (!values.is_array() || !can_add_entries(key)) continue;
            for (const auto& v : values)
                if (v.is_string()) d.add[key].insert(normalize_label(v.get<std::string>()));
        }
    if (auto a = j.find("add_missing"); a != j.end() && a->is_array())
        for (const auto& f : *a)
            if (f.is_string() && can_add_entries(decision_field(f.get<std::string>()))) d.add_missing.insert(decision_field(f.get<std::string>()));
    return d;
}

ValueDecisions preset_decisions(const nlohmann::json& preset_mapping) {
    if (!preset_mapping.is_object() || !preset_mapping.contains("values")) return {};
    return decisions_from_json(preset_mapping["values"]);
}

void ValueResolver::count_unknown(std::string_view field, const std::string& text) {
    std::pair<std::string, std::string> key{std::string(field), normalize_label(text)};
    auto [it, fresh] = unknown_.try_emplace(key);
    UnknownValue& u = it->second;
    if (fresh) {
        u.field = key.first;
        u.value = trim(text);
        u.first_sheet = sheet_;
        u.first_row = row_;
        order_.push_back(key);
        // Suggestions: entries whose name contains the value, or is contained in it
        const std::string n = key.second;
        for (const auto& e : dict_.entries(field)) {
            std::string en = normalize_label(e.name);
            if (e.id < kPendingIdBase && !n.empty() && (contains(en, n) || contains(n, en))) u.suggestions.push_back(e.name);
            if (u.suggestions.size() >= 5) break;
        }
    }
    ++u.count;
}

Lookup ValueResolver::lookup(std::string_view field, const std::string& text, std::optional<std::int64_t> region_id) {
    if (auto to = decisions_.mapped(field, text)) {
        Lookup l = dict_.by_field(field, *to);
        if (!l.error.empty())
            l.error = "“" + trim(text) + "”按导入决定对应到“" + *to + "”，但" + l.error;
        return l;
    }
    Lookup l = dict_.by_field(field, text);
    if (l.id && *l.id >= kPendingIdBase) {
        // An entry this import adds, named again by a later row
        for (auto& [k, p] : pending_)
            if (p.pending_id == *l.id) ++p.count;
        return l;
    }
    if (!l.unknown) return l;
    std::pair<std::string, std::string> key{std::string(field), normalize_label(text)};
    if (decisions_.adds(field, text)) {
        if (field == "zone" && !region_id) {
            l.error = "新开发区“" + trim(text) + "”需要所属县市区：请在该行或分组行写明县（市、区）";
            return l;
        }
        auto it = pending_.find(key);
        if (it == pending_.end()) {
            PendingEntry p;
            p.field = key.first;
            p.name = trim(text);
            p.region_id = region_id.value_or(0);
            p.pending_id = dict_.add_pending(field, p.name, p.region_id);
            it = pending_.emplace(key, p).first;
        }
        ++it->second.count;
        return Lookup{it->second.pending_id, {}, false};
    }
    count_unknown(field, text);
    return l;
}

std::string ValueResolver::mapped_choice(std::string_view field, const std::string& text) const {
    if (auto to = decisions_.mapped(field, text)) return *to;
    return text;
}

void ValueResolver::unknown_choice(std::string_view field, const std::string& text) { count_unknown(field, text); }

std::vector<UnknownValue> ValueResolver::unknown_values() const {
    std::vector<UnknownValue> out;
    for (const auto& k : order_) out.push_back(unknown_.at(k));
    return out;
}

std::vector<PendingEntry> ValueResolver::pending() const {
    std::vector<PendingEntry> out;
    for (const auto& [k, p] : pending_) out.push_back(p);
    std::sort(out.begin(), out.end(), [](const PendingEntry& a, const PendingEntry& b) { return a.pending_id < b.pending_id; });
    return out;
}

}  // namespace il::import
