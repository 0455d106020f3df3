#include "core/city/status_board.h"

#include <cstdio>

#include "core/city/offices.h"
#include "core/db/audit.h"
#include "core/db/write_transaction.h"
#include "core/report/xlsx_writer.h"
#include "core/util/clock.h"
#include "core/db/row_reader.h"

namespace il::city {

const char* board_status_label(BoardStatus s) {
    switch (s) {
        case BoardStatus::NotSubmitted: return "未上报";
        case BoardStatus::Accepted: return "已上报";
        case BoardStatus::Returned: return "已退回";
        case BoardStatus::Rejected: return "已拒收";
    }
    return "";
}

int StatusBoard::count(BoardStatus s) const {
    int n = 0;
    for (const auto& r : rows)
        if (r.status == s) ++n;
    return n;
}

int StatusBoard::late() const {
    int n = 0;
    for (const auto& r : rows)
        if (r.late) ++n;
    return n;
}

std::string due_date(db::Database& db, const Period& period) {
    int day = 10;
    try {
        day = std::stoi(db.setting_or("submission_due_day", "10"));
    } catch (...) {
    }
    if (day < 1 || day > 28) day = 10;
    Period next = period.month == 12 ? Period{period.year + 1, 1} : Period{period.year, period.month + 1};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", next.year, next.month, day);
    return buf;
}

StatusBoard status_board(db::Database& db, const Period& period, const std::string& today) {
    StatusBoard board;
    board.period = period;
    board.due_date = due_date(db, period);
    const std::string now = today.empty() ? today_iso() : today;
    for (const auto& o : list_offices(db)) {
        if (!o.active) continue;
        BoardRow row;
        row.office = o.name;
        row.regions = o.regions;
        // The package that counts: the latest accepted or returned one, else the latest rejected.
        db::Query q(db,
                    "SELECT status, received_at, reason, file_name, summary FROM submissions WHERE office = ?"
                    " AND period = ? AND status <> 'superseded' ORDER BY status = 'rejected', id DESC LIMIT 1");
        q.bind(1, o.name);
        q.bind(2, period.key());
        if (q.executeStep()) {
            std::string s = q.getColumn(0).getString();
            row.status = s == "accepted" ? BoardStatus::Accepted
                         : s == "returned" ? BoardStatus::Returned
                                           : BoardStatus::Rejected;
            db::read_row_from(q, 1, row.received_at, row.reason, row.file_name, row.summary);
        }
        if (row.status == BoardStatus::Accepted)
            row.late = row.received_at.substr(0, 10) > board.due_date;
        else
            row.late = now > board.due_date;
        db::Query c(db, "SELECT count(*) FROM city_conflicts WHERE status = 'open' AND"
                                      " (incoming_office = ? OR existing_office = ?)");
        c.bind(1, o.name);
        c.bind(2, o.name);
        c.executeStep();
        row.open_conflicts = c.getColumn(0).getInt();
        board.rows.push_back(row);
    }
    return board;
}

void export_status_board(db::Database& db, const StatusBoard& board, const std::filesystem::path& out) {
    report::XlsxWorkbook wb(out);
    auto ws = wb.add_sheet(board.period.label() + "上报情况");
    lxw_format* title = wb.add_format();
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_font_name(title, "宋体");
    lxw_format* head = wb.add_format();
    format_set_bold(head);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_font_name(head, "宋体");
    lxw_format* cell = wb.add_format();
    format_set_border(cell, LXW_BORDER_THIN);
    format_set_font_name(cell, "宋体");
    format_set_text_wrap(cell);
    lxw_format* red = wb.add_format();
    format_set_border(red, LXW_BORDER_THIN);
    format_set_font_name(red, "宋体");
    format_set_font_color(red, LXW_COLOR_RED);
    const std::vector<std::pair<std::string, double>> cols = {{"序号", 6},     {"上报单位", 16}, {"县市区", 18},
                                                              {"状态", 10},    {"是否逾期", 10}, {"上报时间", 22},
                                                              {"退回/拒收原因", 30}, {"未决冲突", 10}, {"上报包", 30}};
    const std::string place = db.setting_or("city_name", "");
    ws.merge(0, 0, 0, static_cast<std::uint16_t>(cols.size() - 1),
             place + std::to_string(board.period.year) + "年" + board.period.label() + "各单位上报情况（截止 " +
                 board.due_date + "）",
             title);
    for (std::size_t c = 0; c < cols.size(); ++c) {
        ws.text(1, static_cast<std::uint16_t>(c), cols[c].first, head);
        ws.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), cols[c].second);
    }
    std::uint32_t r = 2;
    for (const auto& row : board.rows) {
        std::string regions;
        for (const auto& g : row.regions) regions += (regions.empty() ? "" : "、") + g;
        ws.number(r, 0, static_cast<double>(r - 1), cell);
        ws.text(r, 1, row.office, cell);
        ws.text(r, 2, regions, cell);
        ws.text(r, 3, board_status_label(row.status), row.status == BoardStatus::Accepted ? cell : red);
        ws.text(r, 4, row.late ? "逾期" : "", row.late ? red : cell);
        ws.text(r, 5, row.received_at, cell);
        ws.text(r, 6, row.reason, cell);
        ws.number(r, 7, row.open_conflicts, cell);
        ws.text(r, 8, row.file_name, cell);
        ++r;
    }
    ws.text(r + 1, 0,
            "应报 " + std::to_string(board.rows.size()) + " 个，已上报 " +
                std::to_string(board.count(BoardStatus::Accepted)) + " 个，已退回 " +
                std::to_string(board.count(BoardStatus::Returned)) + " 个，逾期 " + std::to_string(board.late()) + " 个");
    wb.close();
}

void return_submission(db::Database& db, const std::string& office, const Period& period, const std::string& reason) {
    std::string r = reason;
    while (!r.empty() && (r.back() == ' ' || r.back() == '\n')) r.pop_back();
    if (r.empty()) throw ValidationError("退回必须填写原因");
    db::WriteTransaction tx(db);
    db::Query q(db, "SELECT id FROM submissions WHERE office = ? AND period = ? AND status = 'accepted'"
                                  " ORDER BY id DESC LIMIT 1");
    q.bind(1, office);
    q.bind(2, period.key());
    if (!q.executeStep())
        throw NotFoundError("「" + office + "」" + std::to_string(period.year) + "年" + period.label() +
                            "没有已接收的上报包，无法退回");
    std::int64_t id = q.getColumn(0).getInt64();
    q.reset();
    db::Query u(db, "UPDATE submissions SET status = 'returned', reason = ?, returned_at = ?, returned_by = ?"
                                  " WHERE id = ?");
    u.bind(1, r);
    u.bind(2, now_iso());
    u.bind(3, db.user());
    u.bind(4, id);
    u.exec();
    db::audit_event(db, "return", "submissions", "退回 " + office + " " + period.key() + "：" + r);
    tx.commit();
}

}  // namespace il::city
