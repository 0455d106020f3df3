#pragma once
// SHA-256 (FIPS 180-4) of bytes and files, as lower-case hex: report checksums (report_runs,
// report_archive), backups.
#include <filesystem>
#include <string>
#include <string_view>

namespace il {
std::string sha256_hex(std::string_view bytes);
// Throws FileError when the file cannot be read.
std::string sha256_file(const std::filesystem::path& file);
}  // namespace il
