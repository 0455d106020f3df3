#pragma once
// Where the table is in a sheet: the title and 填报单位 / 单位：万元 lines above it, the header
// (one or two rows, merged group cells expanded), the column-number row (甲 乙 丙 / 1 2 3), and
// the first data row.
#include <optional>
#include <string>
#include <vector>

#include "core/import/field_catalog.h"
#include "core/import/header_label.h"
#include "core/import/sheet_grid.h"

namespace il::import {

struct ColumnHeader {
    int col = 0;
    std::vector<std::string> parts;  // from the top header row down: {"2017年", "计划投资"}
    std::string text() const;        // parts joined by " / "
};

struct SheetLayout {
    std::string sheet;
    int header_first = -1;  // 0-based row indices
    int header_last = -1;
    int data_first = -1;
    bool has_column_numbers = false;
    std::vector<ColumnHeader> columns;
    std::string title;            // the first text line above the header
    std::string reporting_unit;   // text after 填报单位：
    std::optional<UnitLine> unit; // from a 单位：万元 line
    std::optional<int> year;      // from the title: "…2017年1-6月…"
    std::optional<int> month;     // the N of 1-N月 in the title
    std::vector<std::string> column_number_cells;  // the 甲乙丙/1 2 3 row as read, to write it back
    // True when the header was guessed (guess_table_layout): no known name-column header, the
    // user must confirm the mapping (or a saved preset for this layout does it).
    bool guessed = false;
};

// Finds the header of a table of records of `kind`: the row (within the first 60) whose cells
// name the most known fields, including the name field, extended over merged header rows.
// nullopt when no row looks like a header.
std::optional<SheetLayout> detect_layout(const SheetGrid& grid, RecordKind kind);

// For a sheet detect_layout does not recognise: the first row (within the first 60) with at
// least three distinct text cells and no figures, followed by a data row, taken as a one-row
// header (extended over merged rows as detect_layout does). SheetLayout::guessed is set.
// nullopt when nothing looks like a table.
std::optional<SheetLayout> guess_table_layout(const SheetGrid& grid, RecordKind kind);

// The layout with its header at `header_row` (0-based), extended over merged header rows.
SheetLayout layout_at(const SheetGrid& grid, RecordKind kind, int header_row);

// True for a row of column numbers under a header: 甲 乙 丙 … / 1 2 3 … / "4=3/2".
bool is_column_number_row(const SheetGrid& grid, int row);

}  // namespace il::import
