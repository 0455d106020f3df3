#include "core/report/xlsx_writer.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <system_error>

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace il::report {
namespace fs = std::filesystem;

namespace {
// Can an existing report file be replaced? POSIX: write permission. Windows: not read-only and
// not held open by another program (Excel and WPS keep an open workbook locked).
bool replaceable(const fs::path& target) {
#ifdef _WIN32
    const std::wstring w = target.wstring();
    const DWORD attrs = GetFileAttributesW(w.c_str());
    if (attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_READONLY)) return false;
    HANDLE h = CreateFileW(w.c_str(), GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) return GetLastError() != ERROR_SHARING_VIOLATION && GetLastError() != ERROR_ACCESS_DENIED;
    CloseHandle(h);
    return true;
#else
    return ::access(target.c_str(), W_OK) == 0;
#endif
}
}  // namespace

void check_lxw(lxw_error err, std::string_view what) {
    if (err == LXW_NO_ERROR) return;
    throw Error("生成 Excel 文件出错（" + std::string(what) + "）：" + lxw_strerror(err));
}

std::string column_letters(std::uint16_t col) {
    std::string s;
    unsigned c = col + 1u;
    while (c > 0) {
        unsigned rem = (c - 1) % 26;
        s.insert(s.begin(), char('A' + rem));
        c = (c - 1) / 26;
    }
    return s;
}

std::string cell_ref(std::uint32_t row, std::uint16_t col) { return column_letters(col) + std::to_string(row + 1); }

// --- worksheet --------------------------------------------------------------------------------

void XlsxWorksheet::number(std::uint32_t row, std::uint16_t col, double v, lxw_format* f) {
    lxw_error e = worksheet_write_number(ws_, row, col, v, f);
    if (e) check_lxw(e, "写数字 " + cell_ref(row, col));
}

void XlsxWorksheet::text(std::uint32_t row, std::uint16_t col, const std::string& s, lxw_format* f) {
    lxw_error e = s.empty() ? worksheet_write_blank(ws_, row, col, f) : worksheet_write_string(ws_, row, col, s.c_str(), f);
    if (e) check_lxw(e, "写文字 " + cell_ref(row, col));
}

void XlsxWorksheet::blank(std::uint32_t row, std::uint16_t col, lxw_format* f) {
    lxw_error e = worksheet_write_blank(ws_, row, col, f);
    if (e) check_lxw(e, "写空单元格 " + cell_ref(row, col));
}

void XlsxWorksheet::formula(std::uint32_t row, std::uint16_t col, const std::string& formula, double cached,
                            lxw_format* f) {
    lxw_error e = worksheet_write_formula_num(ws_, row, col, formula.c_str(), f, cached);
    if (e) check_lxw(e, "写公式 " + cell_ref(row, col) + " " + formula);
}

void XlsxWorksheet::merge(std::uint32_t r1, std::uint16_t c1, std::uint32_t r2, std::uint16_t c2,
                          const std::string& s, lxw_format* f) {
    if (r1 == r2 && c1 == c2) {  // a single cell is not a merge (Excel rejects it)
        text(r1, c1, s, f);
        return;
    }
    check_lxw(worksheet_merge_range(ws_, r1, c1, r2, c2, s.c_str(), f),
              "合并单元格 " + cell_ref(r1, c1) + ":" + cell_ref(r2, c2));
}

void XlsxWorksheet::row_height(std::uint32_t row, double height, lxw_format* f) {
    check_lxw(worksheet_set_row(ws_, row, height, f), "设置行高 " + std::to_string(row + 1));
}

void XlsxWorksheet::column_width(std::uint16_t c1, std::uint16_t c2, double width, lxw_format* f) {
    check_lxw(worksheet_set_column(ws_, c1, c2, width, f), "设置列宽 " + column_letters(c1));
}

// --- workbook ---------------------------------------------------------------------------------

namespace {
std::string random_suffix() {
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    return std::to_string(rd() % 1000000u) + "-" + std::to_string(counter++);
}

// The one text for a target that cannot be replaced: on Windows a workbook open in Excel/WPS is
// locked, elsewhere it is usually read-only.
std::string open_elsewhere_hint() { return "文件可能正被其他程序（Excel、WPS）打开或只读，请关闭后重试或换一个文件名"; }

// Truncates to at most `n` UTF-8 code points.
std::string utf8_prefix(const std::string& s, std::size_t n) {
    std::size_t count = 0, i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (count == n) break;
        i += len;
        ++count;
    }
    return s.substr(0, i);
}
}  // namespace

