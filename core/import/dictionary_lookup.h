#pragma once
// Names written in a user's file resolved against the dictionaries (regions, zones, industries,
// categories): the exact name first, then the name without its administrative suffix
// ("固安" -> 固安县, "大厂" -> 大厂回族自治县) — only when exactly one entry fits.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"

namespace il::import {

struct Lookup {
    std::optional<std::int64_t> id;
    std::string error;  // not found / ambiguous, in words for the user
};

class DictionaryLookup {
public:
    struct Entry {
        std::int64_t id = 0;
        std::string name;
        std::string code;            // industries: GB/T 4754 section letter
        std::int64_t region_id = 0;  // zones: the region it lies in
    };

    DictionaryLookup() = default;
    static DictionaryLookup load(db::Database& db);

    Lookup region(const std::string& text) const;
    Lookup zone(const std::string& text) const;
    Lookup industry(const std::string& text) const;
    Lookup category(const std::string& text) const;

    std::optional<std::int64_t> zone_region(std::int64_t zone_id) const;
    std::string region_name(std::int64_t id) const;
    std::string zone_name(std::int64_t id) const;
    std::string industry_name(std::int64_t id) const;
    std::string category_name(std::int64_t id) const;

    // For tests and callers that fill dictionaries themselves.
    std::vector<Entry> regions, zones, industries, categories;

private:
    static Lookup resolve(const std::vector<Entry>& list, const std::string& text, const char* what,
                          const std::vector<std::string_view>& suffixes);
};

}  // namespace il::import
