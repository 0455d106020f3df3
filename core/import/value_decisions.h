#pragma once
// What to do with values of dictionary fields that the dictionaries do not know (an office's own
// 产业类别, a zone the city has not listed): the user decides once per value, for all its rows —
// map it to an existing entry, add it as a new entry, or (the default) reject the rows. The
// decisions are saved with the import preset (mapping JSON, key "values"), so the next import of
// that layout asks nothing.
//
// Fields: the dictionaries region, zone, industry, category (an entry can be added) and the fixed
// vocabularies nature (建设性质) and level (项目级别) (map only).
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/import/dictionary_lookup.h"
#include "core/import/field_catalog.h"

namespace il::import {

struct ValueDecisions {
    // field key -> (value as written, normalised -> the entry or value it means, as written)
    std::map<std::string, std::map<std::string, std::string>> map;
    std::set<std::string> add_missing;  // field keys whose unknown values become new entries
    std::map<std::string, std::set<std::string>> add;  // field key -> values (normalised) to add as entries

    bool empty() const { return map.empty() && add_missing.empty() && add.empty(); }
    // Takes `base`'s decisions where this one has none (this one wins).
    void merge_under(const ValueDecisions& base);
    // The mapped value of `text` for `field`, if the user mapped it.
    std::optional<std::string> mapped(std::string_view field, std::string_view text) const;
    bool adds(std::string_view field, std::string_view text) const;  // add_missing or add
    // One value's decision (the GUI's table): map to `target`, add as an entry, or reject (forget both).
    void map_value(std::string_view field, std::string_view text, const std::string& target);
    void add_value(std::string_view field, std::string_view text);
    void reject_value(std::string_view field, std::string_view text);
};

// The fields decisions are about, in the order they are listed.
const std::vector<std::string_view>& decision_fields();
// "category", "categories", "产业类别" -> "category"; throws ValidationError naming the accepted names.
std::string decision_field(std::string_view name);
bool can_add_entries(std::string_view field);  // dictionaries yes; nature, level no
std::string decision_field_label(std::string_view field);  // "产业类别"

// `--map category:旧值=新值`; throws ValidationError for a malformed spec.
void add_map_decision(ValueDecisions& d, const std::string& spec);
// `--add-missing categories` (several may be given with commas: "categories,zones").
void add_missing_decision(ValueDecisions& d, const std::string& spec);

nlohmann::json decisions_to_json(const ValueDecisions& d);
ValueDecisions decisions_from_json(const nlohmann::json& j);  // the "values" member of a preset, or {}
// The decisions saved in a preset's mapping JSON.
ValueDecisions preset_decisions(const nlohmann::json& preset_mapping);

// One value no dictionary entry and no decision covers, with how often it occurs.
struct UnknownValue {
    std::string field;        // "category"
    std::string value;        // as first written
    int count = 0;            // rows that carry it
    std::string first_sheet;
    int first_row = 0;
    std::vector<std::string> suggestions;  // entries whose name contains it or is contained in it
};

// An entry the import adds (decided with add_missing), written before the records.
struct PendingEntry {
    std::string field;              // "category"
    std::string name;
    std::int64_t pending_id = 0;    // kPendingIdBase + n in the planned records
    std::int64_t region_id = 0;     // zones: the region of the first row that names it
    int count = 0;
};

// Applies decisions while a plan reads rows, and collects what is still unknown. One per plan.
class ValueResolver {
public:
    ValueResolver(DictionaryLookup& dict, ValueDecisions decisions) : dict_(dict), decisions_(std::move(decisions)) {}

    void at_row(const std::string& sheet, int row) {
        sheet_ = sheet;
        row_ = row;
    }
    const ValueDecisions& decisions() const { return decisions_; }
    void merge_decisions_under(const ValueDecisions& base) { decisions_.merge_under(base); }

    // A dictionary field's value: the user's mapping first, then the dictionaries; an unknown
    // value is added (add_missing; zones need `region_id`) or counted and reported in `error`.
    Lookup lookup(std::string_view field, const std::string& text, std::optional<std::int64_t> region_id = {});
    // A fixed vocabulary (nature, level): the mapped text, or the text itself.
    std::string mapped_choice(std::string_view field, const std::string& text) const;
    // Counts a value of a fixed vocabulary that is not one of its values.
    void unknown_choice(std::string_view field, const std::string& text);

    std::vector<UnknownValue> unknown_values() const;
    std::vector<PendingEntry> pending() const;

private:
    void count_unknown(std::string_view field, const std::string& text);
    DictionaryLookup& dict_;
    ValueDecisions decisions_;
    std::string sheet_;
    int row_ = 0;
    std::map<std::pair<std::string, std::string>, UnknownValue> unknown_;    // (field, normalised)
    std::map<std::pair<std::string, std::string>, PendingEntry> pending_;
    std::vector<std::pair<std::string, std::string>> order_;                  // first seen first
};

}  // namespace il::import
