// .xls (BIFF, Excel 97-2003 and WPS) reader through libfreexl.
// Known limits of libfreexl 1.0.6, documented here because the mapping layer must cope:
//  - merged ranges (MERGEDCELLS records) and formula cells (FORMULA records: freexl skips them,
//    so a computed cell would vanish) are not exposed by freexl. add_biff_extras() below reads
//    both straight from the BIFF8 "Workbook" stream: formulas arrive with their cached value and
//    is_formula set (a number is never flagged is_date there: the XF is not looked at).
//  - freexl allocates the sheet's whole declared rectangle when a sheet is selected (at most
//    65536 x 256 cells in BIFF8); a sheet larger than ReadLimits::max_cells is refused.
//  - libfreexl 1.0.6 is not safe on hostile input (fuzzing found a stack overflow inside
//    freexl_open, tests/fuzz/regressions/xls/). So on POSIX systems freexl runs in a forked child
//    process under memory and CPU limits; the child sends the cells back through a pipe, and a
//    child that crashes or hangs becomes a ReadError instead of taking the program down. Windows
//    has no fork: there it runs in the program's own process (a hostile .xls can crash it).
#include <freexl.h>
#ifndef _WIN32
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cmath>
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

#include "core/import/read/number_format.h"
#include "core/import/read/ole_sniff.h"
#include "core/import/read/reader_support.h"
#include "core/import/read/workbook.h"
#include "core/util/utf8_path.h"

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

std::uint16_t le16(std::string_view d, std::size_t at) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(d[at]) | (static_cast<unsigned char>(d[at + 1]) << 8));
}
std::uint32_t le32(std::string_view d, std::size_t at) { return le16(d, at) | (static_cast<std::uint32_t>(le16(d, at + 2)) << 16); }

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// A BIFF8 STRING record (a string formula's cached value): cch, flags, then 8- or 16-bit chars.
std::string biff8_string(std::string_view d) {
    std::string out;
    if (d.size() < 3) return out;
    std::size_t cch = le16(d, 0);
    bool wide = static_cast<unsigned char>(d[2]) & 1;
    std::size_t pos = 3;
    for (std::size_t i = 0; i < cch; ++i) {
        if (!wide) {
            if (pos >= d.size()) break;
            append_utf8(out, static_cast<unsigned char>(d[pos++]));
            continue;
        }
        if (pos + 2 > d.size()) break;
        std::uint32_t c = le16(d, pos);
        pos += 2;
        if (c >= 0xD800 && c <= 0xDBFF && pos + 2 <= d.size() && i + 1 < cch) {
            std::uint32_t lo = le16(d, pos);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                pos += 2;
                ++i;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
        append_utf8(out, c);
    }
    return out;
}

const char* biff_error_text(unsigned char code) {
    switch (code) {
        case 0x00: return "#NULL!";
        case 0x07: return "#DIV/0!";
        case 0x0F: return "#VALUE!";
        case 0x17: return "#REF!";
        case 0x1D: return "#NAME?";
        case 0x24: return "#NUM!";
        case 0x2A: return "#N/A";
        default: return "#ERROR";
    }
}

// Puts `cell` at (row, col) unless freexl already gave a value there; keeps rows sorted.
void put_cell(Sheet& sheet, int row, int col, Cell cell) {
    auto it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), row,
                               [](const Row& r, int index) { return r.index < index; });
    if (it == sheet.rows.end() || it->index != row) {
        Row r;
        r.index = row;
        it = sheet.rows.insert(it, std::move(r));
    }
    auto& cells = it->cells;
    if (static_cast<std::size_t>(col) >= cells.size()) cells.resize(static_cast<std::size_t>(col) + 1);
    if (!cells[static_cast<std::size_t>(col)].empty()) {
        cells[static_cast<std::size_t>(col)].is_formula = true;
        return;
    }
    cells[static_cast<std::size_t>(col)] = std::move(cell);
}

}  // namespace

