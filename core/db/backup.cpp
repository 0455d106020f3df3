#include "core/db/backup.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <regex>
#include <thread>
#include <system_error>

#include "core/db/audit.h"
#include "core/util/clock.h"
#include "core/util/utf8_path.h"

namespace il::db {
namespace fs = std::filesystem;

namespace {
// Runs a backup from `src` to `dest` to completion, waiting out short locks.
void copy_all(SQLite::Database& dest, SQLite::Database& src, int timeout_ms = 10000) {
    SQLite::Backup backup(dest, src);
    int waited = 0;
    for (;;) {
        int rc = backup.executeStep(-1);
        if (rc == SQLITE_DONE) return;
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            if (waited >= timeout_ms) throw DatabaseError("备份时数据库一直被占用，未能完成");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            waited += 50;
            continue;
        }
        if (rc != SQLITE_OK) throw DatabaseError("备份失败：" + std::string(sqlite3_errstr(rc)));
    }
}

std::string path_utf8(const fs::path& p) {
    auto u8 = p.u8string();
    return std::string(u8.begin(), u8.end());
}

fs::path from_utf8(const std::string& s) { return fs::path(std::u8string(s.begin(), s.end())); }

std::string sanitize_kind(const std::string& reason) {
    std::string out;
    for (char c : reason) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) out += static_cast<char>(std::tolower(u));
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "manual" : out;
}

// "2026-11-26T12:30:05+08:00" -> "20261126-123005"
std::string stamp_now() {
    std::string iso = now_iso();
    std::string out;
    for (std::size_t i = 0; i < iso.size() && i < 19; ++i) {
        char c = iso[i];
        if (c == 'T') out += '-';
        else if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

struct ParsedName {
    std::string date, time, kind;
    int seq = 0;
};

std::optional<ParsedName> parse_name(const std::string& name) {
    static const std::regex re(R"(^.*-(\d{8})-(\d{6})(?:\.(\d+))?-([a-z0-9][a-z0-9-]*)\.db$)");
    std::smatch m;
    if (!std::regex_match(name, m, re)) return std::nullopt;
    ParsedName p;
    p.date = m[1];
    p.time = m[2];
    p.seq = m[3].matched ? std::stoi(m[3]) : 0;
    p.kind = m[4];
    return p;
}

struct Entry {
    fs::path file;
    ParsedName name;
};

// Backups in `dir`, newest first.
std::vector<Entry> entries(const fs::path& dir) {
    std::vector<Entry> out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        auto parsed = parse_name(path_utf8(it->path().filename()));
        if (parsed) out.push_back({it->path(), *parsed});
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        if (a.name.date != b.name.date) return a.name.date > b.name.date;
        if (a.name.time != b.name.time) return a.name.time > b.name.time;
        return a.name.seq > b.name.seq;
    });
    return out;
}

void rotate(const fs::path& dir, const std::string& kind, int keep) {
    int seen = 0;
    for (const auto& e : entries(dir)) {
        if (e.name.kind != kind) continue;
        if (++seen > keep) {
            std::error_code ec;
            fs::remove(e.file, ec);
        }
    }
}

// Partial files older than an hour were left by a process that died while writing one.
void remove_stale_partials(const fs::path& dir) {
    std::error_code ec;
    auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string n = path_utf8(it->path().filename());
        if (n.find(".partial") == std::string::npos) continue;
        std::error_code tec;
        auto t = fs::last_write_time(it->path(), tec);
        if (!tec && now - t > std::chrono::hours(1)) fs::remove(it->path(), tec);
    }
}

std::int64_t count_or_zero(SQLite::Database& db, const char* table) {
    try {
        return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
    } catch (const SQLite::Exception&) {
        return 0;
    }
}
}  // namespace

std::string sqlite_file_uri(const fs::path& file, const std::string& query) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec);
    if (ec) abs = file;
    auto g = abs.generic_u8string();
    std::string p(g.begin(), g.end());
    static const char* hex = "0123456789ABCDEF";
    std::string out = "file://";
    if (!p.empty() && p[0] != '/') out += '/';  // C:/x -> file:///C:/x
    for (unsigned char c : p) {
        if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == ':') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    if (!query.empty()) out += "?" + query;
    return out;
}

fs::path backup_dir(const fs::path& db_file) {
    fs::path stem = db_file.stem();
    stem += "-backups";
    return db_file.parent_path() / stem;
}

int backup_keep(Database& db) {
    try {
        auto v = db.setting("backup_keep");
        if (!v) return kDefaultBackupKeep;
        int n = std::stoi(*v);
        return std::clamp(n, 1, 1000);
    } catch (const std::exception&) {
        return kDefaultBackupKeep;
    }
}

