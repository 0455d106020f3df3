#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "core/util/atomic_write.h"
#include "core/util/utf8_path.h"

namespace fs = std::filesystem;

// On Windows a narrow string given to std::filesystem is read in the C library's code page; these
// check that UTF-8 file names reach the disk as the characters they spell (on POSIX: as bytes).
TEST_CASE("u8path and path_utf8: a Chinese file name round-trips and is the name on disk") {
    const std::string name = "季度报表-2017-06.xlsx";
    fs::path p = il::u8path(name);
    CHECK(il::path_utf8(p) == name);
    CHECK(p.u8string() == std::u8string(u8"季度报表-2017-06.xlsx"));
#ifdef _WIN32
    CHECK(p.wstring() == L"季度报表-2017-06.xlsx");  // 16 UTF-16 units, not 28 bytes' worth
#endif
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() / il::u8path("il-utf8-" + std::to_string(rd()) + "-台账");
    fs::create_directories(dir);
    il::write_file_atomically(dir / p, "x");
    int seen = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        CHECK(il::path_utf8(e.path().filename()) == name);
        ++seen;
    }
    CHECK(seen == 1);
    CHECK(il::path_utf8(dir).find("台账") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("env_utf8: an environment variable with Chinese text") {
#ifdef _WIN32
    _wputenv(L"IL_UTF8_TEST=投资项目");
#else
    setenv("IL_UTF8_TEST", "投资项目", 1);
#endif
    CHECK(il::env_utf8("IL_UTF8_TEST") == "投资项目");
    CHECK(il::env_utf8("IL_UTF8_TEST_UNSET_VARIABLE").empty());
}
