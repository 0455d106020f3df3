#include "cli/server_login.h"

#include <iostream>

#ifdef _WIN32
#include <windows.h>
#else
#include <termios.h>
#include <unistd.h>
#endif

#include "core/db/ledger_open.h"
#include "core/util/error.h"

namespace il::cli {
using namespace il::db::storage;

// The server password, typed without echo; only when ~/.pgpass did not have it. Never stored.
std::string prompt_password(const std::string& url) {
#ifdef _WIN32
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    bool console = GetConsoleMode(in, &mode);
    if (!console) throw DatabaseError("服务器 " + url + " 需要密码：请写入 %APPDATA%\\postgresql\\pgpass.conf（程序不保存密码）");
    std::cerr << "服务器 " << url << " 的密码：" << std::flush;
    SetConsoleMode(in, mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT));
    std::string pw;
    std::getline(std::cin, pw);
    SetConsoleMode(in, mode);
#else
    if (!isatty(STDIN_FILENO)) throw DatabaseError("服务器 " + url + " 需要密码：请写入 ~/.pgpass（权限 600；程序不保存密码）");
    std::cerr << "服务器 " << url << " 的密码：" << std::flush;
    termios old{};
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::string pw;
    std::getline(std::cin, pw);
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    std::cerr << "\n";
    return pw;
}

std::unique_ptr<Connection> connect_server(const std::string& url) { return db::connect_server(url, prompt_password); }

}  // namespace il::cli
