// libFuzzer target for the .xls reader (libfreexl needs a path: the input goes through a temp
// file) and for read_workbook's sniffing, which the same file also goes through.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/import/read/reader_support.h"
#include "core/import/read/workbook.h"
#include "tests/fuzz/fuzz_limits.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The BIFF walker (formulas, merges) in this process, where coverage guides the fuzzer; the
    // full read below runs libfreexl in a child process.
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    for (int sheets = 1; sheets <= 3; ++sheets) {
        il::import::Workbook book;
        book.sheets.resize(static_cast<std::size_t>(sheets));
        il::import::detail::add_biff_extras(bytes, book, il::fuzz::limits());
    }
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("il_fuzz_xls_" + std::to_string(::getpid()) + ".xls")).string();
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    try {
        il::import::read_xls(path, il::fuzz::limits());
    } catch (const il::import::ReadError&) {
    }
    try {
        il::import::read_workbook(path, il::fuzz::limits());
    } catch (const il::import::ReadError&) {
    }
    std::remove(path.c_str());
    return 0;
}
