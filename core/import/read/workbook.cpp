#include "core/import/read/workbook.h"

#include <algorithm>

namespace il::import {

const Cell& Sheet::at(int row, int col) const {
    static const Cell empty_cell{};
    if (row < 0 || col < 0) return empty_cell;
    auto it = std::lower_bound(rows.begin(), rows.end(), row,
                               [](const Row& r, int index) { return r.index < index; });
    if (it == rows.end() || it->index != row) return empty_cell;
    if (static_cast<std::size_t>(col) >= it->cells.size()) return empty_cell;
    return it->cells[static_cast<std::size_t>(col)];
}

}  // namespace il::import
