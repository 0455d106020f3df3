#pragma once
// Which column holds which field, with the year / month a figure belongs to and the unit it is
// written in. Made automatically from the header (auto_map), shown for confirmation, saved as a
// preset (to_json / mapping_from_json) and re-applied to files of the same layout.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/import/field_catalog.h"
#include "core/import/sheet_layout.h"

namespace il::import {

struct ColumnBinding {
    int col = 0;
    std::string header;            // the header text as read ("投资完成情况 / 1-6月完成投资")
    std::string field;             // FieldDef::key; "" = not imported; "completed" resolved to
                                   // completed_ytd / completed_month
    std::optional<int> year;       // period-bound fields: the year …
    std::optional<int> month;      // … and month (ytd: 1-month月)
    std::optional<int> month_from; // funds: the window's first month (1 for 1-6月, 6 for 6月);
                                   // unset: all funds so far (as of year/month, else today)
    AmountUnit unit = AmountUnit::Wan;
    bool usd = false;
    std::string note;              // why a column is not imported, or what was assumed
};

// The file's period when the header does not say: from the title ("2017年1-6月"), or given by
// the user (--set period=2017-06 / --set year=2017).
struct MappingContext {
    std::optional<int> year;
    std::optional<int> month;
};

struct Mapping {
    RecordKind kind = RecordKind::Projects;
    std::vector<ColumnBinding> columns;
    std::string signature;   // the header layout (normalised texts joined by '|'), for presets

    const ColumnBinding* find(std::string_view field) const;
    bool has(std::string_view field) const { return find(field) != nullptr; }
    // Problems that prevent an import (no name column, a figure without year): user's words.
    std::vector<std::string> problems() const;
};

std::string layout_signature(const SheetLayout& layout);

// Maps every header column of `layout` for `kind`.
Mapping auto_map(const SheetLayout& layout, RecordKind kind, const MappingContext& ctx);

// Presets: a mapping as JSON (columns matched by header text, then by position) and back.
nlohmann::json mapping_to_json(const Mapping& m);
// Applies a saved mapping to the columns of `layout`: a column whose header text matches a
// saved one takes its binding; others keep the automatic one. Throws ValidationError on a
// malformed preset.
Mapping apply_preset(const nlohmann::json& preset, const SheetLayout& layout, RecordKind kind,
                     const MappingContext& ctx);

const char* unit_name(AmountUnit unit, bool usd);  // "万元", "亿元", "元", "万美元"

}  // namespace il::import
