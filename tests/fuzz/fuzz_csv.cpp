// libFuzzer target for the .csv reader (encoding detection, GB18030 conversion, quoting).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/import/read/workbook.h"
#include "tests/fuzz/fuzz_limits.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto book = il::import::read_csv_bytes(std::string_view(reinterpret_cast<const char*>(data), size),
                                               il::fuzz::limits());
        // Every cell is text and every kept row holds something.
        for (const auto& row : book.sheets.at(0).rows) {
            bool any = false;
            for (const auto& c : row.cells) {
                if (c.type != il::import::CellType::Text && c.type != il::import::CellType::Empty) __builtin_trap();
                any = any || !c.empty();
            }
            if (!any) __builtin_trap();
        }
    } catch (const il::import::ReadError&) {
    }
    return 0;
}
