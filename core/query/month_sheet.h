#pragma once
// 月度调度 sheet: every project in scope for one month, with what the user types (本月完成 or
// 1-N月累计, 形象进度, 存在问题) and the figures derived as they type. Pure logic (no UI, no
// writes): the GUI grid shows it, the repository stores it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/money.h"
#include "core/model/period.h"

namespace il::query {

enum class SheetColumn { Month, Ytd, Image, Problems };

struct SheetRow {
    std::int64_t project_id = 0;
    std::string region, name, stage;
    Money total_investment;
    Money plan;        // 年度计划 of the year
    Money prev_ytd;    // 1-(N-1)月累计 (0 in January)
    Money month;       // 本月完成
    Money ytd;         // 1-N月累计
    std::string image_progress, problems;
    bool stored = false;       // a record for this month exists
    bool dirty = false;        // changed since loaded
    bool entered_as_ytd = false;
    std::string month_issue, ytd_issue;  // why the typed text is not acceptable (empty: fine)
    std::string month_text, ytd_text;    // what was typed when invalid

    // 完成年度计划 % in basis points (nullopt without a plan).
    std::optional<std::int64_t> plan_completion_bp() const;
    bool valid() const { return month_issue.empty() && ytd_issue.empty(); }
};

struct MonthSheet {
    Period period;
    std::vector<SheetRow> rows;

    // Applies what the user typed into a cell. Amounts are 万元 text ("12.5", "1,200", "" = 0);
    // typing the month figure derives the 1-N月 figure and vice versa. An unacceptable amount
    // leaves the figures alone and records the reason on the row (shown at the cell).
    void set_cell(std::size_t row, SheetColumn column, const std::string& text);
    // Applies a tab-separated block (rows by newline) starting at (row, first column); columns
    // beyond Problems and rows beyond the sheet are ignored, so are empty amount cells. Returns the number of cells set.
    int paste(std::size_t row, SheetColumn first, const std::string& block);

    std::size_t dirty_count() const;
    std::size_t invalid_count() const;
    Money total_month() const;
    Money total_ytd() const;
};

// Every project that is not 取消/谋划 (those in scope of the monthly update), in region order,
// optionally one region only, with the month's stored figures.
MonthSheet load_month_sheet(db::Database& db, const Period& period, std::optional<std::int64_t> region_id = std::nullopt);

}  // namespace il::query
