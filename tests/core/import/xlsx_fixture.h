#pragma once
// Test helper: realistic user files written with libxlsxwriter (merged headers, text numbers,
// dates as Excel dates) and GBK csv files.
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "core/util/utf8_path.h"

#include <xlsxwriter.h>
#include "tests/support/process.h"

namespace il::import::test {

using XV = std::variant<std::monostate, double, const char*, std::string>;

struct XlsxFixture {
    lxw_workbook* wb;
    lxw_worksheet* ws = nullptr;
    lxw_format* date_fmt;
    explicit XlsxFixture(const std::filesystem::path& path) {
        wb = workbook_new(il::path_utf8(path).c_str());
        date_fmt = workbook_add_format(wb);
        format_set_num_format(date_fmt, "yyyy-mm-dd");
    }
    XlsxFixture& sheet(const char* name) {
        ws = workbook_add_worksheet(wb, name);
        return *this;
    }
    XlsxFixture& row(int r, const std::vector<XV>& values) {
        for (std::size_t c = 0; c < values.size(); ++c) {
            const XV& v = values[c];
            auto col = static_cast<lxw_col_t>(c);
            if (std::holds_alternative<double>(v)) worksheet_write_number(ws, static_cast<lxw_row_t>(r), col, std::get<double>(v), nullptr);
            else if (std::holds_alternative<const char*>(v))
                worksheet_write_string(ws, static_cast<lxw_row_t>(r), col, std::get<const char*>(v), nullptr);
            else if (std::holds_alternative<std::string>(v))
                worksheet_write_string(ws, static_cast<lxw_row_t>(r), col, std::get<std::string>(v).c_str(), nullptr);
        }
        return *this;
    }
    XlsxFixture& date(int r, int c, int y, int m, int d) {
        lxw_datetime dt = {y, m, d, 0, 0, 0};
        worksheet_write_datetime(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), &dt, date_fmt);
        return *this;
    }
    XlsxFixture& merge(int r1, int c1, int r2, int c2, const char* text) {
        worksheet_merge_range(ws, static_cast<lxw_row_t>(r1), static_cast<lxw_col_t>(c1), static_cast<lxw_row_t>(r2),
                              static_cast<lxw_col_t>(c2), text, nullptr);
        return *this;
    }
    void close() {
        if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("fixture not written");
    }
};

inline std::string to_gbk(const std::string& utf8) {
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv");
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    size_t inleft = utf8.size();
    char* o = out.data();
    size_t oleft = out.size();
    if (iconv(cd, &in, &inleft, &o, &oleft) == static_cast<size_t>(-1)) {
        iconv_close(cd);
        throw std::runtime_error("iconv conversion");
    }
    iconv_close(cd);
    out.resize(out.size() - oleft);
    return out;
}

inline void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream f(p, std::ios::binary);
    f << bytes;
}

inline std::filesystem::path scratch_dir(const std::string& name) {
    auto d = std::filesystem::temp_directory_path() / ("il-import-test-" + name + "-" + std::to_string(il_test::pid()));
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

}  // namespace il::import::test
