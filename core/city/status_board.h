#pragma once
// 上报情况: for a period, which offices have submitted (and when), which are late, which were
// returned (退回) with a reason, which packages were rejected; exportable as an xlsx. Returning
// an accepted package marks it so (the office has to correct and submit again; its figures stay
// in the city ledger until the new package replaces them) and is written to the audit log.
#include <filesystem>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/model/period.h"

namespace il::city {

enum class BoardStatus { NotSubmitted, Accepted, Returned, Rejected };
const char* board_status_label(BoardStatus s);  // 未上报 / 已上报 / 已退回 / 已拒收

struct BoardRow {
    std::string office;
    std::vector<std::string> regions;
    BoardStatus status = BoardStatus::NotSubmitted;
    bool late = false;           // not accepted by the due date, or accepted after it
    std::string received_at;     // of the latest package (accepted, returned or rejected)
    std::string reason;          // 退回 / 拒收 reason
    std::string file_name, summary;
    int open_conflicts = 0;
};

struct StatusBoard {
    Period period;
    std::string due_date;  // 'YYYY-MM-DD'
    std::vector<BoardRow> rows;
    int count(BoardStatus s) const;
    int late() const;
};

// The due date: day `submission_due_day` (setting, default 10) of the month after the period.
std::string due_date(db::Database& db, const Period& period);
// `today` ('YYYY-MM-DD', "" = today) decides lateness of offices that have not submitted.
StatusBoard status_board(db::Database& db, const Period& period, const std::string& today = "");
void export_status_board(db::Database& db, const StatusBoard& board, const std::filesystem::path& out);

// 退回: the office's accepted package for the period is returned with `reason` (required).
// Throws NotFoundError when there is none, ValidationError for an empty reason.
void return_submission(db::Database& db, const std::string& office, const Period& period, const std::string& reason);

}  // namespace il::city
