#include "core/query/file_backup.h"

#include <ctime>

#include "core/util/error.h"

namespace il::query {
namespace fs = std::filesystem;

void backup_database(db::Database& db, const fs::path& target) {
    std::error_code ec;
    fs::path tmp = target;
    tmp += ".part";
    fs::remove(tmp, ec);
    try {
        SQLite::Database out(tmp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup backup(out, db.sql());
        backup.executeStep(-1);
    } catch (const SQLite::Exception& e) {
        fs::remove(tmp, ec);
        throw FileError("备份失败（" + target.string() + "）：" + e.what());
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw FileError("无法写入备份文件 " + target.string() + "：" + ec.message());
    }
}

fs::path restore_database(const fs::path& backup, const fs::path& target) {
    std::error_code ec;
    if (!fs::is_regular_file(backup, ec)) throw FileError("备份文件不存在：" + backup.string());
    {
        db::OpenOptions o;
        o.create = false;
        o.read_only = true;
        o.migrate = false;
        try {
            auto check = db::Database::open(backup, o);
            SQLite::Statement q(check->sql(), "SELECT COUNT(*) FROM sqlite_master WHERE name = 'projects'");
            if (!q.executeStep() || q.getColumn(0).getInt() != 1)
                throw DatabaseError("不是投资项目台账的数据库：" + backup.string());
        } catch (const SQLite::Exception& e) {
            throw DatabaseError("备份文件无法打开（" + backup.string() + "）：" + e.what());
        }
    }
    fs::path safety = target;
    safety += ".before-restore";
    if (fs::exists(target, ec)) {
        fs::copy_file(target, safety, fs::copy_options::overwrite_existing, ec);
        if (ec) throw FileError("无法保存当前数据库的副本 " + safety.string() + "：" + ec.message());
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        fs::path side = target;
        side += suffix;
        fs::remove(side, ec);
    }
    fs::path tmp = target;
    tmp += ".restoring";
    fs::copy_file(backup, tmp, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(tmp, target, ec);
    if (ec) throw FileError("恢复失败（" + target.string() + "）：" + ec.message());
    return safety;
}

fs::path default_backup_name(const fs::path& db_file) {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
#ifdef _WIN32
    localtime_s(&tm, &t);
#else
    localtime_r(&t, &tm);
#endif
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    return db_file.stem().string() + "-" + stamp + ".backup.db";
}

}  // namespace il::query
