#include <doctest/doctest.h>

#include "core/import/read/workbook.h"
#include "tests/core/import/read/reader_fixtures.h"

using namespace il::import;
using namespace il::import::test;

namespace {
const std::filesystem::path kLedgerXls = std::filesystem::path(IL_TEST_DATA_DIR) / "readers" / "ledger.xls";
}

TEST_CASE("xls reader: a ledger saved by LibreOffice as Excel 97-2003") {
    Workbook book = read_xls(kLedgerXls);
    REQUIRE(book.sheets.size() == 2);
    const Sheet& s = book.sheets[0];
    CHECK(s.name == "2017年项目");
    CHECK(s.at(0, 0).text == "固安县2017年重点项目台账");
    CHECK(s.at(2, 2).text == "1-6月完成");
    CHECK(s.at(3, 0).text == "新能源汽车零部件项目");
    CHECK(s.at(3, 1).type == CellType::Number);
    CHECK(s.at(3, 1).number == 12000);
    CHECK(s.at(3, 2).number == doctest::Approx(3456.78));
    CHECK_FALSE(s.at(3, 2).is_date);
    CHECK(s.at(3, 3).is_date);
    CHECK(s.at(3, 3).number == 42809);                      // 2017-03-15
    CHECK(s.at(3, 4).number == doctest::Approx(42916.354));  // 2017-06-30 08:30
    CHECK(s.at(4, 3).number == 42705);                      // 2016-12-01 (yyyy"年"m"月"d"日")
    CHECK(s.at(4, 4).is_date);
    CHECK(s.at(4, 4).number == doctest::Approx(0.6146).epsilon(0.001));  // 14:45
    CHECK(s.at(5, 0).empty());                              // the blank row is not kept
    CHECK(s.at(6, 0).text == "合计");
    // freexl skips FORMULA records and merges; the reader takes both from the BIFF stream.
    CHECK(s.at(6, 1).is_formula);
    CHECK(s.at(6, 1).type == CellType::Number);
    CHECK(s.at(6, 1).number == doctest::Approx(20000.5));
    REQUIRE(s.merges.size() == 1);
    CHECK(s.merges[0].first_row == 0);
    CHECK(s.merges[0].first_col == 0);
    CHECK(s.merges[0].last_row == 0);
    CHECK(s.merges[0].last_col == 4);
    CHECK(book.sheets[1].name == "说明");
    CHECK(book.sheets[1].at(2, 1).text == "填报人：张三");
    // read_workbook picks the xls reader by content, whatever the extension says.
    TempDir dir;
    auto renamed = dir / "renamed.xlsx";
    std::filesystem::copy_file(kLedgerXls, renamed);
    CHECK(read_workbook(renamed).sheets[0].at(3, 1).number == 12000);
}

TEST_CASE("xls reader: damaged and foreign files") {
    TempDir dir;
    std::string good = read_bytes(kLedgerXls);
    SUBCASE("truncated") {
        auto p = dir / "截断.xls";
        write_file(p, good.substr(0, good.size() / 3));
        auto msg = read_error_of([&] { read_workbook(p); });
        CHECK(contains(msg, "截断.xls"));
        CHECK_FALSE(msg.empty());
    }
    SUBCASE("not an OLE file") {
        auto p = dir / "text.xls";
        write_file(p, "名称,金额\n");
        CHECK(contains(read_error_of([&] { read_xls(p); }), "不是 .xls"));
        CHECK(contains(read_error_of([&] { read_workbook(p); }), "内容是纯文本"));
    }
    SUBCASE("HTML saved as .xls (what many web systems export)") {
        auto p = dir / "导出.xls";
        write_file(p, "<html><body><table><tr><td>项目</td></tr></table></body></html>");
        CHECK(contains(read_error_of([&] { read_workbook(p); }), "网页（HTML）格式"));
    }
    SUBCASE("empty file") {
        auto p = dir / "空.xls";
        write_file(p, "");
        CHECK(contains(read_error_of([&] { read_workbook(p); }), "文件是空的"));
    }
}

TEST_CASE("fuzz regressions: inputs that once crashed a reader are refused cleanly") {
    const auto root = std::filesystem::path(IL_TEST_DATA_DIR).parent_path() / "fuzz" / "regressions";
    int files = 0;
    for (const char* target : {"xlsx", "csv", "xls"}) {
        if (!std::filesystem::exists(root / target)) continue;
        for (const auto& e : std::filesystem::directory_iterator(root / target)) {
            if (e.path().filename() == ".keep") continue;
            ++files;
            CAPTURE(e.path().string());
            try {
                if (std::string(target) == "xls") read_xls(e.path());
                else if (std::string(target) == "csv") read_csv(e.path());
                else read_xlsx(e.path());
            } catch (const ReadError& err) {
                CHECK(std::string(err.what()).find("无法读取文件") == 0);
            }
        }
    }
    CHECK(files >= 1);
}

TEST_CASE("xls reader: freexl runs in a child process, so its crashes become ReadErrors") {
    // The regression input overflows a stack buffer inside freexl_open (libfreexl 1.0.6); read
    // it many times: each read forks and reaps a child, none may leak or hang.
    auto bad = std::filesystem::path(IL_TEST_DATA_DIR).parent_path() / "fuzz" / "regressions" / "xls" /
               "freexl_open_iconv_stack_underflow.xls";
    for (int i = 0; i < 20; ++i) CHECK_THROWS_AS(read_xls(bad), ReadError);
    CHECK(read_xls(kLedgerXls).sheets.size() == 2);
}
