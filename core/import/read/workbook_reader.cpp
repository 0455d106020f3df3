// read_workbook(): picks the reader by the file's first bytes, with the extension as a hint.
#include <algorithm>
#include <fstream>

#include "core/import/read/ole_sniff.h"
#include "core/import/read/reader_support.h"
#include "core/import/read/workbook.h"
#include "core/util/utf8_path.h"

namespace il::import {

namespace detail {
Workbook read_xls_file(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits);

namespace {

std::string lower_extension(const std::filesystem::path& file) {
    auto e = il::path_utf8(file.extension());
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

bool looks_like_text(std::string_view head) {
    if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return true;
    for (unsigned char c : head)
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C && c != 0x1A)) return false;
    return true;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace
}  // namespace detail

Workbook read_workbook(const std::filesystem::path& file, const ReadLimits& limits) {
    using namespace detail;
    const std::string label = file_label(file);
    std::string bytes = read_file_bytes(file, limits.max_uncompressed_bytes);
    const std::string ext = lower_extension(file);
    std::string_view b = bytes;
    if (b.empty()) fail(label, "文件是空的（0 字节）");

    if (b.substr(0, 2) == "PK") return read_xlsx_named(b, label, limits);
    if (is_ole_file(b)) {
        if (is_encrypted_ooxml(b)) fail(label, kPasswordProtected);
        bytes.clear();
        bytes.shrink_to_fit();
        return read_xls_file(file, label, limits);
    }
    const bool spreadsheet_ext = ext == ".xlsx" || ext == ".xlsm" || ext == ".xls";
    if (spreadsheet_ext && b.size() < 8 &&
        (std::string_view("PK\x03\x04").substr(0, b.size()) == b ||
         std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").substr(0, b.size()) == b))
        fail(label, "文件不完整（只有 " + std::to_string(b.size()) + " 字节，可能被截断）");
    std::string_view head = b.substr(0, 4096);
    const std::string lhead = lower_ascii(head);
    if (lhead.find("<html") != std::string::npos || lhead.find("<table") != std::string::npos ||
        lhead.find("<!doctype html") != std::string::npos)
        fail(label, "这是网页（HTML）格式的表格，只是扩展名为 " + (ext.empty() ? std::string("空") : ext) +
                        "；请在 Excel/WPS 中打开后另存为 .xlsx 再导入");
    if (lhead.find("urn:schemas-microsoft-com:office:spreadsheet") != std::string::npos)
        fail(label, "这是 Excel 2003 XML 表格格式；请在 Excel/WPS 中打开后另存为 .xlsx 再导入");
    if (b.substr(0, 5) == "%PDF-") fail(label, "这是 PDF 文件，不是表格；请导入 .xlsx、.xls 或 .csv 文件");
    if (looks_like_text(head)) {
        if (spreadsheet_ext)
            fail(label, "文件扩展名是 " + ext + "，但内容是纯文本；如果是 CSV 文件，请将扩展名改为 .csv");
        auto stem = file.stem().u8string();
        return read_csv_named(b, label, std::string(stem.begin(), stem.end()), limits);
    }
    if (ext == ".csv" || ext == ".txt")
        fail(label, "文件含有二进制数据，不是文本（CSV）文件，可能是扩展名错误或文件已损坏");
    if (ext == ".xlsx" || ext == ".xlsm")
        fail(label, "文件扩展名是 " + ext + "，但内容不是 Excel 工作簿（文件已损坏或不完整）");
    if (ext == ".xls") fail(label, "文件扩展名是 .xls，但内容不是 Excel 97-2003 工作簿（文件已损坏）");
    fail(label, "无法识别的文件格式（支持 .xlsx、.xls 和 .csv）");
}

}  // namespace il::import
