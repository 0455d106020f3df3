#pragma once
// Who has a ledger database open. SQLite itself cannot say which program holds a lock, so every
// process that opens a database file announces itself in a small side folder beside it:
//   ledger.db-holders/<host>-<pid>.txt   (lines: host, user, pid, program, since, mode)
// named like SQLite's own ledger.db-wal / ledger.db-shm. The file is removed when the database is
// closed; files left by crashed processes on this host are pruned (their pid is gone). Files of
// other hosts (a shared folder) are shown as they are. This is advisory only: it never blocks.
#include <filesystem>
#include <string>
#include <vector>

namespace il::db {

struct Holder {
    std::string host, user, program, since, mode;  // mode: "写入" or "只读"
    long pid = 0;
};

// The side folder for a database file: <file>-holders.
std::filesystem::path holders_dir(const std::filesystem::path& db_file);

// Announces this process as a holder of `db_file` for its lifetime (RAII). Never throws:
// a folder that cannot be written (read-only medium) just means nobody is told.
class HolderRegistration {
public:
    HolderRegistration(const std::filesystem::path& db_file, bool writer, const std::string& user);
    ~HolderRegistration();
    HolderRegistration(const HolderRegistration&) = delete;
    HolderRegistration& operator=(const HolderRegistration&) = delete;

private:
    std::filesystem::path file_;
};

// Everybody else known to have `db_file` open (this process excluded; dead local pids pruned).
std::vector<Holder> other_holders(const std::filesystem::path& db_file);

// "数据库正被另一个程序使用（张三 在 PC-01 上，investledger-gui，自 2026-11-26 09:12 起），请稍后重试：<file>"
std::string busy_message(const std::filesystem::path& db_file);

// This computer's name.
std::string host_name();

}  // namespace il::db
