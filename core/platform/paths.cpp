#include "core/platform/paths.h"

#include <cstdlib>
#include <system_error>

#include "core/util/utf8_path.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace il::platform {
namespace fs = std::filesystem;

fs::path user_data_dir() {
#ifdef _WIN32
    if (std::string appdata = env_utf8("APPDATA"); !appdata.empty()) return u8path(appdata) / "InvestLedger";
    return fs::current_path() / "InvestLedger";
#else
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "investledger";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local/share/investledger";
    return fs::current_path() / ".investledger";
#endif
}

fs::path executable_dir() {
    std::error_code ec;
#ifdef _WIN32
    wchar_t buf[MAX_PATH];
    DWORD n = GetModuleFileNameW(nullptr, buf, MAX_PATH);
    if (n > 0) return fs::path(std::wstring(buf, n)).parent_path();
#else
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) return p.parent_path();
#endif
    return fs::current_path();
}

fs::path shipped_data_dir() {
    std::error_code ec;
    if (std::string env = env_utf8("INVESTLEDGER_DATA_DIR"); !env.empty()) return u8path(env);
    fs::path beside = executable_dir() / ".." / "share" / "investledger";
    if (fs::is_directory(beside / "templates", ec)) return fs::weakly_canonical(beside, ec);
    fs::path installed = u8path(IL_DATA_DIR);
    if (fs::is_directory(installed / "templates", ec)) return installed;
    return u8path(IL_SOURCE_DIR);  // running from a build tree: templates/ and po/ of the source
}

fs::path templates_dir() { return shipped_data_dir() / "templates"; }

}  // namespace il::platform
