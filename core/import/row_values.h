#pragma once
// One data row's cells, looked up by field and read as the field's type. Every cell that cannot
// be read adds a FieldIssue (field label + reason); the row is then rejected, never half-read.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/import/cell_value.h"
#include "core/import/column_mapping.h"
#include "core/import/dictionary_lookup.h"
#include "core/import/value_decisions.h"
#include "core/validate/field_issue.h"

namespace il::import {

// What rows take from the lines around them: a group label ("一、固安工业园区"), a 小计 line
// ("广阳区小计（2个）"), the sheet's name or the 填报单位.
struct RowContext {
    std::optional<std::int64_t> region_id, zone_id;
    std::optional<std::string> stage;
};

class RowValues {
public:
    RowValues(RecordKind kind, const DictionaryLookup& dict, const std::map<std::string, Cell>& fixed,
              const RowContext& context)
        : kind_(kind), dict_(dict), fixed_(fixed), context_(context) {}

    void add(const ColumnBinding* binding, const Cell* cell) { cells_.push_back({binding, cell}); }
    // Applies the import's decisions on unknown dictionary values and counts the unknown ones.
    void set_resolver(ValueResolver* resolver) { resolver_ = resolver; }
    const std::vector<std::pair<const ColumnBinding*, const Cell*>>& cells() const { return cells_; }

    // The cell for a field: a --set value first, then the row's own (first non-empty) cell.
    const Cell* cell(std::string_view field) const;
    const ColumnBinding* binding(std::string_view field) const;
    bool present(std::string_view field) const { return cell(field) != nullptr; }
    // The file has a column for `field` (one with content somewhere: wholly empty columns are not
    // added), and this row leaves it empty, with no --set value. For an optional text field of an
    // existing record this clears the stored text; for an amount it means "not reported".
    bool cleared(std::string_view field) const;

    std::optional<std::string> text(std::string_view field) const;
    std::optional<std::string> code(std::string_view field) const;
    std::optional<Money> amount(std::string_view field);
    // The amount, kept at `stored` when the cell is `stored` rounded to the cell's precision.
    std::optional<Money> amount_vs(std::string_view field, Money stored);
    std::optional<std::int64_t> usd_or_cny(std::string_view field, bool* usd);
    std::optional<std::string> date(std::string_view field);
    std::optional<bool> flag(std::string_view field);
    std::optional<std::string> choice(std::string_view field);
    // The text of a fixed-vocabulary field with the user's mapping applied (建设性质 …).
    std::optional<std::string> mapped_text(std::string_view field) const;
    // Dictionary fields; region/zone fall back to the row context.
    std::optional<std::int64_t> region();
    std::optional<std::int64_t> zone();
    std::optional<std::int64_t> industry();
    std::optional<std::int64_t> category();
    const RowContext& context() const { return context_; }

    void issue(std::string_view field, std::string reason);
    const std::vector<FieldIssue>& issues() const { return issues_; }
    std::string label(std::string_view field) const;

private:
    RecordKind kind_;
    const DictionaryLookup& dict_;
    const std::map<std::string, Cell>& fixed_;
    RowContext context_;
    std::vector<std::pair<const ColumnBinding*, const Cell*>> cells_;
    std::vector<FieldIssue> issues_;
    ValueResolver* resolver_ = nullptr;
    Lookup look_up(std::string_view field, const std::string& text, std::optional<std::int64_t> region_id = {});
};

}  // namespace il::import
