#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/platform/command_line.h"

// core/platform/command_line.cpp: the CLI's arguments reach it as UTF-8 on both platforms.
TEST_CASE("utf8_arguments: Chinese file names in the arguments arrive as UTF-8") {
#ifdef _WIN32
    // quoting as cmd.exe and CreateProcess pass it; not the ANSI code page's question marks
    auto args = il::platform::split_windows_command_line(
        L"investledger-cli.exe report --out \"C:\\报表 2017\\季度报表-2017-06.xlsx\" --user 张三");
    REQUIRE(args.size() == 6);
    CHECK(args[0] == "investledger-cli.exe");
    CHECK(args[3] == "C:\\报表 2017\\季度报表-2017-06.xlsx");
    CHECK(args[5] == "张三");
    // the process's own command line goes the same way (argv is not consulted on Windows)
    char* none[] = {nullptr};
    CHECK_FALSE(il::platform::utf8_arguments(0, none).empty());
#else
    char a0[] = "investledger-cli", a1[] = "--out", a2[] = "季度报表-2017-06.xlsx";
    char* argv[] = {a0, a1, a2, nullptr};
    auto args = il::platform::utf8_arguments(3, argv);
    CHECK(args == std::vector<std::string>{"investledger-cli", "--out", "季度报表-2017-06.xlsx"});
#endif
}
