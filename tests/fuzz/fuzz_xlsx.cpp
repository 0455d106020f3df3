// libFuzzer target for the .xlsx reader. Two input modes:
//  - bytes starting with "PK": a whole .xlsx (zip level: directory, entries, inflate, CRC);
//  - anything else: the XML parts of a workbook, separated by a line "--PART--" (sheet,
//    sharedStrings, styles, workbook, workbook rels), packed into a stored zip (XML level).
// Any exception other than ReadError, any crash, leak or UB report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/import/read/workbook.h"
#include "tests/fuzz/fuzz_limits.h"
#include "tests/fuzz/stored_zip.h"

namespace {

const char* kDefaults[] = {
    R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>42809</v></c></row></sheetData></worksheet>)",
    R"(<sst><si><t>项目</t></si></sst>)",
    R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>)",
    R"(<workbook xmlns:r="r"><workbookPr date1904="0"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)",
    R"(<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="x/styles" Target="styles.xml"/></Relationships>)",
};
const char* kNames[] = {"xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml",
                        "xl/_rels/workbook.xml.rels"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    try {
        if (in.substr(0, 2) == "PK") {
            il::import::read_xlsx_bytes(in, il::fuzz::limits());
        } else {
            std::vector<std::pair<std::string, std::string>> parts;
            std::size_t start = 0;
            for (int i = 0; i < 5; ++i) {
                std::string part;
                if (start <= in.size()) {
                    auto sep = in.find("--PART--", start);
                    part = std::string(in.substr(start, sep == std::string_view::npos ? std::string_view::npos : sep - start));
                    start = sep == std::string_view::npos ? in.size() + 1 : sep + 8;
                }
                parts.emplace_back(kNames[i], i == 0 || !part.empty() ? part : std::string(kDefaults[i]));
            }
            il::import::read_xlsx_bytes(il::fuzz::stored_zip(parts), il::fuzz::limits());
        }
    } catch (const il::import::ReadError&) {
    }
    return 0;
}
