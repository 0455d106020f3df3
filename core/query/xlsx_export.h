#pragma once
// Writes the rows a list shows (filtered, sorted, chosen columns) to an .xlsx file: a header
// row, amounts as numbers in 万元 with a number format, and a totals row.
#include <filesystem>
#include <string>
#include <vector>

#include "core/query/table.h"

namespace il::query {

struct ExportRequest {
    std::vector<std::size_t> rows;      // indices into table.rows, in output order
    std::vector<int> columns;           // table column indices, in output order
    std::vector<std::string> headers;   // one per output column (already translated)
    std::string sheet_name = "Sheet1";
    std::string totals_label;           // first cell of the totals row; empty: no totals row
};

// Throws FileError naming the file when it cannot be written (folder missing, open in Excel).
void export_xlsx(const Table& table, const ExportRequest& request, const std::filesystem::path& file);

}  // namespace il::query
