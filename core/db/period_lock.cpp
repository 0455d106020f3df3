#include "core/db/period_lock.h"

#include <fstream>
#include <map>
#include <sstream>
#include <system_error>

#include "core/db/audit.h"
#include "core/util/atomic_write.h"
#include "core/util/clock.h"
#include "core/util/sha256.h"
#include "core/util/uid.h"
#include "core/util/utf8_path.h"
#include "core/db/write_transaction.h"

namespace il::db {
namespace fs = std::filesystem;

namespace {
void check_period(int year, int month) {
    if (year < 1990 || year > 2200 || month < 1 || month > 12)
        throw ValidationError("期间无效：" + std::to_string(year) + "年" + std::to_string(month) + "月");
}

std::string label(int year, int month) { return std::to_string(year) + "年" + Period{year, month}.label(); }

std::string read_all(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw FileError("无法读取报表文件：" + il::path_utf8(file));
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw FileError("读取报表文件出错：" + il::path_utf8(file));
    return ss.str();
}

std::string file_name_utf8(const fs::path& p) {
    auto u8 = p.filename().u8string();
    return std::string(u8.begin(), u8.end());
}

void store_archive(Database& db, const std::string& template_id, const std::string& period_key,
                   const std::string& scope, const std::string& file_name, const std::string& content,
                   const std::string& sha) {
    Query q(db,
            "INSERT INTO report_archive(uid, template_id, period, scope, file_name, content, sha256,"
            " archived_at, who) VALUES(?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(template_id, period, scope) DO UPDATE SET file_name = excluded.file_name,"
            " content = excluded.content, sha256 = excluded.sha256, archived_at = excluded.archived_at,"
            " who = excluded.who");
    q.bind(1, new_uid());
    q.bind(2, template_id);
    q.bind(3, period_key);
    q.bind(4, scope);
    q.bind(5, file_name);
    q.bind(6, content.data(), static_cast<int>(content.size()));
    q.bind(7, sha);
    q.bind(8, now_iso());
    q.bind(9, db.user());
    q.exec();
}
}  // namespace

namespace {
// On a server two users' transactions run side by side (READ COMMITTED): a monthly write that
// found its month open could otherwise commit just after another user locked it. Writes of
// figures hold the periods' advisory lock shared, locking and unlocking hold it alone, each until
// its transaction ends; a write that waited sees the lock committed meanwhile. (SQLite has one
// writer at a time: nothing to do.)
constexpr const char* kPeriodLockKey = "7301020417";  // any constant: the ledger's one such lock
void hold_periods(Database& db, bool exclusive) {
    if (!db.server()) return;
    Query q(db, std::string(exclusive ? "SELECT pg_advisory_xact_lock(" : "SELECT pg_advisory_xact_lock_shared(") +
                    kPeriodLockKey + ")");
    q.executeStep();
}
}  // namespace

int PeriodLocks::lock(int year, int month, const std::string& reason) {
    check_period(year, month);
    WriteTransaction tx(db_);
    hold_periods(db_, true);
    if (is_locked(year, month)) throw ValidationError(label(year, month) + "已经封账");
    Query ins(db_, "INSERT INTO period_locks(year, month, locked_at, who, reason) VALUES(?,?,?,?,?)");
    ins.bind(1, year);
    ins.bind(2, month);
    ins.bind(3, now_iso());
    ins.bind(4, db_.user());
    ins.bind(5, reason);
    ins.exec();
    // the table's key is the period (no row id on a server): the audit line names it as yyyymm
    audit_insert(db_, "period_locks", std::int64_t{year} * 100 + month, "", {{"period", Period{year, month}.key()}, {"reason", reason}});

    // Archive the latest generated file of each report of the period, if it is still as generated.
    // One workbook may hold several templates (one report_runs row each, same file and checksum):
    // its key is their ids joined with ',' in the order generated.
    std::string key = Period{year, month}.key();
    struct Workbook {
        std::string templates, scope, file, sha, generated_at;
    };
    std::vector<Workbook> books;
    Query runs(db_, "SELECT template_id, scope, file_path, sha256, generated_at FROM report_runs"
                                      " WHERE period = ? ORDER BY id");
    runs.bind(1, key);
    while (runs.executeStep()) {
        Workbook w{runs.getColumn(0).getString(), runs.getColumn(1).getString(), runs.getColumn(2).getString(),
                   runs.getColumn(3).getString(), runs.getColumn(4).getString()};
        if (!books.empty() && books.back().file == w.file && books.back().sha == w.sha &&
            books.back().generated_at == w.generated_at && books.back().scope == w.scope)
            books.back().templates += "," + w.templates;
        else
            books.push_back(w);
    }
    std::map<std::pair<std::string, std::string>, const Workbook*> latest;  // (templates, scope) -> newest
    for (const auto& w : books) latest[{w.templates, w.scope}] = &w;
    int archived = 0;
    for (const auto& [k, w] : latest) {
        fs::path file = fs::path(std::u8string(w->file.begin(), w->file.end()));
        std::error_code ec;
        if (!fs::is_regular_file(file, ec)) continue;
        std::string content = read_all(file);
        if (sha256_hex(content) != w->sha) continue;  // changed since generation: not the submitted file
        store_archive(db_, w->templates, key, w->scope, file_name_utf8(file), content, w->sha);
        ++archived;
    }
    tx.commit();
    return archived;
}

void PeriodLocks::unlock(int year, int month, const std::string& reason) {
    check_period(year, month);
    std::string trimmed = reason;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.pop_back();
    if (trimmed.empty()) throw ValidationError("解除封账必须填写原因");
    WriteTransaction tx(db_);
    hold_periods(db_, true);
    if (!is_locked(year, month)) throw NotFoundError(label(year, month) + "没有封账");
    Query del(db_, "DELETE FROM period_locks WHERE year = ? AND month = ?");
    del.bind(1, year);
    del.bind(2, month);
    del.exec();
    audit_event(db_, "unlock", "period_locks", "解除封账 " + Period{year, month}.key() + "：" + trimmed);
    tx.commit();
}

bool PeriodLocks::is_locked(int year, int month) {
    auto stmt = db_.prepared("SELECT 1 FROM period_locks WHERE year = ? AND month = ?");  // checked per monthly write
    Query& q = *stmt;
    q.bind(1, year);
    q.bind(2, month);
    return q.executeStep();
}

std::optional<PeriodLockInfo> PeriodLocks::get(int year, int month) {
    for (auto& l : list())
        if (l.year == year && l.month == month) return l;
    return std::nullopt;
}

std::vector<PeriodLockInfo> PeriodLocks::list() {
    Query q(db_,
            "SELECT l.year, l.month, l.locked_at, l.who, l.reason,"
            " (SELECT count(*) FROM report_archive a WHERE a.period = CAST(l.year AS TEXT) || CASE WHEN l.month < 10 THEN '-0' ELSE '-' END || CAST(l.month AS TEXT))"
            " FROM period_locks l ORDER BY l.year, l.month");
    std::vector<PeriodLockInfo> out;
    while (q.executeStep()) {
        PeriodLockInfo i;
        i.year = q.getColumn(0).getInt();
        i.month = q.getColumn(1).getInt();
        i.locked_at = q.getColumn(2).getString();
        i.who = q.getColumn(3).getString();
        i.reason = q.getColumn(4).getString();
        i.archived_reports = q.getColumn(5).getInt();
        out.push_back(i);
    }
    return out;
}


void ensure_period_unlocked(Database& db, int year, int month) {
    hold_periods(db, false);
    if (PeriodLocks(db).is_locked(year, month))
        throw PeriodLocked(label(year, month) + "已封账（已上报），不能修改该月数据。如确需修改，请先解除封账并填写原因。");
}

void ensure_no_locked_figures(Database& db, const std::string& figures_table, const std::string& key_column,
                              std::int64_t key, const std::string& record) {
    hold_periods(db, false);
    auto stmt = db.prepared("SELECT f.year, f.month FROM " + figures_table + " f JOIN period_locks l ON l.year = f.year AND "
                            "l.month = f.month WHERE f." + key_column + " = ? ORDER BY f.year, f.month LIMIT 1");
    Query& q = *stmt;
    q.bind(1, static_cast<int64_t>(key));
    if (q.executeStep()) {
        int year = q.getColumn(0).getInt(), month = q.getColumn(1).getInt();
        throw PeriodLocked(record + "在" + label(year, month) + "（已封账）有填报数据，不能删除。如确需删除，请先解除封账并填写原因。");
    }
}

std::optional<ArchivedReport> archived_report(Database& db, const std::string& template_id, const Period& period,
                                              const std::string& scope) {
    Query q(db,
            "SELECT id, template_id, period, scope, file_name, sha256, archived_at, who, content"
            " FROM report_archive WHERE template_id = ? AND period = ? AND scope = ?");
    q.bind(1, template_id);
    q.bind(2, period.key());
    q.bind(3, scope);
    if (!q.executeStep()) return std::nullopt;
    ArchivedReport r;
    r.id = q.getColumn(0).getInt64();
    r.template_id = q.getColumn(1).getString();
    r.period = q.getColumn(2).getString();
    r.scope = q.getColumn(3).getString();
    r.file_name = q.getColumn(4).getString();
    r.sha256 = q.getColumn(5).getString();
    r.archived_at = q.getColumn(6).getString();
    r.who = q.getColumn(7).getString();
    QueryColumn blob = q.getColumn(8);
    r.content.assign(static_cast<const char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes()));
    return r;
}

std::string archive_report(Database& db, const std::string& template_id, const Period& period,
                           const std::string& scope, const fs::path& file) {
    std::string content = read_all(file);
    std::string sha = sha256_hex(content);
    store_archive(db, template_id, period.key(), scope, file_name_utf8(file), content, sha);
    return sha;
}

std::optional<std::string> reproduce_locked_report(Database& db, const std::string& template_id,
                                                   const Period& period, const std::string& scope,
                                                   const fs::path& target) {
    if (!PeriodLocks(db).is_locked(period.year, period.month)) return std::nullopt;
    auto archived = archived_report(db, template_id, period, scope);
    if (!archived) return std::nullopt;
    if (sha256_hex(archived->content) != archived->sha256)
        throw DatabaseError("封账报表存档的校验和不符（" + archived->file_name + "），存档可能已损坏");
    write_file_atomically(target, archived->content);
    return archived->sha256;
}

bool keep_report_if_locked(Database& db, const std::string& template_id, const Period& period,
                           const std::string& scope, const fs::path& file) {
    if (!PeriodLocks(db).is_locked(period.year, period.month)) return false;
    if (archived_report(db, template_id, period, scope)) return false;
    archive_report(db, template_id, period, scope, file);
    return true;
}

}  // namespace il::db