XlsxWorkbook::XlsxWorkbook(const fs::path& target, const XlsxOptions& options) : target_(target), what_(options.what) {
    std::error_code ec;
    fs::path dir = target.parent_path();
    if (dir.empty()) dir = ".";
    if (target.filename().empty()) throw FileError("没有给出要写入的文件名：" + il::path_utf8(target));
    if (!fs::exists(dir, ec)) throw FileError("无法写入" + what_ + " " + il::path_utf8(target) + "：文件夹不存在（" + il::path_utf8(dir) + "）");
    if (!fs::is_directory(dir, ec)) throw FileError("无法写入" + what_ + " " + il::path_utf8(target) + "：" + il::path_utf8(dir) + " 不是文件夹");
    if (fs::is_directory(target, ec)) throw FileError("无法写入" + what_ + "：" + il::path_utf8(target) + " 是一个文件夹");
    if (fs::exists(target, ec) && !replaceable(target))
        throw FileError("无法覆盖 " + il::path_utf8(target) + "：" + open_elsewhere_hint());
    temp_ = dir / ("." + il::path_utf8(target.filename()) + ".tmp-" + random_suffix());
    {
        // Probe: can a file be created here at all? (libxlsxwriter would only say so at the end.)
        std::ofstream probe(temp_, std::ios::binary);
        if (!probe)
            throw FileError("无法写入" + what_ + " " + il::path_utf8(target) + "：没有在文件夹 " + il::path_utf8(dir) +
                            " 中写文件的权限（" + std::strerror(errno) + "）");
    }
    lxw_workbook_options opt{};
    opt.constant_memory = options.constant_memory ? LXW_TRUE : LXW_FALSE;
    opt.tmpdir = nullptr;
    opt.use_zip64 = LXW_FALSE;
    std::string temp_name = il::path_utf8(temp_);
    wb_ = workbook_new_opt(temp_name.c_str(), &opt);
    if (!wb_) {
        fs::remove(temp_, ec);
        throw FileError("无法开始写入" + what_ + " " + il::path_utf8(target) + "（内存不足或临时文件夹不可写）");
    }
}

XlsxWorkbook::~XlsxWorkbook() {
    if (!closed_ && wb_) {
        // Writing was abandoned (an exception): free the workbook; the temporary file goes.
        workbook_close(wb_);
    }
    std::error_code ec;
    if (!temp_.empty()) fs::remove(temp_, ec);
}

XlsxWorksheet XlsxWorkbook::add_sheet(const std::string& wanted_name) {
    std::string name;
    for (char c : wanted_name) name += (std::strchr("[]:*?/\\", c) && c != '\0') ? '_' : c;
    if (name.empty()) name = "Sheet";
    if (name.front() == '\'') name.front() = '_';
    name = utf8_prefix(name, 31);
    std::string unique = name;
    for (int n = 2; std::find(sheet_names_.begin(), sheet_names_.end(), unique) != sheet_names_.end(); ++n) {
        std::string suffix = "(" + std::to_string(n) + ")";
        unique = utf8_prefix(name, 31 - suffix.size()) + suffix;
    }
    lxw_worksheet* ws = workbook_add_worksheet(wb_, unique.c_str());
    if (!ws) throw Error("无法添加工作表“" + unique + "”");
    sheet_names_.push_back(unique);
    return XlsxWorksheet(ws);
}

lxw_format* XlsxWorkbook::add_format() {
    lxw_format* f = workbook_add_format(wb_);
    if (!f) throw Error("生成 Excel 文件出错：无法创建单元格格式（内存不足）");
    return f;
}

lxw_chart* XlsxWorkbook::add_chart(std::uint8_t type) {
    lxw_chart* c = workbook_add_chart(wb_, type);
    if (!c) throw Error("生成 Excel 文件出错：无法创建图表");
    return c;
}

void XlsxWorkbook::set_properties(const std::string& title, const std::string& subject, const std::string& author) {
    title_ = title;
    subject_ = subject;
    author_ = author;
    lxw_doc_properties props{};
    comments_ = "由投资项目台账 InvestLedger 生成";
    props.title = title_.data();
    props.subject = subject_.data();
    props.author = author_.data();
    props.comments = comments_.data();
    check_lxw(workbook_set_properties(wb_, &props), "设置文件属性");
}

void XlsxWorkbook::close(const std::function<void()>& before_rename) {
    if (closed_) return;
    closed_ = true;
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    std::error_code ec;
    if (err != LXW_NO_ERROR) {
        fs::remove(temp_, ec);
        std::string why;
        switch (err) {
            case LXW_ERROR_CREATING_XLSX_FILE:
                why = "无法创建文件：文件夹不存在或没有写入权限";
                break;
            case LXW_ERROR_CREATING_TMPFILE:
                why = "无法创建临时文件：临时文件夹不可写或磁盘已满";
                break;
            case LXW_ERROR_ZIP_FILE_OPERATION:
            case LXW_ERROR_ZIP_FILE_ADD:
            case LXW_ERROR_ZIP_CLOSE:
            case LXW_ERROR_ZIP_INTERNAL_ERROR:
            case LXW_ERROR_ZIP_BAD_ZIP_FILE:
            case LXW_ERROR_ZIP_PARAMETER_ERROR:
                why = "写入压缩文件失败：磁盘可能已满或文件夹已被移走";
                break;
            default:
                why = lxw_strerror(err);
        }
        throw FileError(what_ + "未能写出到 " + il::path_utf8(target_) + "：" + why + "（libxlsxwriter：" + lxw_strerror(err) + "）");
    }
    if (before_rename) {
        try {
            before_rename();
        } catch (...) {
            fs::remove(temp_, ec);
            temp_.clear();
            throw;
        }
    }
    fs::rename(temp_, target_, ec);
    if (ec) {
        fs::remove(temp_, ec);
        throw FileError(what_ + "已生成，但无法保存为 " + il::path_utf8(target_) + "：" + open_elsewhere_hint() + "（" + ec.message() + "）");
    }
    temp_.clear();
}

}  // namespace il::report
