#pragma once
// The layout engine: renders one sheet of a template, from its query result, as an official
// form (title, 填报单位/单位 row, merged header, column-number row, 合计 and 小计 rows, footer, print
// setup). Amounts are summed exactly (in 分 as the SQL gives them) and rounded once, for display,
// by the cell's number format (0.01 万元): a cell holds the exact amount, a 小计/合计 the exact sum,
// so every sheet's 合计 of one quantity is the same number and Excel's SUBTOTAL recomputes it.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/model/period.h"
#include "core/report/sql_query.h"
#include "core/report/template_def.h"
#include "core/report/xlsx_writer.h"

namespace il::report {

// What fills the placeholders and the fixed text of a form.
struct ReportContext {
    Period period;
    std::string place;          // {place}: the scope's name, or the whole area's name
    std::string scope;          // {scope}: region or zone name, "" for all
    std::string filler_unit;    // 填报单位（盖章）：…
    std::string footer_head;    // 单位负责人
    std::string footer_stat_head;  // 统计负责人
    std::string footer_filler;  // 填表人
    std::string footer_phone;   // 联系电话
    std::string report_date;    // 报出日期, already formatted ("2017年7月5日")
};

// Replaces {place} {year} {month} {period} {last_year} {scope} {unit} in `pattern`; further
// names from `extra` ({group} {count}). Unknown names stay as they are.
std::string expand_placeholders(const std::string& pattern, const ReportContext& ctx,
                                const std::map<std::string, std::string>& extra = {});

// The labels of the column-number row (甲 乙 … for text, 1 2 … for figures, "4=3/2" for derived).
std::vector<std::string> column_number_labels(const SheetDef& sheet);

// Cell formats of one workbook, made once and shared by all sheets.
class FormatCache {
public:
    explicit FormatCache(XlsxWorkbook& wb) : wb_(wb) {}
    struct Spec {
        std::string font;
        double size = 10;
        bool bold = false;
        bool border = true;
        char align = 'l';  // l c r
        bool wrap = false;
        std::string num_format;
        bool operator<(const Spec& o) const;
    };
    lxw_format* get(const Spec& spec);

private:
    XlsxWorkbook& wb_;
    std::map<Spec, lxw_format*> cache_;
};

// What was written, for tests and the run record.
struct SheetSummary {
    std::string sheet_name;
    std::size_t data_rows = 0;
    std::size_t groups = 0;
    std::uint32_t first_data_row = 0;   // 0-based row of the first 合计/小计/data row
    std::uint32_t last_row = 0;
};

// Called while detail rows are written: rows done so far, rows in all (every kRowChunk rows and
// at the end). It may throw (il::Cancelled) to stop rendering.
using RowProgress = std::function<void(std::size_t done, std::size_t total)>;
inline constexpr std::size_t kRowChunk = 500;

// Renders `sheet` with the rows of `data` onto a new worksheet of `wb`.
SheetSummary render_sheet(XlsxWorkbook& wb, FormatCache& formats, const SheetDef& sheet, const ResultTable& data,
                          const ReportContext& ctx, const std::string& query_label, const RowProgress& on_rows = {});

}  // namespace il::report
