// .xls (BIFF, Excel 97-2003 and WPS) reader through libfreexl.
// Known limits of libfreexl 1.0.6, documented here because the mapping layer must cope:
//  - merged ranges (MERGEDCELLS records) are not exposed: Sheet::merges stays empty for .xls;
//    a merged group header appears only in its top-left cell, like an unmerged one.
//  - formulas are not flagged: a formula cell arrives as its cached value (is_formula false).
//  - freexl allocates the sheet's whole declared rectangle when a sheet is selected (at most
//    65536 x 256 cells in BIFF8); a sheet larger than ReadLimits::max_cells is refused.
//  - libfreexl 1.0.6 is not safe on hostile input (fuzzing found a stack overflow inside
//    freexl_open, tests/fuzz/regressions/xls/). So on POSIX systems freexl runs in a forked child
//    process under memory and CPU limits; the child sends the cells back through a pipe, and a
//    child that crashes or hangs becomes a ReadError instead of taking the program down.
#include <freexl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#if defined(__SANITIZE_ADDRESS__)
#define IL_XLS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define IL_XLS_ASAN 1
#endif
#endif
#if defined(IL_XLS_ASAN)
#include <sanitizer/common_interface_defs.h>
#endif

#include <cstdio>
#include <cstring>
#include <iostream>

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

