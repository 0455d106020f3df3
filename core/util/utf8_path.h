#pragma once
// File names as UTF-8 text. Core keeps text in UTF-8 std::string; on POSIX a path is those
// bytes. On Windows std::filesystem converts a narrow string with the C library's code page
// (msvcrt has no UTF-8 locale), so 季度报表.xlsx would become mojibake: text that names a file,
// and a path shown to the user or handed to SQLite, goes through these two.
#include <filesystem>
#include <string>
#include <string_view>

namespace il {

std::filesystem::path u8path(std::string_view utf8);
std::string path_utf8(const std::filesystem::path& p);

// An environment variable as UTF-8 (Windows: read as UTF-16), or "" when unset.
std::string env_utf8(const char* name);

}  // namespace il
