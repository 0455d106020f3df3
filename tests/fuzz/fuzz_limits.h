#pragma once
#include "core/import/read/workbook.h"

namespace il::fuzz {
// Small limits: the fuzzer looks for crashes and hangs, not for the size caps themselves.
inline il::import::ReadLimits limits() {
    il::import::ReadLimits l;
    l.max_uncompressed_bytes = 8 * 1024 * 1024;
    l.max_cell_bytes = 64 * 1024;
    l.max_cells = 200'000;
    l.max_memory_bytes = 64 * 1024 * 1024;
    return l;
}
}  // namespace il::fuzz
