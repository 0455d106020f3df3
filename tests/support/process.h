#pragma once
// Running the programs under test through the shell, the same way on POSIX (sh) and Windows
// (cmd.exe, also under wine): quoting, exit status, pipes, the process id for scratch folders.
// Commands are UTF-8 (Windows: passed on as UTF-16, so Chinese arguments arrive intact).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#ifdef _WIN32
#include <process.h>
#include <windows.h>
#else
#include <sys/wait.h>
#include <unistd.h>
#endif

namespace il_test {

inline long pid() {
#ifdef _WIN32
    return static_cast<long>(_getpid());
#else
    return static_cast<long>(::getpid());
#endif
}

// One argument for the shell: '…' for sh, "…" for cmd.exe (and the program's argv parser).
inline std::string shell_quote(const std::string& s) {
#ifdef _WIN32
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += "\\\"";
        else q += c;
    }
    return q + "\"";
#else
    std::string q = "'";
    for (char c : s) {
        if (c == '\'') q += "'\\''";
        else q += c;
    }
    return q + "'";
#endif
}

// A path as the shell and the programs under test take it (UTF-8, native separators).
inline std::string path_arg(const std::filesystem::path& p) {
#ifdef _WIN32
    auto u8 = p.u8string();
    std::string s(u8.begin(), u8.end());
    for (char& c : s)
        if (c == '/') c = '\\';
    return s;
#else
    return p.string();
#endif
}

inline std::string quote_path(const std::filesystem::path& p) { return shell_quote(path_arg(p)); }

// The program investledger-cli, quoted for the shell.
inline std::string quoted_cli(const char* cli_path) { return quote_path(std::filesystem::path(cli_path)); }

inline const char* null_device() {
#ifdef _WIN32
    return "NUL";
#else
    return "/dev/null";
#endif
}

#ifdef _WIN32
inline std::wstring widen(const std::string& s) {
    if (s.empty()) return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<std::size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}
#endif

// Runs `cmd` through the shell; the exit status, or -1 when the program did not exit normally.
inline int run_shell(const std::string& cmd) {
#ifdef _WIN32
    // cmd.exe /c drops the outermost pair of quotes when the command starts with one
    return _wsystem(widen("\"" + cmd + "\"").c_str());
#else
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#endif
}

// Runs `cmd` and returns what it wrote to stdout; `status` gets the exit status (-1: abnormal).
inline std::string run_capture(const std::string& cmd, int* status = nullptr) {
    std::string out;
#ifdef _WIN32
    FILE* p = _wpopen(widen("\"" + cmd + "\"").c_str(), L"rb");
#else
    FILE* p = popen(cmd.c_str(), "r");
#endif
    if (!p) {
        if (status) *status = -1;
        return out;
    }
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
#ifdef _WIN32
    int st = _pclose(p);
    if (status) *status = st;
#else
    int st = pclose(p);
    if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
#endif
    return out;
}

}  // namespace il_test
