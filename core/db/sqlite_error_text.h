#pragma once
// An SQLite error as text for the user (Chinese, like core's own messages), decided once for the
// GUI and the CLI: busy/locked names who holds the file (holders.h), the common failures say what
// to do, anything else is "数据库错误：" and SQLite's own words.
#include <filesystem>
#include <string>

namespace il::db {

// `code` is the (possibly extended) SQLite result code, `detail` SQLite's message; `db_file`
// (may be empty) is the ledger the error happened on.
std::string sqlite_error_text(int code, const std::string& detail, const std::filesystem::path& db_file = {});

}  // namespace il::db
