#include "core/db/monthly_figures.h"

#include <map>

#include "core/db/audit.h"
#include "core/db/period_lock.h"
#include "core/db/sql_util.h"
#include "core/model/period.h"
#include "core/util/clock.h"
#include "core/util/uid.h"

namespace il::db {

void write_monthly_figure(Database& db, const MonthlyWrite& w) {
    if (w.month < 1 || w.month > 12)
        throw RecordInvalid(w.record, {{"month", "月份 " + std::to_string(w.month) + " 应在 1-12 之间"}});
    ensure_period_unlocked(db, w.year, w.month);

    struct Row {
        std::string uid;
        Money month, ytd;
        std::vector<std::string> texts;
    };
    std::string text_cols;
    for (const auto& [col, v] : w.text_columns) text_cols += ", " + col;
    std::map<int, Row> rows;
    {
        auto q_stmt = db.prepared("SELECT month, uid, completed_month, completed_ytd" + text_cols + " FROM " +
                                  w.table + " WHERE " + w.key_column + " = ? AND year = ? ORDER BY month");
        Query& q = *q_stmt;
        bind_i64(q, 1, w.key);
        q.bind(2, w.year);
        while (q.executeStep()) {
            Row r{q.getColumn(1).getString(), col_money(q.getColumn(2)), col_money(q.getColumn(3)), {}};
            for (std::size_t i = 0; i < w.text_columns.size(); ++i)
                r.texts.push_back(q.getColumn(static_cast<int>(4 + i)).getString());
            rows[q.getColumn(0).getInt()] = std::move(r);
        }
    }
    Money prev_ytd;
    for (const auto& [m, r] : rows)
        if (m < w.month) prev_ytd = r.ytd;
    Money month_figure = w.month_figure, ytd = w.ytd;
    if (w.entered_as_ytd) month_figure = ytd - prev_ytd;
    else ytd = prev_ytd + month_figure;
    if (w.validate) {
        auto issues = w.validate(month_figure, ytd);
        if (!issues.empty()) throw RecordInvalid(w.record, std::move(issues));
    }

    const std::string now = now_iso();
    const std::string key = Period{w.year, w.month}.key();
    auto existing = rows.find(w.month);
    std::string uid = existing != rows.end() ? existing->second.uid : new_uid();
    FieldValues after = {{key + ".completed_month", exact_wan_text(month_figure)},
                         {key + ".completed_ytd", exact_wan_text(ytd)}};
    for (const auto& [col, v] : w.text_columns) after.emplace_back(key + "." + col, v);
    {
        std::string cols = w.key_column + ", year, month, completed_month, completed_ytd, uid, updated_at" + text_cols;
        std::string marks = "?,?,?,?,?,?,?";
        std::string sets = "completed_month = excluded.completed_month, completed_ytd = excluded.completed_ytd, "
                           "updated_at = excluded.updated_at";
        for (const auto& [col, v] : w.text_columns) {
            marks += ",?";
            sets += ", " + col + " = excluded." + col;
        }
        auto up_stmt = db.prepared("INSERT INTO " + w.table + "(" + cols + ") VALUES(" + marks + ") ON CONFLICT(" +
                                   w.key_column + ", year, month) DO UPDATE SET " + sets);
        Query& up = *up_stmt;
        bind_i64(up, 1, w.key);
        up.bind(2, w.year);
        up.bind(3, w.month);
        bind_money(up, 4, month_figure);
        bind_money(up, 5, ytd);
        up.bind(6, uid);
        up.bind(7, now);
        int i = 8;
        for (const auto& [col, v] : w.text_columns) up.bind(i++, v);
        up.exec();
    }
    if (existing == rows.end()) {
        audit_insert(db, w.table, w.key, uid, after);
    } else {
        FieldValues before = {{key + ".completed_month", exact_wan_text(existing->second.month)},
                              {key + ".completed_ytd", exact_wan_text(existing->second.ytd)}};
        for (std::size_t i = 0; i < w.text_columns.size(); ++i)
            before.emplace_back(key + "." + w.text_columns[i].first, existing->second.texts[i]);
        audit_update(db, w.table, w.key, uid, diff_fields(before, after));
    }

    // The following months keep their year-to-date figures; their month figures follow.
    Money prev = ytd;
    auto fix_stmt = db.prepared("UPDATE " + w.table + " SET completed_month = ?, updated_at = ? WHERE " +
                                w.key_column + " = ? AND year = ? AND month = ?");
    Query& fix = *fix_stmt;
    for (const auto& [m, r] : rows) {
        if (m <= w.month) continue;
        Money derived = r.ytd - prev;
        if (derived != r.month) {
            std::string later = Period{w.year, m}.key();
            if (derived.is_negative())
                throw RecordInvalid(w.record, {{"completed_ytd", "1-" + std::to_string(w.month) + "月累计（" +
                                                                     format_wan(ytd) + "万元）超过了 " + later + " 的1-" +
                                                                     std::to_string(m) + "月累计（" + format_wan(r.ytd) +
                                                                     "万元）"}});
            ensure_period_unlocked(db, w.year, m);
            fix.reset();
            bind_money(fix, 1, derived);
            fix.bind(2, now);
            bind_i64(fix, 3, w.key);
            fix.bind(4, w.year);
            fix.bind(5, m);
            fix.exec();
            audit_update(db, w.table, w.key, r.uid,
                         {{later + ".completed_month", exact_wan_text(r.month), exact_wan_text(derived)}},
                         "由 " + key + " 的修改重新推算");
        }
        prev = r.ytd;
    }
}

void check_total_covers_reported(Database& db, const std::string& table, const std::string& key_column, std::int64_t key,
                                 Money total, std::vector<FieldIssue>& issues) {
    if (key == 0 || total.fen <= 0) return;
    auto stmt = db.prepared("SELECT year, month, completed_ytd FROM " + table + " WHERE " + key_column +
                            " = ? ORDER BY completed_ytd DESC LIMIT 1");
    Query& q = *stmt;
    bind_i64(q, 1, key);
    if (q.executeStep() && q.getColumn(2).getInt64() > total.fen)
        issues.push_back({"total_investment", "总投资（" + format_wan(total) + "万元）低于已填报的 " +
                                                  Period{q.getColumn(0).getInt(), q.getColumn(1).getInt()}.key() +
                                                  " 累计完成投资（" + format_wan(col_money(q.getColumn(2))) + "万元）"});
}

}  // namespace il::db
