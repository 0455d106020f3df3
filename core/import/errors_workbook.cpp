#include "core/import/errors_workbook.h"

#include <map>
#include <set>

#include <xlsxwriter.h>

#include "core/import/text_norm.h"
#include "core/util/utf8_path.h"
#include "core/report/xlsx_writer.h"

namespace il::import {
namespace {

void check(lxw_error e, const char* what) {
    if (e != LXW_NO_ERROR) throw FileError(std::string("写错误行文件失败（") + what + "）：" + lxw_strerror(e));
}

std::string sheet_name_for(const std::string& name, std::set<std::string>& used) {
    // Excel: at most 31 characters, none of []:*?/\ ; count UTF-8 characters, not bytes
    std::string clean;
    int chars = 0;
    for (std::size_t i = 0; i < name.size() && chars < 28;) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        std::string ch = name.substr(i, len);
        i += len;
        if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos) ch = "_";
        clean += ch;
        ++chars;
    }
    if (clean.empty()) clean = "错误行";
    std::string out = clean;
    for (int k = 2; used.count(out); ++k) out = clean + "_" + std::to_string(k);
    used.insert(out);
    return out;
}

}  // namespace

std::string canonical_header(const ColumnBinding& b, RecordKind kind) {
    std::string unit = std::string("（") + unit_name(b.unit, b.usd) + "）";
    std::string y = b.year ? std::to_string(*b.year) + "年" : "";
    std::string m = b.month ? std::to_string(*b.month) : "";
    if (b.field == "annual_plan") return y + "计划投资" + unit;
    if (b.field == "completed_ytd") return y + "1-" + m + "月累计完成投资" + unit;
    if (b.field == "completed_month") return y + m + "月本月完成投资" + unit;
    if (b.field == "image_progress") return y + m + "月形象进度";
    if (b.field == "problems") return y + m + "月存在问题";
    if (b.field.empty()) {
        // keep the column's own (bottom) header text
        std::size_t p = b.header.rfind(" / ");
        return p == std::string::npos ? b.header : b.header.substr(p + 3);
    }
    const FieldDef* f = find_field(kind, b.field);
    if (!f) return b.header;
    std::string label(f->label);
    if (f->type == ValueType::Amount || f->type == ValueType::Money) label += unit;
    return label;
}

