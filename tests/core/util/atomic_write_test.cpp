#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "core/util/atomic_write.h"
#include "core/util/error.h"
#include "core/util/utf8_path.h"

namespace fs = std::filesystem;

TEST_CASE("write_file_atomically replaces the file and leaves no temporary") {
    std::random_device rd;
    fs::path dir = fs::temp_directory_path() / ("il-atomic-" + std::to_string(rd()));
    fs::create_directories(dir);
    fs::path f = dir / il::u8path("报表.xlsx");
    il::write_file_atomically(f, "one");
    il::write_file_atomically(f, "two two");
    {
        std::ifstream in(f, std::ios::binary);  // closed before the folder is removed (Windows refuses an open file)
        std::ostringstream ss;
        ss << in.rdbuf();
        CHECK(ss.str() == "two two");
    }
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) { (void)e; ++n; }
    CHECK(n == 1);
    CHECK_THROWS_AS(il::write_file_atomically(dir / "missing-folder" / "x.xlsx", "x"), il::FileError);
    fs::remove_all(dir);
}