fs::path make_backup(SQLite::Database& source, const fs::path& db_file, const std::string& kind_in, int keep) {
    std::string kind = sanitize_kind(kind_in);
    fs::path dir = backup_dir(db_file);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw FileError("无法创建备份文件夹 " + il::path_utf8(dir) + "：" + ec.message());
    remove_stale_partials(dir);

    std::string stamp = stamp_now();
    std::string base = path_utf8(db_file.stem()) + "-" + stamp;
    fs::path target;
    // Within one second, a higher sequence number than any backup there (of any kind) keeps
    // "newest first" exact.
    int seq = -1;
    for (const auto& e : entries(dir))
        if (e.name.date + "-" + e.name.time == stamp) seq = std::max(seq, e.name.seq);
    for (;;) {
        ++seq;
        std::string name = base + (seq ? "." + std::to_string(seq) : std::string()) + "-" + kind + ".db";
        target = dir / from_utf8(name);
        fs::path partial = target;
        partial += ".partial";
        if (!fs::exists(target, ec) && !fs::exists(partial, ec)) break;
    }
    fs::path partial = target;
    partial += ".partial";
    try {
        {
            SQLite::Database copy(path_utf8(partial), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            copy_all(copy, source);
            // A backup is one self-contained file: rollback journal, not WAL.
            copy.exec("PRAGMA journal_mode = DELETE");
        }
        fs::rename(partial, target);
    } catch (const SQLite::Exception& e) {
        fs::remove(partial, ec);
        throw DatabaseError("备份失败（" + il::path_utf8(target) + "）：" + e.what());
    } catch (const fs::filesystem_error& e) {
        fs::remove(partial, ec);
        throw FileError("备份失败（" + il::path_utf8(target) + "）：" + e.what());
    }
    rotate(dir, kind, keep);
    return target;
}

namespace {
// What a server ledger says to the file-backup functions: the server keeps its own.
constexpr const char* kServerBackups =
    "服务器上的台账由数据库服务器备份（例如管理员定时运行 pg_dump），本程序只备份台账文件（.db）";
}  // namespace

fs::path backup_now(Database& db) {
    if (db.server()) throw DatabaseError(kServerBackups);
    if (db.in_memory()) throw DatabaseError("内存数据库不能备份");
    return make_backup(db.sql(), db.path(), "manual", backup_keep(db));
}

std::optional<fs::path> auto_backup(Database& db) {
    if (db.in_memory() || db.read_only()) return std::nullopt;
    std::string today = stamp_now().substr(0, 8);
    for (const auto& e : entries(backup_dir(db.path())))
        if (e.name.kind == "auto" && e.name.date == today) return std::nullopt;
    return make_backup(db.sql(), db.path(), "auto", backup_keep(db));
}

fs::path pre_change_backup(Database& db, const std::string& reason) {
    if (db.in_memory()) return {};
    return make_backup(db.sql(), db.path(), reason, backup_keep(db));
}

BackupInfo inspect_backup(const fs::path& file) {
    BackupInfo info;
    info.file = file;
    std::error_code ec;
    info.size = fs::file_size(file, ec);
    if (auto parsed = parse_name(path_utf8(file.filename()))) {
        info.kind = parsed->kind;
        const auto& d = parsed->date;
        const auto& t = parsed->time;
        info.created = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2) + " " + t.substr(0, 2) + ":" +
                       t.substr(2, 2) + ":" + t.substr(4, 2);
    }
    if (ec || !fs::is_regular_file(file, ec)) {
        info.error = "文件不存在或不是普通文件";
        return info;
    }
    try {
        SQLite::Database db(sqlite_file_uri(file, "immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        info.schema_version = db.execAndGet("PRAGMA user_version").getInt();
        if (db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'projects'").getInt() == 0)
            throw DatabaseError("不是台账数据库（没有项目表）");
        info.projects = count_or_zero(db, "projects");
        info.progress = count_or_zero(db, "progress");
        info.renovations = count_or_zero(db, "renovations");
        info.deals = count_or_zero(db, "deals");
        info.audit_entries = count_or_zero(db, "audit_log");
        try {
            info.last_change = db.execAndGet("SELECT coalesce(max(at), '') FROM audit_log").getString();
        } catch (const SQLite::Exception&) {
        }
        info.readable = true;
    } catch (const std::exception& e) {
        info.error = e.what();
    }
    return info;
}

std::vector<BackupInfo> list_backups(const fs::path& db_file) {
    std::vector<BackupInfo> out;
    for (const auto& e : entries(backup_dir(db_file))) out.push_back(inspect_backup(e.file));
    return out;
}

fs::path restore_backup(Database& db, const fs::path& backup_file) {
    if (db.server()) throw DatabaseError(kServerBackups);
    if (db.in_memory()) throw DatabaseError("内存数据库不能从备份恢复");
    if (db.read_only()) throw DatabaseError("数据库以只读方式打开，不能恢复");
    std::error_code ec;
    if (fs::equivalent(backup_file, db.path(), ec)) throw ValidationError("备份文件就是当前数据库本身");
    BackupInfo info = inspect_backup(backup_file);
    if (!info.readable) throw DatabaseError("备份文件无法读取：" + il::path_utf8(backup_file) + "（" + info.error + "）");
    int latest = current_schema_version();
    if (info.schema_version > latest)
        throw DatabaseError("该备份由更新版本的投资项目台账创建（数据库版本 " + std::to_string(info.schema_version) +
                            "），本程序无法恢复它，当前数据库未作修改。");
    fs::path safety = pre_change_backup(db, "before-restore");
    try {
        SQLite::Database src(sqlite_file_uri(backup_file, "immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        copy_all(db.sql(), src);
    } catch (const SQLite::Exception& e) {
        throw DatabaseError("恢复失败，当前数据库未作修改（恢复前备份：" + il::path_utf8(safety) + "）：" + e.what());
    }
    db.sql().exec("PRAGMA journal_mode = WAL");
    if (info.schema_version < latest) migrate_to(db.sql(), latest);
    SQLite::Transaction tx(db.sql());
    audit_event(db, "restore", "database",
                "从备份恢复：" + path_utf8(backup_file.filename()) + "（" + info.created + "）；恢复前的数据已备份为 " +
                    path_utf8(safety.filename()));
    tx.commit();
    return safety;
}

}  // namespace il::db
