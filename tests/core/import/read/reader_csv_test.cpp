#include <doctest/doctest.h>

#include "core/import/read/workbook.h"
#include "tests/core/import/read/reader_fixtures.h"

using namespace il::import;
using namespace il::import::test;

TEST_CASE("csv reader: UTF-8 with and without BOM, RFC 4180 quoting") {
    std::string body =
        "项目名称,总投资（万元）,备注\r\n"
        "\"固安, 工业园区\",\"1,234.5\",\"他说\"\"好\"\"\"\r\n"
        "\r\n"
        "多行项目,100,\"第一行\n第二行\"\n"
        "空格 , 2 ,\n";
    for (const std::string& bytes : {body, "\xEF\xBB\xBF" + body}) {
        const Sheet s = read_csv_bytes(bytes).sheets.at(0);
        CHECK(s.at(0, 0).text == "项目名称");  // no BOM left in the first cell
        CHECK(s.at(0, 1).text == "总投资（万元）");
        CHECK(s.at(1, 0).text == "固安, 工业园区");
        CHECK(s.at(1, 1).type == CellType::Text);  // numbers stay text
        CHECK(s.at(1, 1).text == "1,234.5");
        CHECK(s.at(1, 2).text == "他说\"好\"");
        CHECK(s.at(2, 0).empty());  // the blank record
        REQUIRE(s.rows.size() == 4);
        CHECK(s.rows[2].index == 3);
        CHECK(s.at(3, 2).text == "第一行\n第二行");
        CHECK(s.at(4, 0).text == "空格 ");
        CHECK(s.at(4, 1).text == " 2 ");
        CHECK(s.at(4, 2).empty());
    }
}

TEST_CASE("csv reader: GBK / GB18030 bytes are converted") {
    // "项目名称,固安县\r\n工业园区,万元\r\n" in GBK.
    std::string gbk = "\xCF\xEE\xC4\xBF\xC3\xFB\xB3\xC6,\xB9\xCC\xB0\xB2\xCF\xD8\r\n\xB9\xA4\xD2\xB5\xD4\xB0\xC7\xF8,\xCD\xF2\xD4\xAA\r\n";
    const Sheet s = read_csv_bytes(gbk).sheets.at(0);
    CHECK(s.at(0, 0).text == "项目名称");
    CHECK(s.at(0, 1).text == "固安县");
    CHECK(s.at(1, 0).text == "工业园区");
    CHECK(s.at(1, 1).text == "万元");
}

TEST_CASE("csv reader: UTF-16 with BOM (Excel's 'Unicode text') and tabs") {
    std::u16string u = u"名称\t金额\r\n项目A\t12\r\n";
    std::string bytes = "\xFF\xFE";
    for (char16_t c : u) {
        bytes += static_cast<char>(c & 0xFF);
        bytes += static_cast<char>(c >> 8);
    }
    const Sheet s = read_csv_bytes(bytes).sheets.at(0);
    CHECK(s.at(0, 0).text == "名称");
    CHECK(s.at(1, 1).text == "12");
}

TEST_CASE("csv reader: separators") {
    SUBCASE("semicolon when clearly used") {
        const Sheet s = read_csv_bytes("名称;金额;日期\nA;1,5;2017-03\nB;2,5;2017-04\n").sheets[0];
        CHECK(s.at(1, 1).text == "1,5");
        CHECK(s.at(2, 2).text == "2017-04");
    }
    SUBCASE("tab") {
        const Sheet s = read_csv_bytes("名称\t金额\nA\t1,234\nB\t5\n").sheets[0];
        CHECK(s.at(1, 1).text == "1,234");
    }
    SUBCASE("comma wins when used consistently, even with a stray semicolon") {
        const Sheet s = read_csv_bytes("标题行\n名称,金额\nA;x,1\nB,2\n").sheets[0];
        CHECK(s.at(2, 0).text == "A;x");
    }
    SUBCASE("Excel's sep= line") {
        const Sheet s = read_csv_bytes("sep=;\r\na;b,c\r\n").sheets[0];
        CHECK(s.at(0, 0).text == "a");
        CHECK(s.at(0, 1).text == "b,c");
        CHECK(s.rows[0].index == 0);
    }
    SUBCASE("a single column") {
        const Sheet s = read_csv_bytes("名称\n甲\n乙").sheets[0];
        CHECK(s.at(2, 0).text == "乙");
    }
}

TEST_CASE("csv reader: bad input gives a clear ReadError") {
    TempDir dir;
    SUBCASE("unterminated quote names the line") {
        auto path = dir / "坏.csv";
        write_file(path, "a,b\nc,\"never closed\nmore\n");
        auto msg = read_error_of([&] { read_csv(path); });
        CHECK(contains(msg, "坏.csv"));
        CHECK(contains(msg, "第 2 行开始的带引号字段没有结束引号"));
    }
    SUBCASE("bytes that are neither UTF-8 nor GB18030") {
        auto msg = read_error_of([&] { read_csv_bytes("ok,1\nok,2\nbad\x80\xFF,3\n"); });
        CHECK(contains(msg, "第 3 行含有无法识别的字符"));
    }
    SUBCASE("a BOM then invalid UTF-8") {
        auto msg = read_error_of([&] { read_csv_bytes("\xEF\xBB\xBFok\n\xC3\x28\n"); });
        CHECK(contains(msg, "第 2 行含有无效的 UTF-8"));
    }
    SUBCASE("binary") {
        CHECK(contains(read_error_of([&] { read_csv_bytes(std::string("a,b\0c", 5)); }), "二进制"));
    }
    SUBCASE("huge cell") {
        ReadLimits limits;
        limits.max_cell_bytes = 100;
        CHECK(contains(read_error_of([&] { read_csv_bytes("a," + std::string(200, 'x') + "\n", limits); }),
                       "第 1 行第 2 列的内容太长"));
    }
    SUBCASE("missing file") {
        CHECK(contains(read_error_of([&] { read_csv(dir / "没有.csv"); }), "文件不存在"));
    }
}

TEST_CASE("csv reader: sheet named after the file, read_workbook picks csv by content") {
    TempDir dir;
    auto path = dir / "固安台账.csv";
    write_file(path, "名称,金额\n甲,1\n");
    Workbook book = read_workbook(path);
    CHECK(book.sheets.at(0).name == "固安台账");
    CHECK(book.sheets[0].at(1, 0).text == "甲");
    auto txt = dir / "export.txt";
    write_file(txt, "名称\t金额\n甲\t1\n");
    CHECK(read_workbook(txt).sheets[0].at(1, 1).text == "1");
}
