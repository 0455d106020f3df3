#pragma once
// Which Excel number formats show a number as a date or time (so the cell holds a serial date).
#include <string_view>

namespace il::import::detail {

// Built-in format ids that are dates or times: 14-22, 45-47, and the East Asian ones (27-36,
// 50-58) that Chinese Excel and WPS use for "yyyy年m月d日" and the like.
bool is_builtin_date_format(int id);

// A custom format code is a date/time when, outside quoted text, escapes and [..] sections, it
// contains y, m, d, h or s (of the first section). "0.00", "#,##0", "@", "General" are not.
bool is_date_format_code(std::string_view code);

// Days between 1899-12-30 and the date: the Excel serial in the 1900 system (dates after 1900-03-01).
double excel_serial(int year, int month, int day);

}  // namespace il::import::detail
