#pragma once
// Internal helpers shared by the file readers (xlsx, xls, csv): error messages that name the
// file, sheet and cell, A1 references, and a builder that keeps only non-empty rows.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/import/read/workbook.h"

namespace il::import::detail {

constexpr int kMaxRows = 1'048'576;  // Excel's limits
constexpr int kMaxCols = 16'384;     // A..XFD

// "无法读取文件“name”：<what>" — the prefix every ReadError starts with.
[[noreturn]] void fail(const std::string& file_label, const std::string& what);
// Same, with the sheet: "无法读取文件“name”：工作表“Sheet1”：<what>".
[[noreturn]] void fail_in_sheet(const std::string& file_label, const std::string& sheet,
                                const std::string& what);

// The name used in messages: the file name without its folders.
std::string file_label(const std::filesystem::path& file);

// "A" -> 0, "XFD" -> 16383; nullopt when not letters or beyond XFD.
std::optional<int> column_index(std::string_view letters);
std::string column_letters(int col);
// "B5" for (4, 1).
std::string cell_name(int row, int col);

struct CellRef {
    int row = 0;
    int col = 0;
};
// Parses "B5" (0-based result). nullopt when malformed ("A0", "5B", "XFE1", "A1048577").
std::optional<CellRef> parse_cell_ref(std::string_view ref);
// Parses "A1:C2" or a single "A1".
std::optional<MergedRange> parse_range_ref(std::string_view ref);

// Reads the whole file; ReadError when missing, unreadable or larger than `max_bytes`.
std::string read_file_bytes(const std::filesystem::path& file, std::uint64_t max_bytes);

bool is_valid_utf8(std::string_view s);

// The readers on bytes, with the name used in messages.
Workbook read_xlsx_named(std::string_view bytes, const std::string& label, const ReadLimits& limits);
Workbook read_csv_named(std::string_view bytes, const std::string& label, const std::string& sheet_name,
                        const ReadLimits& limits);
// .xls: formula cells and merged ranges read from the BIFF8 stream (libfreexl skips them).
void add_biff_extras(std::string_view file_bytes, Workbook& book, const ReadLimits& limits);

// What a whole workbook has used so far, checked against ReadLimits.
struct ReadBudget {
    std::uint64_t cells = 0;  // cell slots, including empty ones before a used column
    std::uint64_t bytes = 0;  // estimated memory of cells and strings
};

// Adds to the budget; ReadError (naming the sheet when given) when a limit is passed.
void charge(ReadBudget& budget, const ReadLimits& limits, std::uint64_t cells, std::uint64_t bytes,
            const std::string& file_label, const std::string& sheet);

// Collects rows for one sheet: keeps rows with content, caps the number of cell slots.
class SheetBuilder {
public:
    SheetBuilder(Sheet& sheet, const std::string& file_label, const ReadLimits& limits, ReadBudget& budget);
    // Starts row `row`; cells set before the next begin_row() go into it.
    void begin_row(int row);
    void set(int col, Cell cell);
    // Closes the current row; drops it when it holds nothing.
    void end_row();
    // Sorts rows if the file listed them out of order and merges duplicates.
    void finish();

private:
    Sheet& sheet_;
    const std::string& file_label_;
    const ReadLimits& limits_;
    ReadBudget& budget_;
    Row current_;
    bool open_ = false;
    bool sorted_ = true;
};

}  // namespace il::import::detail
