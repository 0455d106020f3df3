#pragma once
// The small platform layer: where per-user data, settings and shipped data live. Everything else
// uses std::filesystem and UTF-8 only.
#include <filesystem>

namespace il::platform {

// Per-user data folder: $XDG_DATA_HOME/investledger (~/.local/share/investledger) on Linux,
// %APPDATA%\InvestLedger on Windows. Created on demand by callers.
std::filesystem::path user_data_dir();

// The folder of the running executable.
std::filesystem::path executable_dir();

// Shipped read-only data (templates/, locale/): $INVESTLEDGER_DATA_DIR, then ../share/investledger
// next to the executable, then the install prefix, then the source tree (for builds run in place).
std::filesystem::path shipped_data_dir();

// The report templates folder within the shipped data.
std::filesystem::path templates_dir();

}  // namespace il::platform
