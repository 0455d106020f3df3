#include "core/db/holders.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include "core/util/clock.h"
#include "core/util/utf8_path.h"

#ifdef _WIN32
#include <windows.h>
#else
#include <csignal>
#include <cerrno>
#include <unistd.h>
#endif

namespace il::db {
namespace fs = std::filesystem;

namespace {
long current_pid() {
#ifdef _WIN32
    return static_cast<long>(GetCurrentProcessId());
#else
    return static_cast<long>(getpid());
#endif
}

bool pid_alive(long pid) {
#ifdef _WIN32
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, static_cast<DWORD>(pid));
    if (!h) return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    bool alive = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return alive;
#else
    if (pid <= 0) return false;
    return kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#endif
}

std::string program_name() {
    std::error_code ec;
#ifdef _WIN32
    wchar_t buf[MAX_PATH];
    DWORD n = GetModuleFileNameW(nullptr, buf, MAX_PATH);
    if (n > 0) {
        auto u8 = fs::path(std::wstring(buf, n)).stem().u8string();
        return std::string(u8.begin(), u8.end());
    }
    return "";
#else
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : il::path_utf8(p.filename());
#endif
}

std::string safe_name(std::string s) {
    for (char& c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) c = '_';
    return s;
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

fs::path holder_file(const fs::path& db_file, const std::string& host, long pid) {
    return holders_dir(db_file) / (safe_name(host) + "-" + std::to_string(pid) + ".txt");
}
}  // namespace

std::string host_name() {
#ifdef _WIN32
    wchar_t buf[256];
    DWORD n = 256;
    if (GetComputerNameW(buf, &n)) {
        auto u8 = fs::path(std::wstring(buf, n)).u8string();
        return std::string(u8.begin(), u8.end());
    }
    return "unknown";
#else
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) == 0 && buf[0]) return buf;
    return "unknown";
#endif
}

fs::path holders_dir(const fs::path& db_file) {
    fs::path d = db_file;
    d += "-holders";
    return d;
}

HolderRegistration::HolderRegistration(const fs::path& db_file, bool writer, const std::string& user) {
    std::error_code ec;
    fs::create_directories(holders_dir(db_file), ec);
    if (ec) return;
    (void)other_holders(db_file);  // prunes files left by crashed processes of this host
    std::string host = host_name();
    fs::path target = holder_file(db_file, host, current_pid());
    fs::path tmp = target;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out << "host=" << one_line(host) << "\n"
            << "user=" << one_line(user) << "\n"
            << "pid=" << current_pid() << "\n"
            << "program=" << one_line(program_name()) << "\n"
            << "since=" << now_iso() << "\n"
            << "mode=" << (writer ? "写入" : "只读") << "\n";
        if (!out) return;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return;
    }
    file_ = target;
}

HolderRegistration::~HolderRegistration() {
    if (file_.empty()) return;
    std::error_code ec;
    fs::remove(file_, ec);
    fs::remove(file_.parent_path(), ec);  // only succeeds when empty
}

std::vector<Holder> other_holders(const fs::path& db_file) {
    std::vector<Holder> out;
    std::error_code ec;
    fs::path dir = holders_dir(db_file);
    if (!fs::is_directory(dir, ec)) return out;
    std::string me_host = host_name();
    long me_pid = current_pid();
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() != ".txt") continue;
        std::ifstream in(it->path(), std::ios::binary);
        if (!in) continue;
        Holder h;
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();  // written in text mode on Windows
            auto eq = line.find('=');
            if (eq == std::string::npos) continue;
            std::string key = line.substr(0, eq), value = line.substr(eq + 1);
            if (key == "host") h.host = value;
            else if (key == "user") h.user = value;
            else if (key == "pid") h.pid = std::atol(value.c_str());
            else if (key == "program") h.program = value;
            else if (key == "since") h.since = value;
            else if (key == "mode") h.mode = value;
        }
        if (h.host == me_host) {
            if (h.pid == me_pid) continue;
            if (!pid_alive(h.pid)) {  // left behind by a crashed process
                in.close();
                std::error_code rm;
                fs::remove(it->path(), rm);
                continue;
            }
        }
        out.push_back(h);
    }
    return out;
}

std::string busy_message(const fs::path& db_file) {
    std::ostringstream msg;
    msg << "数据库正被另一个程序使用";
    auto holders = other_holders(db_file);
    if (!holders.empty()) {
        msg << "（";
        for (std::size_t i = 0; i < holders.size(); ++i) {
            const auto& h = holders[i];
            if (i) msg << "；";
            msg << (h.user.empty() ? "未知用户" : h.user) << " 在 " << (h.host.empty() ? "未知计算机" : h.host) << " 上";
            if (!h.program.empty()) msg << "，" << h.program;
            msg << "，进程 " << h.pid;
            if (h.since.size() >= 16) msg << "，自 " << h.since.substr(0, 10) << " " << h.since.substr(11, 5) << " 起";
        }
        msg << "）";
    }
    msg << "，请稍后重试：" << il::path_utf8(db_file);
    return msg.str();
}

}  // namespace il::db
