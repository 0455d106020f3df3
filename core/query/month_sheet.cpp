#include "core/query/month_sheet.h"
#include "core/db/row_reader.h"

#include <algorithm>

namespace il::query {

std::optional<std::int64_t> SheetRow::plan_completion_bp() const {
    if (plan.fen <= 0) return std::nullopt;
    return ytd.fen * 10000 / plan.fen;
}

namespace {
std::string trim(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}
}  // namespace

void MonthSheet::set_cell(std::size_t index, SheetColumn column, const std::string& raw) {
    if (index >= rows.size()) return;
    SheetRow& r = rows[index];
    std::string text = trim(raw);
    if (column == SheetColumn::Image) {
        if (r.image_progress != text) { r.image_progress = text; r.dirty = true; }
        return;
    }
    if (column == SheetColumn::Problems) {
        if (r.problems != text) { r.problems = text; r.dirty = true; }
        return;
    }
    const bool is_ytd = column == SheetColumn::Ytd;
    std::string& issue = is_ytd ? r.ytd_issue : r.month_issue;
    std::string& typed = is_ytd ? r.ytd_text : r.month_text;
    // A new figure replaces the other column's complaint too: one of them drives the other.
    r.month_issue.clear();
    r.ytd_issue.clear();
    r.month_text.clear();
    r.ytd_text.clear();
    std::optional<Money> value = text.empty() ? std::optional<Money>(Money{}) : parse_amount(text, AmountUnit::Wan);
    if (!value) {
        issue = "“" + text + "”不是有效的金额（万元，最多两位小数）";
        typed = text;
        r.dirty = true;
        return;
    }
    Money month = is_ytd ? *value - r.prev_ytd : *value;
    Money ytd = is_ytd ? *value : r.prev_ytd + *value;
    if (ytd.is_negative()) {
        issue = "1-" + std::to_string(period.month) + "月累计不能为负数";
        typed = text;
    } else if (month.is_negative()) {
        issue = "本月完成不能为负数：1-" + std::to_string(period.month) + "月累计（" + format_wan(ytd) +
                "万元）小于上月累计（" + format_wan(r.prev_ytd) + "万元）";
        typed = text;
    } else if (r.total_investment.fen > 0 && ytd > r.total_investment) {
        issue = "1-" + std::to_string(period.month) + "月累计（" + format_wan(ytd) + "万元）超过项目总投资（" +
                format_wan(r.total_investment) + "万元）";
        typed = text;
    }
    if (!issue.empty()) {
        r.dirty = true;
        return;
    }
    if (month != r.month || ytd != r.ytd || !r.stored) r.dirty = true;
    r.month = month;
    r.ytd = ytd;
    r.entered_as_ytd = is_ytd;
}

int MonthSheet::paste(std::size_t row, SheetColumn first, const std::string& block) {
    int count = 0;
    std::size_t line_start = 0;
    std::string text = block;
    // Excel ends a copied block with a newline: drop one trailing line break.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    while (line_start <= text.size() && row < rows.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        std::string line = text.substr(line_start, line_end - line_start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        int col = static_cast<int>(first);
        std::size_t cell_start = 0;
        while (col <= static_cast<int>(SheetColumn::Problems)) {
            std::size_t cell_end = line.find('\t', cell_start);
            std::string cell = line.substr(cell_start, cell_end == std::string::npos ? std::string::npos : cell_end - cell_start);
            // An empty amount in a pasted block leaves the figure alone (the other one may drive it).
            bool amount = col <= static_cast<int>(SheetColumn::Ytd);
            if (!(amount && trim(cell).empty())) {
                set_cell(row, static_cast<SheetColumn>(col), cell);
                ++count;
            }
            ++col;
            if (cell_end == std::string::npos) break;
            cell_start = cell_end + 1;
        }
        ++row;
        if (line_end >= text.size()) break;
        line_start = line_end + 1;
    }
    return count;
}

std::size_t MonthSheet::dirty_count() const {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const SheetRow& r) { return r.dirty; }));
}
std::size_t MonthSheet::invalid_count() const {
    return static_cast<std::size_t>(std::count_if(rows.begin(), rows.end(), [](const SheetRow& r) { return !r.valid(); }));
}
Money MonthSheet::total_month() const {
    Money m;
    for (const auto& r : rows) m += r.month;
    return m;
}
Money MonthSheet::total_ytd() const {
    Money m;
    for (const auto& r : rows) m += r.ytd;
    return m;
}

MonthSheet load_month_sheet(db::Database& db, const Period& period, std::optional<std::int64_t> region_id) {
    MonthSheet sheet;
    sheet.period = period;
    db::Query q(db, R"sql(
        SELECT p.id, r.name, p.name, p.stage, p.total_investment, COALESCE(pl.planned_investment, 0),
               COALESCE((SELECT pr.completed_ytd FROM progress pr WHERE pr.project_id = p.id AND pr.year = ?1
                         AND pr.month < ?2 ORDER BY pr.month DESC LIMIT 1), 0),
               cur.completed_month, cur.completed_ytd, cur.image_progress, cur.problems
        FROM projects p
        JOIN regions r ON r.id = p.region_id
        LEFT JOIN project_plans pl ON pl.project_id = p.id AND pl.year = ?1
        LEFT JOIN progress cur ON cur.project_id = p.id AND cur.year = ?1 AND cur.month = ?2
        WHERE p.stage NOT IN ('取消','谋划') AND (CAST(?3 AS INTEGER) IS NULL OR p.region_id = ?3)
        ORDER BY r.sort_order, r.id, p.id)sql");
    q.bind(1, period.year);
    q.bind(2, period.month);
    if (region_id) q.bind(3, static_cast<int64_t>(*region_id)); else q.bind(3);
    while (q.executeStep()) {
        SheetRow r;
        db::read_row(q, r.project_id, r.region, r.name, r.stage, r.total_investment, r.plan, r.prev_ytd);
        r.stored = !q.getColumn(7).isNull();
        if (r.stored) {
            db::read_row_from(q, 7, r.month, r.ytd, r.image_progress, r.problems);
        } else {
            r.ytd = r.prev_ytd;
        }
        sheet.rows.push_back(std::move(r));
    }
    return sheet;
}

}  // namespace il::query
