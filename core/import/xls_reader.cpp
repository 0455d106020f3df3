// .xls (BIFF, Excel 97-2003 and WPS) reader through libfreexl.
// Known limits of libfreexl 1.0.6, documented here because the mapping layer must cope:
//  - merged ranges (MERGEDCELLS records) are not exposed: Sheet::merges stays empty for .xls;
//    a merged group header appears only in its top-left cell, like an unmerged one.
//  - formulas are not flagged: a formula cell arrives as its cached value (is_formula false).
//  - freexl allocates the sheet's whole declared rectangle when a sheet is selected (at most
//    65536 x 256 cells in BIFF8); a sheet larger than ReadLimits::max_cells is refused.
#include <freexl.h>

#include <cstdio>
#include <cstring>

#include "core/import/number_format.h"
#include "core/import/ole_sniff.h"
#include "core/import/reader_support.h"
#include "core/import/workbook.h"

namespace il::import {
namespace detail {
namespace {

std::string freexl_reason(int rc) {
    switch (rc) {
        case FREEXL_FILE_NOT_FOUND: return "文件不存在或无法打开";
        case FREEXL_INSUFFICIENT_MEMORY: return "内存不足";
        case FREEXL_INVALID_CFBF_HEADER:
        case FREEXL_CFBF_INVALID_SIGNATURE:
        case FREEXL_CFBF_INVALID_SECTOR_SIZE:
            return "不是有效的 .xls 文件（复合文档头损坏）";
        case FREEXL_CFBF_READ_ERROR:
        case FREEXL_CFBF_SEEK_ERROR:
            return "文件不完整（读取时到达文件末尾，可能被截断）";
        case FREEXL_CFBF_EMPTY_FAT_CHAIN:
        case FREEXL_CFBF_ILLEGAL_FAT_ENTRY:
        case FREEXL_INVALID_MINI_STREAM:
        case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY:
            return "文件结构已损坏（扇区链无效）";
        case FREEXL_BIFF_INVALID_BOF: return "工作簿数据已损坏（BOF 记录无效）";
        case FREEXL_BIFF_INVALID_SST: return "共享字符串表已损坏";
        case FREEXL_BIFF_ILLEGAL_SST_INDEX: return "共享字符串索引超出范围，文件已损坏";
        case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
            return "文件中没有 Excel 工作簿数据（可能是 Word/PowerPoint 文件，或不是 .xls）";
        case FREEXL_INVALID_CHARACTER:
        case FREEXL_UNSUPPORTED_CHARSET:
            return "文字编码无法识别";
        case FREEXL_CRAFTED_FILE: return "文件严重损坏（可能是恶意构造的）";
        default: return "文件已损坏或格式不受支持（freexl 错误 " + std::to_string(rc) + "）";
    }
}

class FreexlHandle {
public:
    ~FreexlHandle() {
        if (h) freexl_close(h);
    }
    const void* h = nullptr;
};

// "2017-03-15", "2017-03-15 08:30:00", "08:30:00" -> 1900-system serial.
bool date_text_to_serial(const char* s, unsigned char type, double& out) {
    int y = 0, mo = 0, d = 0, hh = 0, mi = 0, ss = 0;
    if (type == FREEXL_CELL_TIME) {
        if (std::sscanf(s, "%d:%d:%d", &hh, &mi, &ss) != 3) return false;
        out = (hh * 3600 + mi * 60 + ss) / 86400.0;
        return true;
    }
    int n = std::sscanf(s, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &hh, &mi, &ss);
    if (n < 3 || mo < 1 || mo > 12 || d < 1 || d > 31) return false;
    out = excel_serial(y, mo, d) + (hh * 3600 + mi * 60 + ss) / 86400.0;
    return true;
}

}  // namespace

Workbook read_xls_file(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
    {
        // Password-protected .xlsx files are OLE files too; say so instead of "not an xls".
        std::string head = read_file_bytes(file, limits.max_uncompressed_bytes);
        if (!is_ole_file(head)) fail(label, "文件内容不是 .xls 工作簿（可能已损坏或扩展名有误）");
        if (is_encrypted_ooxml(head)) fail(label, kPasswordProtected);
    }
    FreexlHandle xl;
    int rc = freexl_open(file.c_str(), &xl.h);
    if (rc != FREEXL_OK) {
        // freexl_open leaves a handle to close on some failures.
        fail(label, freexl_reason(rc));
    }
    unsigned int info = 0;
    if (freexl_get_info(xl.h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
        fail(label, kPasswordProtected);
    unsigned int sheet_count = 0;
    if (freexl_get_info(xl.h, FREEXL_BIFF_SHEET_COUNT, &sheet_count) != FREEXL_OK)
        fail(label, "无法读取工作表列表，文件已损坏");
    if (sheet_count == 0) fail(label, "工作簿中没有工作表");
    if (sheet_count > 10000) fail(label, "工作表数量异常，文件已损坏");

    Workbook book;
    ReadBudget used;
    for (unsigned short s = 0; s < sheet_count; ++s) {
        Sheet sheet;
        const char* name = nullptr;
        if (freexl_get_worksheet_name(xl.h, s, &name) != FREEXL_OK || !name)
            fail(label, "第 " + std::to_string(s + 1) + " 个工作表的名称无法读取，文件已损坏");
        sheet.name = name;
        if (!is_valid_utf8(sheet.name)) sheet.name = "Sheet" + std::to_string(s + 1);
        if ((rc = freexl_select_active_worksheet(xl.h, s)) != FREEXL_OK)
            fail_in_sheet(label, sheet.name, freexl_reason(rc));
        unsigned int rows = 0;
        unsigned short cols = 0;
        if ((rc = freexl_worksheet_dimensions(xl.h, &rows, &cols)) != FREEXL_OK)
            fail_in_sheet(label, sheet.name, freexl_reason(rc));
        if (static_cast<std::uint64_t>(rows) * cols > limits.max_cells)
            fail_in_sheet(label, sheet.name, "单元格太多（" + std::to_string(rows) + " 行 × " + std::to_string(cols) + " 列）");
        if (rows > static_cast<unsigned>(kMaxRows) || cols > kMaxCols)
            fail_in_sheet(label, sheet.name, "行列数超过上限，文件已损坏");
        SheetBuilder builder(sheet, label, limits, used);
        for (unsigned int r = 0; r < rows; ++r) {
            builder.begin_row(static_cast<int>(r));
            for (unsigned short c = 0; c < cols; ++c) {
                FreeXL_CellValue v{};
                if ((rc = freexl_get_cell_value(xl.h, r, c, &v)) != FREEXL_OK)
                    fail_in_sheet(label, sheet.name, "单元格 " + cell_name(static_cast<int>(r), c) + "：" + freexl_reason(rc));
                Cell cell;
                switch (v.type) {
                    case FREEXL_CELL_NULL: continue;
                    case FREEXL_CELL_INT:
                        cell.type = CellType::Number;
                        cell.number = v.value.int_value;
                        break;
                    case FREEXL_CELL_DOUBLE:
                        cell.type = CellType::Number;
                        cell.number = v.value.double_value;
                        break;
                    case FREEXL_CELL_TEXT:
                    case FREEXL_CELL_SST_TEXT: {
                        const char* t = v.value.text_value ? v.value.text_value : "";
                        std::size_t len = std::strlen(t);
                        if (len > limits.max_cell_bytes)
                            fail_in_sheet(label, sheet.name, "单元格 " + cell_name(static_cast<int>(r), c) + " 的内容太长");
                        cell.type = CellType::Text;
                        cell.text.assign(t, len);
                        if (!is_valid_utf8(cell.text))
                            fail_in_sheet(label, sheet.name, "单元格 " + cell_name(static_cast<int>(r), c) + " 含有无法识别的字符");
                        break;
                    }
                    case FREEXL_CELL_DATE:
                    case FREEXL_CELL_DATETIME:
                    case FREEXL_CELL_TIME: {
                        double serial = 0;
                        if (!v.value.text_value || !date_text_to_serial(v.value.text_value, v.type, serial))
                            fail_in_sheet(label, sheet.name, "单元格 " + cell_name(static_cast<int>(r), c) + " 的日期无效");
                        cell.type = CellType::Number;
                        cell.number = serial;
                        cell.is_date = true;
                        break;
                    }
                    default:
                        fail_in_sheet(label, sheet.name, "单元格 " + cell_name(static_cast<int>(r), c) + " 的类型无法识别");
                }
                builder.set(c, std::move(cell));
            }
            builder.end_row();
        }
        builder.finish();
        book.sheets.push_back(std::move(sheet));
    }
    return book;
}

}  // namespace detail

Workbook read_xls(const std::filesystem::path& file, const ReadLimits& limits) {
    return detail::read_xls_file(file, detail::file_label(file), limits);
}

}  // namespace il::import