// Formula cells and merged ranges from the BIFF8 Workbook stream (see the note at the top).
// Applied only when the stream lists as many worksheets as `book` holds.
void add_biff_extras(std::string_view file_bytes, Workbook& book, const ReadLimits& limits) {
    auto stream = ole_stream(file_bytes, "Workbook");
    if (!stream) return;
    std::string_view w = *stream;
    std::vector<std::uint32_t> sheet_offsets;
    bool biff8 = false;
    std::size_t pos = 0;
    while (pos + 4 <= w.size()) {
        std::uint16_t type = le16(w, pos), len = le16(w, pos + 2);
        if (pos + 4 + len > w.size()) break;
        std::string_view d = w.substr(pos + 4, len);
        if (pos == 0) biff8 = type == 0x0809 && len >= 2 && le16(d, 0) == 0x0600;
        if (type == 0x0085 && len >= 6 && d[5] == 0) sheet_offsets.push_back(le32(d, 0));
        pos += 4 + len;
        if (type == 0x000A) break;  // end of the workbook globals
    }
    if (!biff8 || sheet_offsets.size() != book.sheets.size()) return;
    int current = -1;
    int pending_row = -1, pending_col = -1;
    std::uint64_t added = 0;
    for (pos = 0; pos + 4 <= w.size();) {
        std::uint16_t type = le16(w, pos), len = le16(w, pos + 2);
        if (pos + 4 + len > w.size()) break;
        std::string_view d = w.substr(pos + 4, len);
        if (type == 0x0809) {
            current = -1;
            for (std::size_t k = 0; k < sheet_offsets.size(); ++k)
                if (sheet_offsets[k] == pos) current = static_cast<int>(k);
        } else if (type == 0x000A) {
            current = -1;
        } else if (current >= 0 && added < limits.max_cells) {
            Sheet& sheet = book.sheets[static_cast<std::size_t>(current)];
            if (type == 0x0006 && len >= 20) {  // FORMULA
                int row = le16(d, 0), col = le16(d, 2);
                pending_row = -1;
                if (col >= 256) {
                    pos += 4 + len;
                    continue;
                }
                Cell cell;
                cell.is_formula = true;
                if (le16(d, 12) == 0xFFFF) {
                    switch (static_cast<unsigned char>(d[6])) {
                        case 0: pending_row = row, pending_col = col; break;  // text: a STRING record follows
                        case 1: cell.type = CellType::Boolean; cell.number = d[8] ? 1 : 0; break;
                        case 2: cell.type = CellType::Error; cell.text = biff_error_text(static_cast<unsigned char>(d[8])); break;
                        default: break;  // an empty string result
                    }
                } else {
                    double v = 0;
                    std::memcpy(&v, d.data() + 6, sizeof v);
                    if (std::isfinite(v)) {
                        cell.type = CellType::Number;
                        cell.number = v;
                    }
                }
                if (pending_row < 0) {
                    put_cell(sheet, row, col, std::move(cell));
                    ++added;
                }
            } else if (type == 0x0207 && pending_row >= 0) {  // STRING after a FORMULA
                Cell cell;
                cell.is_formula = true;
                cell.type = CellType::Text;
                cell.text = biff8_string(d);
                if (cell.text.size() > limits.max_cell_bytes || !is_valid_utf8(cell.text)) cell.text.clear();
                put_cell(sheet, pending_row, pending_col, std::move(cell));
                ++added;
                pending_row = -1;
            } else if (type == 0x00E5 && len >= 2) {  // MERGEDCELLS
                std::size_t count = le16(d, 0);
                for (std::size_t i = 0; i < count && 2 + 8 * (i + 1) <= d.size() && sheet.merges.size() < 100000; ++i) {
                    MergedRange m;
                    m.first_row = le16(d, 2 + 8 * i);
                    m.last_row = le16(d, 4 + 8 * i);
                    m.first_col = le16(d, 6 + 8 * i);
                    m.last_col = le16(d, 8 + 8 * i);
                    if (m.first_row <= m.last_row && m.first_col <= m.last_col && m.last_col < 256) sheet.merges.push_back(m);
                }
            }
        }
        pos += 4 + len;
    }
}

// Reads with freexl in this process.
Workbook read_xls_in_process(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
    FreexlHandle xl;
    int rc = freexl_open(il::path_utf8(file).c_str(), &xl.h);  // (the ANSI code page on Windows, as freexl uses fopen)
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
    add_biff_extras(read_file_bytes(file, limits.max_uncompressed_bytes), book, limits);
    return book;
}

#ifndef _WIN32  // the child-process isolation (fork, pipe, rlimit)
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
        put_u32(out, static_cast<std::uint32_t>(sheet.merges.size()));
        for (const auto& m : sheet.merges) {
            put_u32(out, static_cast<std::uint32_t>(m.first_row));
            put_u32(out, static_cast<std::uint32_t>(m.first_col));
            put_u32(out, static_cast<std::uint32_t>(m.last_row));
            put_u32(out, static_cast<std::uint32_t>(m.last_col));
        }
        put_u32(out, static_cast<std::uint32_t>(sheet.rows.size()));
        for (const auto& row : sheet.rows) {
            put_u32(out, static_cast<std::uint32_t>(row.index));
            std::uint32_t used = 0;
            for (const auto& c : row.cells) used += !c.empty() || c.is_formula;
            put_u32(out, used);
            for (std::size_t col = 0; col < row.cells.size(); ++col) {
                const Cell& c = row.cells[col];
                if (c.empty() && !c.is_formula) continue;
                put_u32(out, static_cast<std::uint32_t>(col));
                out += static_cast<char>(c.type);
                out += static_cast<char>((c.is_date ? 1 : 0) | (c.is_formula ? 2 : 0));
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
    // What libfreexl or a sanitizer might print on a hostile file is not for the user: the
    // parent reports a ReadError instead.
    int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
        dup2(devnull, 2);
        close(devnull);
    }
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
        auto merges = in.u32();
        for (std::uint32_t m = 0; in.ok() && m < merges; ++m) {
            MergedRange range;
            range.first_row = static_cast<int>(in.u32() & 0xFFFFF);
            range.first_col = static_cast<int>(in.u32() & 0x3FFF);
            range.last_row = static_cast<int>(in.u32() & 0xFFFFF);
            range.last_col = static_cast<int>(in.u32() & 0x3FFF);
            if (sheet.merges.size() < 100000) sheet.merges.push_back(range);
        }
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
                char flags = in.byte();
                c.is_date = flags & 1;
                c.is_formula = flags & 2;
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
#endif

Workbook read_xls_file(const std::filesystem::path& file, const std::string& label, const ReadLimits& limits) {
    {
        // Password-protected .xlsx files are OLE files too; say so instead of "not an xls".
        std::string head = read_file_bytes(file, limits.max_uncompressed_bytes);
        if (!is_ole_file(head)) fail(label, "文件内容不是 .xls 工作簿（可能已损坏或扩展名有误）");
        if (is_encrypted_ooxml(head)) fail(label, kPasswordProtected);
    }
#ifdef _WIN32
    return read_xls_in_process(file, label, limits);
#else
    return read_xls_isolated(file, label, limits);
#endif
}

}  // namespace detail

Workbook read_xls(const std::filesystem::path& file, const ReadLimits& limits) {
    return detail::read_xls_file(file, detail::file_label(file), limits);
}

}  // namespace il::import
