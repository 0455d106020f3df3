#include "core/import/read/ole_sniff.h"

#include <cstdint>
#include <cstring>
#include <set>
#include <vector>

namespace il::import::detail {

namespace {

std::uint32_t u32(std::string_view b, std::size_t at) {
    if (at + 4 > b.size()) return 0xFFFFFFFFu;
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}

std::uint16_t u16(std::string_view b, std::size_t at) {
    if (at + 2 > b.size()) return 0;
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + at);
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

std::string utf16le_ascii_name(std::string_view raw) {
    std::string out;
    for (std::size_t i = 0; i + 1 < raw.size(); i += 2) {
        std::uint16_t c = static_cast<std::uint16_t>(static_cast<unsigned char>(raw[i]) |
                                                     (static_cast<unsigned char>(raw[i + 1]) << 8));
        if (c == 0) break;
        out += c < 0x80 ? static_cast<char>(c) : '?';
    }
    return out;
}

}  // namespace

bool is_ole_file(std::string_view bytes) {
    static const unsigned char sig[8] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    return bytes.size() >= 8 && std::memcmp(bytes.data(), sig, 8) == 0;
}

std::vector<std::string> ole_entry_names(std::string_view b) {
    std::vector<std::string> names;
    if (!is_ole_file(b) || b.size() < 512) return names;
    const unsigned shift = u16(b, 0x1E);
    if (shift != 9 && shift != 12) return names;
    const std::size_t sector = std::size_t{1} << shift;
    auto sector_offset = [&](std::uint32_t n) { return (static_cast<std::size_t>(n) + 1) * sector; };
    // FAT sector numbers from the header's DIFAT (the first 109 cover files up to ~7 MB / 436 MB).
    std::vector<std::uint32_t> fat_sectors;
    const std::uint32_t fat_count = u32(b, 0x2C);
    for (std::uint32_t i = 0; i < 109 && i < fat_count; ++i) {
        std::uint32_t s = u32(b, 0x4C + 4 * i);
        if (s >= 0xFFFFFFFAu) break;
        fat_sectors.push_back(s);
    }
    auto next_sector = [&](std::uint32_t s) -> std::uint32_t {
        const std::size_t per = sector / 4;
        std::size_t idx = s / per;
        if (idx >= fat_sectors.size()) return 0xFFFFFFFEu;
        return u32(b, sector_offset(fat_sectors[idx]) + 4 * (s % per));
    };
    std::set<std::uint32_t> seen;
    std::uint32_t dir = u32(b, 0x30);
    while (dir < 0xFFFFFFFAu && seen.insert(dir).second && seen.size() < 100000) {
        std::size_t off = sector_offset(dir);
        if (off + sector > b.size()) break;
        for (std::size_t e = 0; e < sector / 128; ++e) {
            std::size_t at = off + e * 128;
            std::uint16_t len = u16(b, at + 0x40);
            std::uint8_t type = static_cast<std::uint8_t>(b[at + 0x42]);
            if (type == 0 || len < 2 || len > 64) continue;
            names.push_back(utf16le_ascii_name(b.substr(at, len)));
        }
        dir = next_sector(dir);
    }
    return names;
}

std::optional<std::string> ole_stream(std::string_view b, std::string_view wanted) {
    if (!is_ole_file(b) || b.size() < 512) return std::nullopt;
    const unsigned shift = u16(b, 0x1E);
    if (shift != 9 && shift != 12) return std::nullopt;
    const std::size_t sector = std::size_t{1} << shift;
    const std::size_t per = sector / 4;
    auto sector_offset = [&](std::uint32_t n) { return (static_cast<std::size_t>(n) + 1) * sector; };
    const std::size_t max_sectors = b.size() / sector + 1;
    // FAT sectors: the header's 109 DIFAT slots, then the DIFAT chain.
    std::vector<std::uint32_t> fat_sectors;
    const std::uint32_t fat_count = u32(b, 0x2C);
    for (std::uint32_t i = 0; i < 109 && fat_sectors.size() < fat_count; ++i) fat_sectors.push_back(u32(b, 0x4C + 4 * i));
    std::uint32_t difat = u32(b, 0x44);
    for (std::size_t guard = 0; difat < 0xFFFFFFFAu && fat_sectors.size() < fat_count && guard < max_sectors; ++guard) {
        std::size_t off = sector_offset(difat);
        if (off + sector > b.size()) return std::nullopt;
        for (std::size_t i = 0; i + 1 < per && fat_sectors.size() < fat_count; ++i) fat_sectors.push_back(u32(b, off + 4 * i));
        difat = u32(b, off + 4 * (per - 1));
    }
    auto next = [&](std::uint32_t s) -> std::uint32_t {
        std::size_t idx = s / per;
        if (idx >= fat_sectors.size()) return 0xFFFFFFFEu;
        std::size_t off = sector_offset(fat_sectors[idx]) + 4 * (s % per);
        return off + 4 <= b.size() ? u32(b, off) : 0xFFFFFFFEu;
    };
    auto read_chain = [&](std::uint32_t start, std::uint64_t size) -> std::optional<std::string> {
        std::string out;
        std::uint32_t s = start;
        for (std::size_t guard = 0; s < 0xFFFFFFFAu && out.size() < size; ++guard) {
            if (guard > max_sectors) return std::nullopt;  // a loop in the chain
            std::size_t off = sector_offset(s);
            if (off + sector > b.size()) {
                if (off >= b.size()) return std::nullopt;
                out.append(b.substr(off));
                break;
            }
            out.append(b.substr(off, sector));
            s = next(s);
        }
        if (out.size() < size) return std::nullopt;
        out.resize(static_cast<std::size_t>(size));
        return out;
    };
    // Directory.
    struct Entry {
        std::string name;
        std::uint8_t type;
        std::uint32_t start;
        std::uint64_t size;
    };
    std::vector<Entry> entries;
    std::uint32_t dir = u32(b, 0x30);
    for (std::size_t guard = 0; dir < 0xFFFFFFFAu && guard < max_sectors; ++guard) {
        std::size_t off = sector_offset(dir);
        if (off + sector > b.size()) break;
        for (std::size_t e = 0; e < sector / 128; ++e) {
            std::size_t at = off + e * 128;
            std::uint16_t len = u16(b, at + 0x40);
            Entry entry;
            entry.type = static_cast<std::uint8_t>(b[at + 0x42]);
            entry.name = len >= 2 && len <= 64 ? utf16le_ascii_name(b.substr(at, len)) : "";
            entry.start = u32(b, at + 0x74);
            entry.size = u32(b, at + 0x78);  // version 3 files: the high half is unreliable
            entries.push_back(std::move(entry));
        }
        dir = next(dir);
    }
    if (entries.empty() || entries[0].type != 5) return std::nullopt;
    const Entry* found = nullptr;
    for (const auto& e : entries)
        if (e.type == 2 && e.name == wanted) found = &e;
    if (!found || found->size > b.size()) return std::nullopt;
    if (found->size >= u32(b, 0x38)) return read_chain(found->start, found->size);
    // A small stream lives in the mini stream (64-byte sectors inside the root entry's data).
    auto mini_stream = read_chain(entries[0].start, entries[0].size);
    if (!mini_stream) return std::nullopt;
    std::string minifat;
    {
        std::uint32_t s = u32(b, 0x3C);
        for (std::size_t guard = 0; s < 0xFFFFFFFAu && guard < max_sectors; ++guard) {
            std::size_t off = sector_offset(s);
            if (off + sector > b.size()) return std::nullopt;
            minifat.append(b.substr(off, sector));
            s = next(s);
        }
    }
    std::string out;
    std::uint32_t m = found->start;
    const std::size_t max_mini = mini_stream->size() / 64 + 1;
    for (std::size_t guard = 0; m < 0xFFFFFFFAu && out.size() < found->size; ++guard) {
        if (guard > max_mini) return std::nullopt;
        std::size_t off = static_cast<std::size_t>(m) * 64;
        if (off + 64 > mini_stream->size()) return std::nullopt;
        out.append(mini_stream->substr(off, 64));
        m = 4 * static_cast<std::size_t>(m) + 4 <= minifat.size() ? u32(minifat, 4 * static_cast<std::size_t>(m)) : 0xFFFFFFFEu;
    }
    if (out.size() < found->size) return std::nullopt;
    out.resize(static_cast<std::size_t>(found->size));
    return out;
}

bool is_encrypted_ooxml(std::string_view bytes) {
    if (!is_ole_file(bytes)) return false;
    for (const auto& n : ole_entry_names(bytes))
        if (n == "EncryptedPackage" || n == "EncryptionInfo") return true;
    // A directory we could not walk: look for the stream name itself (UTF-16LE).
    static const char needle[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
    return bytes.find(std::string_view(needle, sizeof(needle) - 1)) != std::string_view::npos;
}

}  // namespace il::import::detail
