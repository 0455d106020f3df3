#include "core/platform/command_line.h"

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <windows.h>
#include <shellapi.h>

#include <cstdio>
#endif

#include "core/util/error.h"

namespace il::platform {

#ifdef _WIN32
namespace {
std::string to_utf8(const wchar_t* w) {
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, nullptr, 0, nullptr, nullptr);
    if (n <= 0) return {};
    std::string s(static_cast<std::size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w, -1, s.data(), n, nullptr, nullptr);
    s.pop_back();  // the terminating NUL WideCharToMultiByte counted
    return s;
}
}  // namespace

std::vector<std::string> split_windows_command_line(const wchar_t* command_line) {
    int count = 0;
    wchar_t** parts = CommandLineToArgvW(command_line, &count);
    if (!parts) throw Error("无法读取命令行参数（CommandLineToArgvW 失败）");
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) out.push_back(to_utf8(parts[i]));
    LocalFree(parts);
    return out;
}

std::vector<std::string> utf8_arguments(int, char**) { return split_windows_command_line(GetCommandLineW()); }

void use_utf8_console() {
    SetConsoleOutputCP(CP_UTF8);
    SetConsoleCP(CP_UTF8);
    // "\n" as "\n": the output scripts read is the same bytes on Windows as on Linux (text
    // mode would make it "\r\n"; the console shows either the same)
    _setmode(_fileno(stdout), _O_BINARY);
    _setmode(_fileno(stderr), _O_BINARY);
}
#else
std::vector<std::string> utf8_arguments(int argc, char** argv) { return {argv, argv + argc}; }

void use_utf8_console() {}
#endif

}  // namespace il::platform
