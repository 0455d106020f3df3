#include "core/import/sheet_grid.h"

#include <charconv>
#include <cmath>

#include "core/import/text_norm.h"

namespace il::import {
namespace {
const Cell& empty_cell() {
    static const Cell c;
    return c;
}
long long key(int row, int col) { return (static_cast<long long>(row) << 20) | static_cast<long long>(col); }
// A merge that covers more cells than this is not expanded cell by cell (a hostile file);
// only its top-left cell is kept.
constexpr long long kMaxExpandedCells = 2'000'000;
}  // namespace

SheetGrid::SheetGrid(const Sheet& sheet) : sheet_(sheet) {
    row_pos_.reserve(sheet.rows.size());
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        row_pos_.emplace(sheet.rows[i].index, i);
        columns_ = std::max(columns_, static_cast<int>(sheet.rows[i].cells.size()));
    }
    long long budget = kMaxExpandedCells;
    for (std::size_t m = 0; m < sheet.merges.size(); ++m) {
        const auto& r = sheet.merges[m];
        if (r.first_row < 0 || r.first_col < 0 || r.last_row < r.first_row || r.last_col < r.first_col) continue;
        if (r.last_col >= (1 << 20)) continue;
        long long cells = static_cast<long long>(r.last_row - r.first_row + 1) * (r.last_col - r.first_col + 1);
        if (cells > budget) continue;
        budget -= cells;
        for (int rr = r.first_row; rr <= r.last_row; ++rr)
            for (int cc = r.first_col; cc <= r.last_col; ++cc) merge_cover_.emplace(key(rr, cc), m);
    }
}

const Row* SheetGrid::row(int index) const {
    auto it = row_pos_.find(index);
    return it == row_pos_.end() ? nullptr : &sheet_.rows[it->second];
}

const Cell& SheetGrid::raw(int r, int c) const {
    const Row* rw = row(r);
    if (!rw || c < 0 || c >= static_cast<int>(rw->cells.size())) return empty_cell();
    return rw->cells[static_cast<std::size_t>(c)];
}

const MergedRange* SheetGrid::merge_at(int r, int c) const {
    if (merge_cover_.empty()) return nullptr;
    auto it = merge_cover_.find(key(r, c));
    return it == merge_cover_.end() ? nullptr : &sheet_.merges[it->second];
}

const Cell& SheetGrid::at(int r, int c) const {
    const Cell& own = raw(r, c);
    if (!own.empty()) return own;
    if (const MergedRange* m = merge_at(r, c)) return raw(m->first_row, m->first_col);
    return own;
}

std::string cell_text(const Cell& c) {
    switch (c.type) {
        case CellType::Empty: return {};
        case CellType::Text:
        case CellType::Error: return trim(c.text);
        case CellType::Boolean: return c.number != 0 ? "TRUE" : "FALSE";
        case CellType::Number: {
            if (!std::isfinite(c.number)) return "#NUM!";
            char buf[64];
            auto res = std::to_chars(buf, buf + sizeof buf, c.number);
            return std::string(buf, res.ptr);
        }
    }
    return {};
}

}  // namespace il::import
