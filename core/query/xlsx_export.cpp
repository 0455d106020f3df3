#include "core/query/xlsx_export.h"

#include <algorithm>

#include <xlsxwriter.h>

#include "core/report/xlsx_writer.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::query {
void export_xlsx(const Table& table, const ExportRequest& request, const std::filesystem::path& file) {
    if (request.headers.size() != request.columns.size()) throw Error("export: headers and columns differ");
    report::XlsxOptions options;
    options.constant_memory = true;
    options.what = "导出文件";
    report::XlsxWorkbook wb(file, options);  // written beside the target, renamed when complete
    lxw_worksheet* ws = wb.add_sheet(request.sheet_name).raw();
    lxw_format* head = wb.add_format();
    format_set_bold(head);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xDDEBF7);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    lxw_format* money = wb.add_format();
    format_set_num_format(money, "#,##0.00");
    lxw_format* total_money = wb.add_format();
    format_set_num_format(total_money, "#,##0.00");
    format_set_bold(total_money);
    lxw_format* bold = wb.add_format();
    format_set_bold(bold);

    for (std::size_t c = 0; c < request.columns.size(); ++c) {
        const Column& col = table.columns.at(static_cast<std::size_t>(request.columns[c]));
        double width = col.kind == ColumnKind::Text ? std::max(8.0, col.width / 7.0) : 14.0;
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), request.headers[c].c_str(), head);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 1;
    for (std::size_t r : request.rows) {
        const Row& data = table.rows.at(r);
        for (std::size_t c = 0; c < request.columns.size(); ++c) {
            auto ci = static_cast<std::size_t>(request.columns[c]);
            const Value& v = data.values[ci];
            auto col = static_cast<lxw_col_t>(c);
            switch (table.columns[ci].kind) {
                case ColumnKind::Money: worksheet_write_number(ws, row, col, Money::from_fen(v.num).wan_for_cell(), money); break;
                case ColumnKind::Count: worksheet_write_number(ws, row, col, static_cast<double>(v.num), nullptr); break;
                case ColumnKind::Text:
                    if (!v.text.empty()) worksheet_write_string(ws, row, col, v.text.c_str(), nullptr);
                    break;
            }
        }
        ++row;
    }
    if (!request.totals_label.empty()) {
        auto totals = column_totals(table, request.rows);
        worksheet_write_string(ws, row, 0, request.totals_label.c_str(), bold);
        for (std::size_t c = 0; c < request.columns.size(); ++c) {
            auto ci = static_cast<std::size_t>(request.columns[c]);
            auto col = static_cast<lxw_col_t>(c);
            if (table.columns[ci].kind == ColumnKind::Money) {
                // The sum of the rounded cells, so that Excel's own SUM agrees with this row.
                std::int64_t cents = 0;
                for (std::size_t r : request.rows) cents += Money::from_fen(table.rows[r].values[ci].num).wan_cents();
                worksheet_write_number(ws, row, col, static_cast<double>(cents) / 100.0, total_money);
            } else if (table.columns[ci].kind == ColumnKind::Count && c > 0) {
                worksheet_write_number(ws, row, col, static_cast<double>(totals[ci]), bold);
            }
        }
    }
    wb.close();
}

}  // namespace il::query
