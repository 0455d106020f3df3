#pragma once
// The values of one rendered sheet, apart from writing them (core/report/layout.cpp):
//  - the column plan: where each column comes from, its scale, its formats;
//  - the cells of one result row (amounts exact, in 分 / US cents: only the cell's number format
//    rounds them, once, for display);
//  - the 合计 and 小计 rows, computed in one pass over the rows before any row is written (they
//    stand above the detail rows, and the writer streams rows top to bottom);
//  - the derived columns (ratio, growth, share, diff) of rows and totals.
#include <cstdint>
#include <string>
#include <vector>

#include "core/report/layout.h"
#include "core/report/sql_query.h"
#include "core/report/template_def.h"

namespace il::report::sheet {

// A value as it goes into a cell. Amounts are exact integers as the SQL gave them (分, US
// cents), counts plain integers; rates and free numbers doubles.
struct Cell {
    enum Kind : std::uint8_t { Empty, Int, Real, Text } kind = Empty;
    std::int64_t i = 0;
    double d = 0;
    std::string s;
};

struct ColumnPlan {
    const ColumnDef* def = nullptr;
    int source = -1;         // index in the result
    int of = -1, to = -1;    // derive operand column indexes
    std::int64_t scale = 1;  // int cell value / scale = the cell's number (分 -> 万元: 1,000,000)
    double width = 12;       // the column's width as written (wrapped text columns fitted to their texts)
    lxw_format* body = nullptr;
    lxw_format* total = nullptr;
    std::string num_format;
};

struct SheetPlan {
    std::vector<ColumnPlan> columns;
    int group_src = -1;          // result column of group_by, -1 without groups
    std::uint16_t label_end = 0;  // total rows' label spans columns 0..label_end (the leading text columns)
};

bool is_text_type(ColumnType t);
std::string cell_text(const SqlValue& v);

// Plans the columns of `sheet` over the result columns of `data`. Throws TemplateError (naming
// `query_label`) for a source or group column the query does not give.
SheetPlan plan_columns(FormatCache& formats, const SheetDef& sheet, const ResultTable& data, const std::string& query_label);

// The cells of result row `r` (derived columns left empty). Throws TemplateError for a value of
// the wrong kind (text in a figure column, a fraction in an amount).
void row_cells(const SheetPlan& plan, const ResultTable& data, std::size_t r, const std::string& query_label,
               std::vector<Cell>& out);

struct Group {
    std::string name;
    std::size_t begin = 0, end = 0;  // rows [begin, end) of the result
    std::vector<Cell> totals;        // the 小计 row, derived columns included
};
struct Totals {
    std::vector<Cell> grand;      // the 合计 row, derived columns included
    std::vector<Cell> grand_sums; // the 合计 row before derivation: the base of share columns
    std::vector<Group> groups;    // runs of equal group values, in the order the query gave
};

// One pass over every row: the 合计 row and the 小计 row of each group, exact sums of the exact
// cells, so every sheet's 合计 of one quantity is the same number.
Totals compute_totals(const SheetPlan& plan, const ResultTable& data, const std::string& query_label);

// Fills the derived columns of `cells` (a detail row, or a total row when `is_total`: then only
// columns whose total rule is derive). `share_base` is the 合计 row share columns divide by.
void derive_cells(const SheetPlan& plan, std::vector<Cell>& cells, const std::vector<Cell>& share_base, bool is_total);

}  // namespace il::report::sheet
