#pragma once
// SHA-256 (FIPS 180-4), small and self-contained: the checksum recorded for every generated
// report (report_runs.sha256) so that the file as submitted can be recognised later.
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace il {

class Sha256 {
public:
    Sha256();
    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // Finishes the digest; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> digest();
    std::string hex_digest();  // 64 lower-case hex digits

private:
    void block(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t buf_len_ = 0;
    std::uint64_t total_ = 0;
    bool done_ = false;
};

std::string sha256_hex(std::string_view data);
// Hash of a file's bytes; throws FileError when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace il
