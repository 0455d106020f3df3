#pragma once
// A read-only view of a zip archive held in memory (minizip), with limits: the number of
// entries and the total uncompressed bytes read are counted, so a zip bomb stops early.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace il::import::detail {

class ZipArchive {
public:
    // Throws ReadError (naming `file_label`) when the bytes are not a readable zip.
    ZipArchive(std::string_view bytes, std::string file_label, std::uint64_t max_uncompressed_bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Entry names are matched without regard to case and a leading '/'.
    bool has(std::string_view name) const;
    // Streams an entry's uncompressed bytes in chunks to `sink`. A sink returns false to stop.
    // Throws ReadError on a corrupt entry, a CRC mismatch or when the byte budget runs out.
    void stream(std::string_view name, const std::function<bool(const char*, std::size_t)>& sink);
    // Reads a whole (small) entry, at most `max_bytes`.
    std::string read_all(std::string_view name, std::uint64_t max_bytes);

    std::uint64_t bytes_read() const { return used_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string label_;
    std::uint64_t budget_;
    std::uint64_t used_ = 0;
};

// Lower case, no leading '/', backslashes as '/'.
std::string normalize_zip_name(std::string_view name);

}  // namespace il::import::detail
