#pragma once
// Builders for reader tests: temporary folders, zip packages with hand-written parts, and a
// minimal .xlsx around a sheet's XML (so malformed parts can be tested one at a time).
#include <minizip/zip.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "core/util/utf8_path.h"
#include "tests/support/process.h"

namespace il::import::test {

// Timing checks are for optimized and Debug builds; sanitizers slow everything ~10x.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr long kTimeScale = 10;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr long kTimeScale = 10;
#else
inline constexpr long kTimeScale = 1;
#endif
#else
inline constexpr long kTimeScale = 1;
#endif

class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("il_readers_" + std::to_string(il_test::pid()) + "_" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    // names as UTF-8 (a narrow string would go through the ANSI code page on Windows)
    std::filesystem::path operator/(const std::string& name) const { return path_ / il::u8path(name); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_bytes(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

using Parts = std::vector<std::pair<std::string, std::string>>;

// A zip with the given entries (deflated), as bytes.
inline std::string make_zip(const Parts& parts) {
    TempDir dir;
    auto path = dir / "z.zip";
    zipFile z = zipOpen64(il::path_utf8(path).c_str(), APPEND_STATUS_CREATE);  // (a wide string on Windows)
    for (const auto& [name, data] : parts) {
        zip_fileinfo info{};
        zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                              Z_DEFAULT_COMPRESSION, data.size() > 0xFFFFFFFFull ? 1 : 0);
        zipWriteInFileInZip(z, data.data(), static_cast<unsigned>(data.size()));
        zipCloseFileInZip(z);
    }
    zipClose(z, nullptr);
    return read_bytes(path);
}

inline const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>)";

inline std::string workbook_xml(const std::string& sheet_name = "Sheet1", bool date1904 = false) {
    return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
           (date1904 ? R"(<workbookPr date1904="1"/>)" : "") + R"(<sheets><sheet name=")" + sheet_name +
           R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)";
}

inline std::string shared_strings_xml(const std::vector<std::string>& items) {
    std::string s = R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    for (const auto& i : items) s += "<si><t>" + i + "</t></si>";
    return s + "</sst>";
}

// cellXfs: 0 General, 1 built-in 14 (date), 2 custom 164 "yyyy\"年\"m\"月\"", 3 custom 165 "#,##0.00".
inline const char* kStylesXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>
</styleSheet>)";

inline std::string sheet_xml(const std::string& sheet_data, const std::string& after = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           sheet_data + "</sheetData>" + after + "</worksheet>";
}

// A whole .xlsx package around one sheet's XML.
inline std::string minimal_xlsx(const std::string& sheet, const std::vector<std::string>& strings = {},
                                bool date1904 = false, const std::string& styles = kStylesXml) {
    return make_zip({
        {"[Content_Types].xml", R"(<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)"},
        {"_rels/.rels", R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml", workbook_xml("Sheet1", date1904)},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels},
        {"xl/worksheets/sheet1.xml", sheet},
        {"xl/sharedStrings.xml", shared_strings_xml(strings)},
        {"xl/styles.xml", styles},
    });
}

}  // namespace il::import::test

#include "core/import/read/workbook.h"

namespace il::import::test {

// The message of the ReadError `f` throws, or "" (and a failed check by the caller) if none.
template <class F>
std::string read_error_of(F&& f) {
    try {
        f();
    } catch (const ReadError& e) {
        return e.what();
    }
    return "";
}

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace il::import::test
