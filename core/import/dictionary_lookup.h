#pragma once
// Names written in a user's file resolved against the dictionaries (regions, zones, industries,
// categories): the exact name first, then an alias of an entry (table dictionary_aliases:
// 传统产业改造升级 -> 传统产业), then the name without its administrative suffix ("固安" -> 固安县,
// "大厂" -> 大厂回族自治县); for 产业类别 also the small variants offices write (full/half-width
// brackets or a bracketed note, 产业/行业/业 left off, 类 added: "新材料类", "战略性新兴") —
// each only when exactly one entry fits.
//
// 产业类别 has two levels: a group (战略性新兴产业 …) is itself an entry (its name equals its
// group), so "现代服务业" is stored as the group and "智慧物流" as an item of it.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/validate/common.h"

namespace il::import {

struct Lookup {
    std::optional<std::int64_t> id;
    std::string error;     // not found / ambiguous, in words for the user
    bool unknown = false;  // not found at all (an ambiguous name is not unknown)
};

// Entries an import adds (ImportOptions::decisions, add_missing) have ids from here up until
// the import writes them (import_run.cpp gives them their real ids).
inline constexpr std::int64_t kPendingIdBase = 1'000'000'000'000;

class DictionaryLookup {
public:
    struct Entry {
        std::int64_t id = 0;
        std::string name;
        std::string code;            // industries: GB/T 4754 section letter
        std::int64_t region_id = 0;  // zones: the region it lies in
        std::string group;           // categories: the group (equal to name for the group itself)
    };

    DictionaryLookup() = default;
    static DictionaryLookup load(db::Database& db);

    Lookup region(const std::string& text) const;
    Lookup zone(const std::string& text) const;
    Lookup industry(const std::string& text) const;
    Lookup category(const std::string& text) const;
    // By field key: "region", "zone", "industry", "category".
    Lookup by_field(std::string_view field, const std::string& text) const;

    std::optional<std::int64_t> zone_region(std::int64_t zone_id) const;
    std::string region_name(std::int64_t id) const;
    std::string zone_name(std::int64_t id) const;
    std::string industry_name(std::int64_t id) const;
    std::string category_name(std::int64_t id) const;
    // The entries of a field, for choosing where an unknown value goes ("region" …).
    const std::vector<Entry>& entries(std::string_view field) const;

    // An entry the import will add: appended with a pending id (kPendingIdBase + n); returns it.
    std::int64_t add_pending(std::string_view field, const std::string& name, std::int64_t region_id = 0);
    // The pending entries' ids added to what validation accepts.
    void extend_references(validate::References& refs) const;

    // For tests and callers that fill dictionaries themselves.
    std::vector<Entry> regions, zones, industries, categories;
    // Aliases per dictionary: normalised alias -> entry id.
    std::map<std::string, std::int64_t> region_aliases, zone_aliases, industry_aliases, category_aliases;

private:
    // Lookups are repeated for every row (the same few names): answers are remembered.
    mutable std::map<std::string, Lookup> region_cache_, zone_cache_, industry_cache_, category_cache_;
    std::int64_t next_pending_ = kPendingIdBase;
    Lookup industry_uncached(const std::string& text) const;
    Lookup category_uncached(const std::string& text) const;
    static Lookup cached(std::map<std::string, Lookup>& cache, const std::string& text,
                         const std::function<Lookup()>& compute);
    static Lookup resolve(const std::vector<Entry>& list, const std::map<std::string, std::int64_t>& aliases,
                          const std::string& text, const char* what, const std::vector<std::string_view>& suffixes);
};

// The comparable form of a 产业类别 name: normalised, a bracketed note dropped, a trailing 类 and
// then 产业 / 行业 / 业 dropped ("文化创意（动漫游戏、影视）" and "文化创意类" -> "文化创意").
std::string category_key(std::string_view text);

}  // namespace il::import
