#pragma once
// The rejected rows of an import as a workbook the user corrects and imports again: one sheet per
// source sheet, a header row the importer recognises (canonical field names with year, months
// and unit: "2017年计划投资（万元）"), the rows' original cells (numbers as numbers, dates as
// dates), the values they took from group / 小计 lines, and a last column 错误原因; and a sheet
// 资料不全 listing the records with warnings (missing information, not a rejection).
#include <filesystem>

#include "core/import/import_plan.h"

namespace il::import {

// Throws FileError naming the file when it cannot be written (folder missing, file open in Excel).
void write_errors_workbook(const ImportPlan& plan, const std::filesystem::path& out);

// The header the errors workbook writes for a column (exposed for tests).
std::string canonical_header(const ColumnBinding& b, RecordKind kind);

}  // namespace il::import
