#pragma once
// RAII over libxlsxwriter, the one wrapper every workbook core writes goes through (reports,
// list exports, import error rows). Every lxw_error is checked and becomes an il::FileError (writing the
// file) or an il::Error (a programming or template mistake, named with what was being done).
// The workbook is written to a temporary file beside the target and renamed over it only when
// complete: the target name never holds a half-written file.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

namespace il::report {

struct XlsxOptions {
    bool constant_memory = false;  // rows must then be written top to bottom
    std::string what = "报表";     // what the file is, in messages ("导出文件", "错误行文件")
};

// Checks an lxw_error; `what` names the call ("合并单元格 A1:K1").
void check_lxw(lxw_error err, std::string_view what);

class XlsxWorksheet {
public:
    explicit XlsxWorksheet(lxw_worksheet* ws) : ws_(ws) {}
    lxw_worksheet* raw() const { return ws_; }

    void number(std::uint32_t row, std::uint16_t col, double v, lxw_format* f = nullptr);
    void text(std::uint32_t row, std::uint16_t col, const std::string& s, lxw_format* f = nullptr);
    void blank(std::uint32_t row, std::uint16_t col, lxw_format* f);
    // A formula with its value cached, so that readers that do not recalculate show the value.
    void formula(std::uint32_t row, std::uint16_t col, const std::string& formula, double cached, lxw_format* f = nullptr);
    void merge(std::uint32_t r1, std::uint16_t c1, std::uint32_t r2, std::uint16_t c2, const std::string& s,
               lxw_format* f = nullptr);
    void row_height(std::uint32_t row, double height, lxw_format* f = nullptr);
    void column_width(std::uint16_t c1, std::uint16_t c2, double width, lxw_format* f = nullptr);

private:
    lxw_worksheet* ws_;
};

class XlsxWorkbook {
public:
    // Prepares to write `target`. Throws FileError at once when the folder is missing or not
    // writable, before any work is done.
    explicit XlsxWorkbook(const std::filesystem::path& target, const XlsxOptions& options = {});
    ~XlsxWorkbook();  // without close(): frees everything and removes the temporary file
    XlsxWorkbook(const XlsxWorkbook&) = delete;
    XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

    lxw_workbook* raw() const { return wb_; }
    const std::filesystem::path& target() const { return target_; }

    // Adds a sheet; the name is made valid (<= 31 characters, no []:*?/\) and unique.
    XlsxWorksheet add_sheet(const std::string& wanted_name);
    lxw_format* add_format();
    lxw_chart* add_chart(std::uint8_t type);
    void set_properties(const std::string& title, const std::string& subject, const std::string& author);

    // Writes the file (temporary name), then renames it to the target. Throws FileError with a
    // clear reason ("文件可能正被 Excel/WPS 打开", "文件夹不存在") when that fails; the target is
    // then unchanged. `before_rename` (optional) runs once the temporary file is complete, before
    // it is renamed: when it throws, the temporary file is removed and the target left as it was.
    void close(const std::function<void()>& before_rename = {});

private:
    lxw_workbook* wb_ = nullptr;
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool closed_ = false;
    std::string what_;
    std::string title_, subject_, author_, comments_;
    std::vector<std::string> sheet_names_;
};

// Writes a cell reference "E7" for 0-based row/col.
std::string cell_ref(std::uint32_t row, std::uint16_t col);
std::string column_letters(std::uint16_t col);

}  // namespace il::report
