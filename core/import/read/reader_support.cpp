#include "core/import/read/reader_support.h"

#include <algorithm>
#include <fstream>
#include <system_error>
#include "core/util/utf8_path.h"

namespace il::import::detail {

void fail(const std::string& file_label, const std::string& what) {
    throw ReadError("无法读取文件“" + file_label + "”：" + what);
}

void fail_in_sheet(const std::string& file_label, const std::string& sheet, const std::string& what) {
    fail(file_label, "工作表“" + sheet + "”：" + what);
}

std::string file_label(const std::filesystem::path& file) {
    auto name = file.filename().u8string();
    if (name.empty()) name = file.u8string();
    return std::string(name.begin(), name.end());
}

std::optional<int> column_index(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return std::nullopt;
    int col = 0;
    for (char ch : letters) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
        if (ch < 'A' || ch > 'Z') return std::nullopt;
        col = col * 26 + (ch - 'A' + 1);
    }
    if (col > kMaxCols) return std::nullopt;
    return col - 1;
}

std::string column_letters(int col) {
    std::string s;
    for (int n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
    return s;
}

std::string cell_name(int row, int col) { return column_letters(col) + std::to_string(row + 1); }

std::optional<CellRef> parse_cell_ref(std::string_view ref) {
    std::size_t i = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::size_t letters_begin = i;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) ++i;
    auto col = column_index(ref.substr(letters_begin, i - letters_begin));
    if (!col) return std::nullopt;
    if (i < ref.size() && ref[i] == '$') ++i;
    if (i >= ref.size() || ref.size() - i > 7) return std::nullopt;
    long row = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
        row = row * 10 + (ref[i] - '0');
    }
    if (row < 1 || row > kMaxRows) return std::nullopt;
    return CellRef{static_cast<int>(row - 1), *col};
}

std::optional<MergedRange> parse_range_ref(std::string_view ref) {
    auto colon = ref.find(':');
    auto a = parse_cell_ref(ref.substr(0, colon));
    if (!a) return std::nullopt;
    auto b = colon == std::string_view::npos ? a : parse_cell_ref(ref.substr(colon + 1));
    if (!b) return std::nullopt;
    MergedRange r;
    r.first_row = std::min(a->row, b->row);
    r.last_row = std::max(a->row, b->row);
    r.first_col = std::min(a->col, b->col);
    r.last_col = std::max(a->col, b->col);
    return r;
}

std::string read_file_bytes(const std::filesystem::path& file, std::uint64_t max_bytes) {
    const std::string label = file_label(file);
    std::error_code ec;
    auto status = std::filesystem::status(file, ec);
    if (ec || !std::filesystem::exists(status)) fail(label, "文件不存在（" + il::path_utf8(file) + "）");
    if (std::filesystem::is_directory(status)) fail(label, "这是一个文件夹，不是文件");
    auto size = std::filesystem::file_size(file, ec);
    if (ec) fail(label, "无法获取文件大小：" + ec.message());
    if (size > max_bytes)
        fail(label, "文件太大（" + std::to_string(size / (1024 * 1024)) + " MB），超过上限 " +
                        std::to_string(max_bytes / (1024 * 1024)) + " MB");
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(label, "文件无法打开（可能正被其他程序占用或没有读取权限）");
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) { ++p; continue; }
        int n;
        std::uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
        else return false;
        if (end - p <= n) return false;
        for (int k = 1; k <= n; ++k) {
            if ((p[k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        p += n + 1;
    }
    return true;
}

void charge(ReadBudget& budget, const ReadLimits& limits, std::uint64_t cells, std::uint64_t bytes,
            const std::string& file_label, const std::string& sheet) {
    budget.cells += cells;
    budget.bytes += bytes;
    std::string what;
    if (budget.cells > limits.max_cells)
        what = "单元格太多（超过 " + std::to_string(limits.max_cells) + " 个），文件可能已损坏或是恶意构造的";
    else if (budget.bytes > limits.max_memory_bytes)
        what = "内容太多（解码后超过 " + std::to_string(limits.max_memory_bytes / (1024 * 1024)) +
               " MB），文件可能已损坏或是恶意构造的";
    else
        return;
    if (sheet.empty()) fail(file_label, what);
    fail_in_sheet(file_label, sheet, what);
}

SheetBuilder::SheetBuilder(Sheet& sheet, const std::string& file_label, const ReadLimits& limits, ReadBudget& budget)
    : sheet_(sheet), file_label_(file_label), limits_(limits), budget_(budget) {}

void SheetBuilder::begin_row(int row) {
    if (open_) end_row();
    current_.index = row;
    current_.cells.clear();
    open_ = true;
}

void SheetBuilder::set(int col, Cell cell) {
    if (!open_) return;
    const bool keep = !cell.empty() || cell.is_formula;
    if (!keep) return;  // an empty styled cell: nothing to store
    auto needed = static_cast<std::size_t>(col) + 1;
    std::uint64_t grow = needed > current_.cells.size() ? needed - current_.cells.size() : 0;
    charge(budget_, limits_, grow, grow * sizeof(Cell) + (cell.text.size() > 15 ? cell.text.size() : 0),
           file_label_, sheet_.name);
    if (grow) current_.cells.resize(needed);
    current_.cells[static_cast<std::size_t>(col)] = std::move(cell);
}

void SheetBuilder::end_row() {
    if (!open_) return;
    open_ = false;
    if (current_.cells.empty()) return;
    if (!sheet_.rows.empty() && sheet_.rows.back().index >= current_.index) sorted_ = false;
    charge(budget_, limits_, 0, sizeof(Row), file_label_, sheet_.name);
    sheet_.rows.push_back(std::move(current_));
    current_ = Row{};
}

void SheetBuilder::finish() {
    end_row();
    if (sorted_) return;
    std::stable_sort(sheet_.rows.begin(), sheet_.rows.end(),
                     [](const Row& a, const Row& b) { return a.index < b.index; });
    std::vector<Row> merged;
    merged.reserve(sheet_.rows.size());
    for (auto& row : sheet_.rows) {
        if (!merged.empty() && merged.back().index == row.index) {
            auto& into = merged.back().cells;
            if (row.cells.size() > into.size()) into.resize(row.cells.size());
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                if (!row.cells[c].empty() || row.cells[c].is_formula) into[c] = std::move(row.cells[c]);
        } else {
            merged.push_back(std::move(row));
        }
    }
    sheet_.rows = std::move(merged);
}

}  // namespace il::import::detail
