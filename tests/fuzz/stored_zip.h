#pragma once
// Builds an uncompressed ("stored") zip in memory, so a fuzzer can mutate the XML parts of an
// .xlsx directly instead of deflated bytes that almost never survive a mutation.
#include <zlib.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace il::fuzz {

inline void put16(std::string& s, std::uint16_t v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>(v >> 8);
}
inline void put32(std::string& s, std::uint32_t v) {
    put16(s, static_cast<std::uint16_t>(v & 0xFFFF));
    put16(s, static_cast<std::uint16_t>(v >> 16));
}

inline std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string out, central;
    for (const auto& [name, data] : parts) {
        auto crc = static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()),
                                                    static_cast<uInt>(data.size())));
        auto offset = static_cast<std::uint32_t>(out.size());
        put32(out, 0x04034b50);
        put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0);
        put32(out, crc); put32(out, static_cast<std::uint32_t>(data.size())); put32(out, static_cast<std::uint32_t>(data.size()));
        put16(out, static_cast<std::uint16_t>(name.size())); put16(out, 0);
        out += name;
        out += data;
        put32(central, 0x02014b50);
        put16(central, 20); put16(central, 20); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0);
        put32(central, crc); put32(central, static_cast<std::uint32_t>(data.size())); put32(central, static_cast<std::uint32_t>(data.size()));
        put16(central, static_cast<std::uint16_t>(name.size())); put16(central, 0); put16(central, 0);
        put16(central, 0); put16(central, 0); put32(central, 0); put32(central, offset);
        central += name;
    }
    auto cd_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0); put16(out, 0);
    put16(out, static_cast<std::uint16_t>(parts.size())); put16(out, static_cast<std::uint16_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(central.size())); put32(out, cd_offset);
    put16(out, 0);
    return out;
}

}  // namespace il::fuzz
