#pragma once
// Random access to a Sheet's cells by (row, column), with merged ranges expanded: a cell covered
// by a merge reads as the merge's top-left cell (a region merged down over its projects, a
// header merged over two rows).
#include <string>
#include <unordered_map>
#include <vector>

#include "core/import/read/workbook.h"

namespace il::import {

class SheetGrid {
public:
    explicit SheetGrid(const Sheet& sheet);

    const Sheet& sheet() const { return sheet_; }
    // The cell as stored (merges not expanded); an empty cell when absent.
    const Cell& raw(int row, int col) const;
    // The cell with merges expanded.
    const Cell& at(int row, int col) const;
    // The merge that covers (row, col), or nullptr.
    const MergedRange* merge_at(int row, int col) const;
    // The stored row with that index, or nullptr.
    const Row* row(int index) const;
    int last_row_index() const { return sheet_.rows.empty() ? -1 : sheet_.rows.back().index; }
    int column_count() const { return columns_; }

private:
    const Sheet& sheet_;
    std::unordered_map<int, std::size_t> row_pos_;
    std::unordered_map<long long, std::size_t> merge_cover_;  // key row<<20|col -> merge index
    int columns_ = 0;
};

// A cell's text as a user sees it: text trimmed, numbers in shortest form ("96500.5", "2017").
std::string cell_text(const Cell& c);

}  // namespace il::import
