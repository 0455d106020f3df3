#pragma once
// Internal to import: 到位资金 columns of a deals ledger brought into a deal's funds-in-place
// transactions, idempotently.
//
// A funds column gives the total received in a window of time (column_mapping.h, ColumnBinding::
// month_from): "2017年1-6月到位资金" = everything dated 2017-01-01 … 2017-06-30. A 万元 column is the
// total in CNY with foreign funds at their CNY value; a 万美元 column (到位外资) counts the USD
// transactions only. The import keeps, per window, one transaction of its own, dated the window's
// last day, with the note "导入：<window>" ("导入：2017年1-6月到位资金"), holding the difference
// between the file's total and the other transactions of the window. Importing the same figure
// again therefore changes nothing; a corrected figure changes that one transaction; a figure below
// what is recorded transaction by transaction rejects the row (an import never deletes payments
// entered by hand). Narrower windows are settled first, USD before CNY, so that a file with
// "6月到位" and "1-6月到位", or with 到位资金（万元） and 其中到位外资（万美元）, adds no amount twice.
// The import's transaction of a wider window (a 累计 total, or 1-6月 holding 1-3月) is not counted
// in a narrower one, and when a narrower window's transaction changes, the smallest wider window
// kept by an import gives up (or takes back) the difference: the files of a deal (1-3月, 1-6月, 累计)
// give the same funds in whatever order they are imported. Windows are read back from the notes.
// An all-time total's own transaction is dated the day before the earliest window of the same end
// the import keeps (累计 with 1-6月: 2016-12-31), so that reports by period (1-N月到位) count it in
// no month of the year.
#include <string>
#include <vector>

#include "core/import/import_plan.h"
#include "core/import/row_values.h"
#include "core/model/deal.h"

namespace il::import {

// Reads the row's funds columns (and 汇率, needed for USD) into `deal.funds`. Unreadable cells and
// impossible figures become issues of `v`. For an existing deal, `changes` gets one entry per
// window whose total changes ("2017年1-6月到位资金": old total → new total). `today` (YYYY-MM-DD)
// dates an all-time total when the file names no period.
void plan_deal_funds(RowValues& v, Deal& deal, bool existing, const std::string& today, std::vector<CellChange>& changes);

// The note that marks the transaction an import keeps for a window.
std::string funds_import_note(const std::string& window_label);

}  // namespace il::import
