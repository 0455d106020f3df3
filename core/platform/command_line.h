#pragma once
// The program's command-line arguments as UTF-8. On POSIX they are argv's bytes. On Windows
// argv is in the ANSI code page (GBK on a Chinese Windows, or whatever the machine is set to):
// a file name like 季度报表.xlsx that does not fit it arrives as question marks. The manifest's
// UTF-8 code page helps only on Windows 10 1903 and later (and not under wine), so the
// arguments are taken from the UTF-16 command line instead.
#include <string>
#include <vector>

namespace il::platform {

std::vector<std::string> utf8_arguments(int argc, char** argv);

#ifdef _WIN32
// Splits a UTF-16 command line the way Windows programs do (CommandLineToArgvW) into UTF-8.
std::vector<std::string> split_windows_command_line(const wchar_t* command_line);
#endif

// Console output in UTF-8: on Windows the console's code page is set to UTF-8 so that Chinese
// messages are readable there (a redirected stream gets the UTF-8 bytes either way), and
// stdout/stderr are binary, so lines end in "\n" on both platforms.
void use_utf8_console();

}  // namespace il::platform
