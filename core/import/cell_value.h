#pragma once
// Reading one cell as the value a field needs. A cell that cannot be read gives an error text
// (never a silent 0): the row is then rejected with that reason.
#include <optional>
#include <string>

#include "core/import/read/workbook.h"
#include "core/model/money.h"

namespace il::import {

template <class T>
struct Parsed {
    std::optional<T> value;  // set when read
    std::string error;       // set when the cell holds something that is not a T
    bool blank() const { return !value && error.empty(); }
    bool ok() const { return error.empty(); }
};

// True for cells that say "no value": empty, or a lone dash / slash in a figure column.
bool is_blank_figure(const Cell& c);

// An amount in `unit` (the column's); a unit in the cell ("1.5亿元") wins. Numbers typed as text
// with thousands separators and full-width digits are read exactly.
Parsed<Money> read_amount(const Cell& c, AmountUnit unit);
// The precision (in 分) of an amount as written: "96,500.51" in 万元 -> 10,000 分 (0.01 万元).
std::int64_t amount_step(const Cell& c, AmountUnit unit);
// `stored` when it rounds (half away from zero) to `read` at `step`: a report cell rounded to
// 0.01 万元 does not change the exact amount in the ledger. Otherwise `read`.
Money same_at(Money stored, Money read, std::int64_t step);

// A US-dollar amount in 万美元 ("12.5", "12.5万美元").
Parsed<UsdMoney> read_usd(const Cell& c);
// A date: an Excel date (serial number), or text "2017.3", "2017年3月", "2017年3月15日",
// "2017-03-15", "2017/3/15", "201703". Gives "YYYY-MM" or "YYYY-MM-DD".
Parsed<std::string> read_date(const Cell& c);
// 是/否, Y/N, √/×, TRUE/FALSE, 1/0.
Parsed<bool> read_bool(const Cell& c);
// An identifier: a number is read as its digits (12345, not 12345.0).
std::string read_code(const Cell& c);

// Excel serial day number (1900 date system) to ISO "YYYY-MM-DD"; nullopt outside 1900-9999.
std::optional<std::string> excel_serial_to_iso(double serial);

}  // namespace il::import
