#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "core/platform/paths.h"
#include "core/util/utf8_path.h"

namespace fs = std::filesystem;

namespace {
void set_env(const char* name, const std::string& value) {
#ifdef _WIN32
    // as UTF-16: the narrow form goes through the ANSI code page, which need not hold 张三
    std::wstring wname(name, name + std::char_traits<char>::length(name));
    _wputenv_s(wname.c_str(), il::u8path(value).wstring().c_str());
#else
    setenv(name, value.c_str(), 1);
#endif
}
}  // namespace

// core/platform/paths.cpp: the user data folder is %APPDATA%\InvestLedger on Windows and
// $XDG_DATA_HOME/investledger on Linux; a Chinese user name in the folder survives.
TEST_CASE("user_data_dir: the platform's per-user data folder") {
#ifdef _WIN32
    const char* var = "APPDATA";
    const std::string base = "C:\\Users\\张三\\AppData\\Roaming";
    const std::string leaf = "InvestLedger";
#else
    const char* var = "XDG_DATA_HOME";
    const std::string base = "/home/张三/.local/share";
    const std::string leaf = "investledger";
#endif
    const std::string saved = il::env_utf8(var);
    set_env(var, base);
    fs::path dir = il::platform::user_data_dir();
    CHECK(dir == il::u8path(base) / leaf);
    CHECK(il::path_utf8(dir.filename()) == leaf);
    CHECK(il::path_utf8(dir).find("张三") != std::string::npos);
    set_env(var, saved);
}

TEST_CASE("executable_dir: the folder of the running test program") {
    fs::path dir = il::platform::executable_dir();
    CHECK(fs::is_directory(dir));
#ifdef _WIN32
    CHECK(fs::exists(dir / "core_tests.exe"));
#else
    CHECK(fs::exists(dir / "core_tests"));
#endif
}
