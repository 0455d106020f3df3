// The malformed corpus (tests/data/malformed, made by make_corpus.py): every file is read in this
// process (so the sanitizer build checks it too) and must give its expected result: OK, or a
// ReadError whose message names the file and contains the expected words. Never anything else.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>

#include "core/import/read/workbook.h"
#include "tests/core/import/read/reader_fixtures.h"

using namespace il::import;
using namespace il::import::test;

namespace {
const std::filesystem::path kCorpus = std::filesystem::path(IL_TEST_DATA_DIR) / "malformed";

std::map<std::string, std::string> expectations() {
    std::map<std::string, std::string> out;
    std::ifstream in(kCorpus / "expected.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
}
}  // namespace

TEST_CASE("malformed corpus: each file gives its expected result, never a crash") {
    auto expected = expectations();
    std::set<std::string> on_disk;
    for (const auto& entry : std::filesystem::directory_iterator(kCorpus)) {
        auto name = entry.path().filename().string();
        if (name == "expected.tsv" || name == "make_corpus.py" || name == "README.md") continue;
        on_disk.insert(name);
    }
    CHECK(on_disk.size() >= 50);
    for (const auto& name : on_disk) CHECK_MESSAGE(expected.count(name), name << " has no line in expected.tsv");
    // Smaller byte limits than the defaults keep the bombs quick here (and under ASan); the
    // readers_malformed_memory_limit ctest reads the same files with the default limits.
    ReadLimits limits;
    limits.max_uncompressed_bytes = 64ull * 1024 * 1024;
    limits.max_memory_bytes = 64ull * 1024 * 1024;
    int refused = 0;
    for (const auto& [name, want] : expected) {
        CAPTURE(name);
        REQUIRE(on_disk.count(name));
        auto t0 = std::chrono::steady_clock::now();
        std::string error;
        bool ok = false;
        try {
            read_workbook(kCorpus / name, limits);
            ok = true;
        } catch (const ReadError& e) {
            error = e.what();
        } catch (const std::exception& e) {
            FAIL("not a ReadError: " << e.what());
        }
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
        CHECK_MESSAGE(ms < 20000 * kTimeScale, name << " took " << ms << " ms");
        if (want == "ANY") continue;
        if (want == "OK") {
            CHECK_MESSAGE(ok, error);
            continue;
        }
        REQUIRE_MESSAGE(!ok, name << " was read but should be refused");
        ++refused;
        CHECK(contains(error, "“" + name + "”"));  // the message names the file
        CHECK_MESSAGE(contains(error, want), error);
    }
    CHECK(refused >= 50);
}

TEST_CASE("10 MB cells are refused by default and read when the limit allows") {
    const std::string big(10 * 1024 * 1024, 'x');
    TempDir dir;
    auto csv = dir / "big.csv";
    write_file(csv, "名称,说明\n项目," + big + "\n");
    CHECK(contains(read_error_of([&] { read_workbook(csv); }), "第 2 行第 2 列的内容太长"));
    auto xlsx = dir / "big.xlsx";
    write_file(xlsx, minimal_xlsx(sheet_xml("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c></row>"), {big}));
    CHECK(contains(read_error_of([&] { read_workbook(xlsx); }), "共享字符串第 1 个太长"));
    auto inline_xlsx = dir / "big_inline.xlsx";
    write_file(inline_xlsx, minimal_xlsx(sheet_xml("<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>" + big + "</t></is></c></row>")));
    CHECK(contains(read_error_of([&] { read_workbook(inline_xlsx); }), "单元格 B2 的内容太长"));

    ReadLimits roomy;
    roomy.max_cell_bytes = 16 * 1024 * 1024;
    auto t0 = std::chrono::steady_clock::now();
    CHECK(read_workbook(csv, roomy).sheets[0].at(1, 1).text.size() == big.size());
    CHECK(read_workbook(xlsx, roomy).sheets[0].at(1, 1).text.size() == big.size());
    CHECK(read_workbook(inline_xlsx, roomy).sheets[0].at(1, 1).text.size() == big.size());
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    CHECK(ms < 120000 * kTimeScale);  // hang guard; speed is for benchmarks
}