// Reads with freexl in this process.
Workbook read_xls_in_process(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
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

namespace {

// The child's answer on the pipe: "W" then sheets, or "E" + message; "Z" ends a complete answer.
void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void put_str(std::string& out, const std::string& s) {
    put_u32(out, static_cast<std::uint32_t>(s.size()));
    out += s;
}

std::string serialize(const Workbook& book) {
    std::string out = "W";
    put_u32(out, static_cast<std::uint32_t>(book.sheets.size()));
    for (const auto& sheet : book.sheets) {
        put_str(out, sheet.name);
        put_u32(out, static_cast<std::uint32_t>(sheet.rows.size()));
        for (const auto& row : sheet.rows) {
            put_u32(out, static_cast<std::uint32_t>(row.index));
            std::uint32_t used = 0;
            for (const auto& c : row.cells) used += !c.empty();
            put_u32(out, used);
            for (std::size_t col = 0; col < row.cells.size(); ++col) {
                const Cell& c = row.cells[col];
                if (c.empty()) continue;
                put_u32(out, static_cast<std::uint32_t>(col));
                out += static_cast<char>(c.type);
                out += static_cast<char>(c.is_date);
                out.append(reinterpret_cast<const char*>(&c.number), sizeof(double));
                put_str(out, c.text);
            }
        }
    }
    out += "Z";
    return out;
}

class Decoder {
public:
    explicit Decoder(std::string_view data) : d_(data) {}
    bool ok() const { return ok_; }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        if (!take(4)) return 0;
        std::memcpy(&v, d_.data() + pos_ - 4, 4);
        return v;
    }
    char byte() { return take(1) ? d_[pos_ - 1] : '\0'; }
    double number() {
        double v = 0;
        if (take(sizeof(double))) std::memcpy(&v, d_.data() + pos_ - sizeof(double), sizeof(double));
        return v;
    }
    std::string str() {
        auto n = u32();
        if (!take(n)) return {};
        return std::string(d_.substr(pos_ - n, n));
    }
    bool at_end() const { return pos_ == d_.size(); }

private:
    bool take(std::size_t n) {
        if (!ok_ || d_.size() - pos_ < n) {
            ok_ = false;
            return false;
        }
        pos_ += n;
        return true;
    }
    std::string_view d_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

bool sanitizer_build() {
#if defined(IL_XLS_ASAN)
    return true;
#else
    return false;
#endif
}

[[noreturn]] void child_main(int fd, const std::filesystem::path& file, const std::string& label,
                             const ReadLimits& limits) {
    signal(SIGPIPE, SIG_DFL);
#if defined(IL_XLS_ASAN)
    // Under libFuzzer a sanitizer report in the child must not look like the fuzzer's own crash:
    // the parent turns the child's death into a ReadError.
    __sanitizer_set_death_callback(nullptr);
#endif
    if (!sanitizer_build()) {
        // freexl holds the whole sheet rectangle; leave room for it and the copy we send.
        rlim_t mem = static_cast<rlim_t>(std::min<std::uint64_t>(limits.max_memory_bytes * 3 + (256ull << 20), 8ull << 30));
        rlimit as{mem, mem};
        setrlimit(RLIMIT_AS, &as);
    }
    rlimit cpu{120, 120};
    setrlimit(RLIMIT_CPU, &cpu);
    std::string answer;
    try {
        answer = serialize(read_xls_in_process(file, label, limits));
    } catch (const ReadError& e) {
        answer = "E";
        put_str(answer, e.what());
        answer += "Z";
    } catch (const std::bad_alloc&) {
        answer = "E";
        put_str(answer, "无法读取文件“" + label + "”：文件太大或已损坏（读取时内存超出上限）");
        answer += "Z";
    } catch (...) {
        _exit(3);
    }
    const char* p = answer.data();
    std::size_t left = answer.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) _exit(4);
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    _exit(0);
}

Workbook read_xls_isolated(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
    int fds[2];
    if (pipe(fds) != 0) return read_xls_in_process(file, label, limits);
    std::cout.flush();
    std::cerr.flush();
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return read_xls_in_process(file, label, limits);
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(fds[1], file, label, limits);
    }
    close(fds[1]);
    std::string data;
    const std::uint64_t cap = limits.max_memory_bytes * 2 + (64ull << 20);
    char buf[65536];
    bool too_much = false;
    for (;;) {
        ssize_t n = ::read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (data.size() > cap) {
            too_much = true;
            break;
        }
    }
    close(fds[0]);
    int status = 0;
    if (too_much) kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (too_much) fail(label, "文件内容太多，超过上限");
    const bool complete = !data.empty() && data.back() == 'Z';
    if (!complete) {
        if (WIFSIGNALED(status) && (WTERMSIG(status) == SIGXCPU || WTERMSIG(status) == SIGKILL))
            fail(label, "读取 .xls 超时或内存超出上限，文件可能已损坏；请在 Excel/WPS 中打开后另存为 .xlsx 再导入");
        fail(label, "文件已损坏，.xls 解析程序（libfreexl）读取时异常退出；请在 Excel/WPS 中打开后另存为 .xlsx 再导入");
    }
    Decoder in(std::string_view(data).substr(0, data.size() - 1));
    char kind = in.byte();
    if (kind == 'E') {
        std::string message = in.str();
        if (!in.ok() || message.empty()) fail(label, "读取 .xls 失败");
        throw ReadError(message);
    }
    if (kind != 'W') fail(label, "读取 .xls 失败（内部数据无效）");
    Workbook book;
    ReadBudget budget;
    auto sheets = in.u32();
    for (std::uint32_t s = 0; in.ok() && s < sheets; ++s) {
        book.sheets.emplace_back();
        Sheet& sheet = book.sheets.back();
        sheet.name = in.str();
        SheetBuilder builder(sheet, label, limits, budget);
        auto rows = in.u32();
        for (std::uint32_t r = 0; in.ok() && r < rows; ++r) {
            auto index = in.u32();
            if (index >= static_cast<std::uint32_t>(kMaxRows)) break;
            builder.begin_row(static_cast<int>(index));
            auto cells = in.u32();
            for (std::uint32_t k = 0; in.ok() && k < cells; ++k) {
                auto col = in.u32();
                Cell c;
                c.type = static_cast<CellType>(in.byte());
                c.is_date = in.byte() != 0;
                c.number = in.number();
                c.text = in.str();
                if (col >= static_cast<std::uint32_t>(kMaxCols)) continue;
                builder.set(static_cast<int>(col), std::move(c));
            }
            builder.end_row();
        }
        builder.finish();
    }
    if (!in.ok() || !in.at_end()) fail(label, "读取 .xls 失败（内部数据不完整）");
    return book;
}

}  // namespace

Workbook read_xls_file(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
    {
        // Password-protected .xlsx files are OLE files too; say so instead of "not an xls".
        std::string head = read_file_bytes(file, limits.max_uncompressed_bytes);
        if (!is_ole_file(head)) fail(label, "文件内容不是 .xls 工作簿（可能已损坏或扩展名有误）");
        if (is_encrypted_ooxml(head)) fail(label, kPasswordProtected);
    }
    return read_xls_isolated(file, label, limits);
}

}  // namespace detail

Workbook read_xls(const std::filesystem::path& file, const ReadLimits& limits) {
    return detail::read_xls_file(file, detail::file_label(file), limits);
}

}  // namespace il::import
