#pragma once
// A spreadsheet as read from a user's file (.xlsx, .xls or .csv): the raw cells, before any
// mapping to ledger fields. Readers fill it; header detection and mapping read it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/util/error.h"

namespace il::import {

enum class CellType { Empty, Number, Text, Boolean, Error };

struct Cell {
    CellType type = CellType::Empty;
    double number = 0.0;      // Number and Boolean (0/1)
    std::string text;         // Text (UTF-8), Error ("#DIV/0!"), and a formula's cached text
    bool is_date = false;     // a Number formatted as a date in the file (an Excel serial date,
                              // always in the 1900 date system: 1904-system files are converted)
    bool is_formula = false;  // the file holds a formula here; number/text is its cached value

    bool empty() const { return type == CellType::Empty || (type == CellType::Text && text.empty()); }
};

// A rectangular merged range, 0-based, inclusive.
struct MergedRange {
    int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct Row {
    int index = 0;              // 0-based row number in the sheet (row 1 in Excel is 0)
    std::vector<Cell> cells;    // cells[c] is column c (0-based); trailing empties may be absent
};

struct Sheet {
    std::string name;
    std::vector<Row> rows;      // only rows that hold at least one non-empty cell (or a formula
                                // without a cached value), in ascending index order
    std::vector<MergedRange> merges;
    bool is_chart = false;      // a chart sheet or other sheet without cells
    bool hidden = false;        // hidden in the file (still read)

    // The cell at (row, col), or an empty cell. Merged ranges are not expanded here.
    const Cell& at(int row, int col) const;
};

struct Workbook {
    std::vector<Sheet> sheets;
};

// Limits that keep a hostile file from exhausting memory or time.
struct ReadLimits {
    std::uint64_t max_uncompressed_bytes = 512ull * 1024 * 1024;  // whole xlsx, all parts
    std::uint64_t max_cell_bytes = 1024 * 1024;                    // one cell's text
    std::uint64_t max_cells = 20'000'000;
    int max_xml_depth = 256;
    // What the decoded cells and strings may take in memory (estimated), e.g. many rows each
    // holding one cell in column XFD.
    std::uint64_t max_memory_bytes = 512ull * 1024 * 1024;
};

// The file cannot be read: names the file and, where known, the sheet, row and reason.
class ReadError : public FileError {
public:
    using FileError::FileError;
};

// Reads .xlsx, .xls or .csv (UTF-8 or GBK/GB18030), choosing the reader by the file's content
// (its first bytes), not only its extension. Throws ReadError with a message a user understands.
Workbook read_workbook(const std::filesystem::path& file, const ReadLimits& limits = {});

// The individual readers, also used by the fuzz targets on in-memory data.
Workbook read_xlsx(const std::filesystem::path& file, const ReadLimits& limits = {});
Workbook read_xls(const std::filesystem::path& file, const ReadLimits& limits = {});
Workbook read_csv(const std::filesystem::path& file, const ReadLimits& limits = {});
Workbook read_csv_bytes(std::string_view bytes, const ReadLimits& limits = {});
Workbook read_xlsx_bytes(std::string_view bytes, const ReadLimits& limits = {});

}  // namespace il::import