void write_errors_workbook(const ImportPlan& plan, const std::filesystem::path& out) {
    report::XlsxOptions options;
    options.what = "错误行文件";
    report::XlsxWorkbook file(out, options);  // written beside the target, renamed when complete
    lxw_workbook* wb = file.raw();
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    format_set_border(bold, LXW_BORDER_THIN);
    format_set_align(bold, LXW_ALIGN_CENTER);
    format_set_align(bold, LXW_ALIGN_VERTICAL_CENTER);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* reason = workbook_add_format(wb);
    format_set_font_color(reason, LXW_COLOR_RED);
    format_set_text_wrap(reason);
    lxw_format* title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);

    std::set<std::string> used_names;
    // group rejected rows by sheet, in the order of the plan's sheets
    std::map<std::string, std::vector<const RejectedRow*>> by_sheet;
    for (const auto& r : plan.rejected) by_sheet[r.source.sheet].push_back(&r);

    bool any = false;
    for (const auto& sp : plan.sheets) {
        auto it = by_sheet.find(sp.layout.sheet);
        if (it == by_sheet.end()) continue;
        any = true;
        const auto& rows = it->second;
        const Mapping& m = sp.mapping;
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name_for(sp.layout.sheet, used_names).c_str());
        if (!ws) throw FileError("写错误行文件失败：无法添加工作表");

        // Columns: the source's, then values taken from around the rows, then 错误原因
        std::vector<std::string> extra;  // field keys
        for (const RejectedRow* r : rows)
            for (const auto& [field, value] : r->source.context) {
                bool in_file = false;
                for (const auto& b : m.columns)
                    if (b.field == field) in_file = true;
                if (!in_file && std::find(extra.begin(), extra.end(), field) == extra.end()) extra.push_back(field);
            }
        std::string heading = "导入时被拒绝的行（原文件：" + plan.source_name + "，工作表：" + sp.layout.sheet +
                              "）。请按“错误原因”改正后重新导入本文件。";
        check(worksheet_write_string(ws, 0, 0, heading.c_str(), title), "标题");
        const lxw_row_t header_row = 1;
        int last_col = 0;
        std::map<int, int> out_col;  // source column -> output column
        for (const auto& b : m.columns) {
            int oc = b.col;
            out_col[b.col] = oc;
            last_col = std::max(last_col, oc);
            check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(oc), canonical_header(b, m.kind).c_str(), bold),
                  "表头");
            check(worksheet_set_column(ws, static_cast<lxw_col_t>(oc), static_cast<lxw_col_t>(oc), 14, nullptr), "列宽");
        }
        std::map<std::string, int> extra_col;
        for (const auto& f : extra) {
            int oc = ++last_col;
            extra_col[f] = oc;
            const FieldDef* def = find_field(m.kind, f);
            std::string label = def ? std::string(def->label) : f;
            check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(oc), label.c_str(), bold), "表头");
        }
        int reason_col = last_col + 1;
        check(worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(reason_col), "错误原因", bold), "表头");
        check(worksheet_set_column(ws, static_cast<lxw_col_t>(reason_col), static_cast<lxw_col_t>(reason_col), 60, nullptr),
              "列宽");

        lxw_row_t r_out = header_row + 1;
        for (const RejectedRow* r : rows) {
            const auto& cells = r->source.cells;
            std::map<int, std::string> fill;  // context values for empty bound cells
            for (const auto& [field, value] : r->source.context) {
                if (auto e = extra_col.find(field); e != extra_col.end()) {
                    check(worksheet_write_string(ws, r_out, static_cast<lxw_col_t>(e->second), value.c_str(), nullptr), "单元格");
                    continue;
                }
                for (const auto& b : m.columns)
                    if (b.field == field && (b.col >= static_cast<int>(cells.size()) || cells[static_cast<std::size_t>(b.col)].empty()))
                        fill[b.col] = value;
            }
            for (const auto& [src_col, oc] : out_col) {
                auto c = static_cast<lxw_col_t>(oc);
                if (auto f = fill.find(src_col); f != fill.end()) {
                    check(worksheet_write_string(ws, r_out, c, f->second.c_str(), nullptr), "单元格");
                    continue;
                }
                if (src_col >= static_cast<int>(cells.size())) continue;
                const Cell& cell = cells[static_cast<std::size_t>(src_col)];
                switch (cell.type) {
                    case CellType::Empty: break;
                    case CellType::Number:
                        check(worksheet_write_number(ws, r_out, c, cell.number, cell.is_date ? date : nullptr), "单元格");
                        break;
                    case CellType::Boolean:
                        check(worksheet_write_boolean(ws, r_out, c, cell.number != 0, nullptr), "单元格");
                        break;
                    case CellType::Text:
                    case CellType::Error:
                        if (!cell.text.empty()) check(worksheet_write_string(ws, r_out, c, cell.text.c_str(), nullptr), "单元格");
                        break;
                }
            }
            std::string why = "第" + std::to_string(r->source.row) + "行：";
            for (std::size_t i = 0; i < r->issues.size(); ++i) {
                if (i) why += "；";
                if (!r->issues[i].field.empty()) why += r->issues[i].field + "：";
                why += r->issues[i].reason;
            }
            check(worksheet_write_string(ws, r_out, static_cast<lxw_col_t>(reason_col), why.c_str(), reason), "错误原因");
            ++r_out;
        }
        worksheet_freeze_panes(ws, header_row + 1, 0);
    }
    if (!any && plan.warned() == 0) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, "错误行");
        check(worksheet_write_string(ws, 0, 0, "没有被拒绝的行。", nullptr), "标题");
    }
    // Records with missing information (warnings, not rejections: written with the import, or
    // with the next one when this one was refused for other rows): their own sheet, so that the
    // office can complete them later. Its header is no ledger's: it is not read back as records.
    if (plan.warned() > 0) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name_for("资料不全", used_names).c_str());
        check(worksheet_write_string(ws, 0, 0, ("资料不全的记录（照常导入，只作提示；原文件：" + plan.source_name + "）").c_str(), title), "标题");
        const char* heads[] = {"工作表", "行号", "记录", "缺少的信息"};
        const double widths[] = {16, 7, 36, 60};
        for (lxw_col_t c = 0; c < 4; ++c) {
            check(worksheet_write_string(ws, 1, c, heads[c], bold), "表头");
            check(worksheet_set_column(ws, c, c, widths[c], nullptr), "列宽");
        }
        lxw_row_t r_out = 2;
        for (const auto& rec : plan.records) {
            if (rec.warnings.empty()) continue;
            std::string why;
            for (const auto& w : rec.warnings) why += (why.empty() ? "" : "；") + w.reason;
            check(worksheet_write_string(ws, r_out, 0, rec.source.sheet.c_str(), nullptr), "单元格");
            check(worksheet_write_number(ws, r_out, 1, rec.source.row, nullptr), "单元格");
            check(worksheet_write_string(ws, r_out, 2, rec.display.c_str(), nullptr), "单元格");
            check(worksheet_write_string(ws, r_out, 3, why.c_str(), reason), "单元格");
            ++r_out;
        }
        worksheet_freeze_panes(ws, 2, 0);
    }
    file.close();
}

}  // namespace il::import
