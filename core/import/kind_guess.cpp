#include "core/import/kind_guess.h"

#include "core/import/column_mapping.h"
#include "core/import/sheet_grid.h"
#include "core/import/sheet_layout.h"

namespace il::import {

std::optional<KindGuess> guess_kind(const Workbook& workbook, const std::string& sheet) {
    std::optional<KindGuess> best;
    for (const Sheet& s : workbook.sheets) {
        if ((!sheet.empty() && s.name != sheet) || s.is_chart) continue;
        SheetGrid grid(s);
        for (RecordKind kind : {RecordKind::Projects, RecordKind::Renovations, RecordKind::Deals}) {
            auto layout = detect_layout(grid, kind);
            if (!layout) continue;
            Mapping m = auto_map(*layout, kind, {});
            int n = 0;
            for (const auto& b : m.columns)
                if (!b.field.empty()) ++n;
            if (!best || n > best->columns) best = KindGuess{kind, s.name, n};
        }
    }
    return best;
}

}  // namespace il::import
