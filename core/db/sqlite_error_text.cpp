#include "core/db/sqlite_error_text.h"

#include <sqlite3.h>

#include "core/db/holders.h"

namespace il::db {

std::string sqlite_error_text(int code, const std::string& detail, const std::filesystem::path& db_file) {
    switch (code & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            if (!db_file.empty()) return busy_message(db_file);
            return "数据库正被其他程序（或另一个投资项目台账窗口）使用。请先在那里关闭，然后重试。";
        case SQLITE_READONLY: return "数据库文件是只读的，无法修改。";
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB: return "该文件不是有效的台账数据库，或已损坏。请从备份恢复。";
        case SQLITE_FULL: return "磁盘已满，修改未保存。";
        case SQLITE_CANTOPEN: return "无法打开数据库文件（文件夹不存在或没有权限）。";
        case SQLITE_CONSTRAINT: return "修改与已有数据冲突（代码或名称重复，或记录仍被引用）。";
        default: break;
    }
    return "数据库错误：" + detail;
}

}  // namespace il::db
