#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif


#include "core/report/xlsx_writer.h"
#include "core/util/error.h"
#include "tests/core/report/report_test_util.h"
#include "tests/support/process.h"

namespace fs = std::filesystem;
using il::report::XlsxWorkbook;

namespace {
std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const il::FileError& e) {
        return e.what();
    }
    return "(no FileError)";
}
}  // namespace

TEST_CASE("XlsxWorkbook writes the file under the target name only when complete") {
    auto dir = il::test::scratch_dir("writer_ok");
    fs::path target = dir / "报表.xlsx";
    {
        XlsxWorkbook wb(target);
        auto ws = wb.add_sheet("表一");
        ws.text(0, 0, "合计");
        ws.number(0, 1, 12.5);
        ws.formula(0, 2, "=B1*2", 25);
        CHECK_FALSE(fs::exists(target));  // nothing under the target name while writing
        wb.close();
    }
    REQUIRE(fs::exists(target));
    CHECK(files_in(dir) == 1);  // no temporary file left
    std::string sheet = il::test::zip_entry(target, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>B1*2</f><v>25</v>") != std::string::npos);
}

TEST_CASE("close(before_rename): runs on the complete file; when it throws, the old target stays, no temporary file") {
    auto dir = il::test::scratch_dir("writer_before_rename");
    fs::path target = dir / "r.xlsx";
    { std::ofstream(target) << "the old report"; }
    {
        XlsxWorkbook wb(target);
        wb.add_sheet("s").text(0, 0, "x");
        bool ran = false;
        CHECK_THROWS_WITH_AS(wb.close([&] {
            ran = true;
            CHECK(files_in(dir) == 2);  // the old target and the complete temporary file
            throw il::Error("checks failed");
        }), "checks failed", il::Error);
        CHECK(ran);
    }
    CHECK(files_in(dir) == 1);
    CHECK(il::test::read_file_text(target) == "the old report");
    {
        XlsxWorkbook wb(target);
        wb.add_sheet("s").text(0, 0, "new");
        int calls = 0;
        wb.close([&] { ++calls; });
        CHECK(calls == 1);
    }
    CHECK(il::test::zip_entry(target, "xl/sharedStrings.xml").find(">new<") != std::string::npos);  // the new workbook
    CHECK(files_in(dir) == 1);
}

TEST_CASE("An abandoned workbook leaves neither the target nor a temporary file") {
    auto dir = il::test::scratch_dir("writer_abandon");
    fs::path target = dir / "out.xlsx";
    { std::ofstream(target) << "previous report"; }
    try {
        XlsxWorkbook wb(target);
        wb.add_sheet("x").text(0, 0, "half");
        throw std::runtime_error("interrupted");
    } catch (const std::runtime_error&) {
    }
    CHECK(il::test::read_file_text(target) == "previous report");  // the old file is untouched
    CHECK(files_in(dir) == 1);
}

TEST_CASE("Writing to a missing folder or an unwritable place is a clear FileError, before any work") {
    auto dir = il::test::scratch_dir("writer_errors");
    std::string msg = message_of([&] { XlsxWorkbook wb(dir / "no_such_folder" / "out.xlsx"); });
    CHECK(msg.find("文件夹不存在") != std::string::npos);
    CHECK(msg.find("no_such_folder") != std::string::npos);

    fs::create_directories(dir / "a_folder.xlsx");
    msg = message_of([&] { XlsxWorkbook wb(dir / "a_folder.xlsx"); });
    CHECK(msg.find("是一个文件夹") != std::string::npos);

    { std::ofstream(dir / "plain_file") << "x"; }
    msg = message_of([&] { XlsxWorkbook wb(dir / "plain_file" / "out.xlsx"); });
    CHECK(msg.find("不是文件夹") != std::string::npos);

#ifndef _WIN32
    // /proc refuses new files even for root: stands for a folder without write permission.
    msg = message_of([&] { XlsxWorkbook wb("/proc/il_report_test.xlsx"); });
    CHECK(msg.find("/proc") != std::string::npos);
#endif
}

TEST_CASE("workbook_close failing (folder removed while writing) becomes a FileError; target not created") {
    auto dir = il::test::scratch_dir("writer_close_fails");
    fs::path sub = dir / "sub";
    fs::create_directories(sub);
    XlsxWorkbook wb(sub / "out.xlsx");
    wb.add_sheet("x").text(0, 0, "data");
    fs::remove_all(sub);
    std::string msg = message_of([&] { wb.close(); });
    CHECK(msg.find("报表未能写出") != std::string::npos);
    CHECK(msg.find("out.xlsx") != std::string::npos);
    CHECK_FALSE(fs::exists(sub / "out.xlsx"));
}

TEST_CASE("A read-only existing target is reported as locked, not overwritten") {
    auto dir = il::test::scratch_dir("writer_readonly");
    fs::path target = dir / "locked.xlsx";
    { std::ofstream(target) << "submitted"; }
    fs::permissions(target, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
#ifdef _WIN32
    const bool still_writable = _waccess(target.c_str(), 2) == 0;  // Windows: the read-only attribute
#else
    const bool still_writable = ::access(target.c_str(), W_OK) == 0;
#endif
    if (still_writable) {
        MESSAGE("running as root: write permission cannot be taken away; skipped");
    } else {
        std::string msg = message_of([&] { XlsxWorkbook wb(target); });
        CHECK(msg.find("打开或只读") != std::string::npos);
        CHECK(il::test::read_file_text(target) == "submitted");
    }
    fs::permissions(target, fs::perms::owner_all);
}

#ifdef _WIN32
#include <windows.h>
TEST_CASE("Windows: a report open in Excel (file locked by another handle) is not overwritten") {
    auto dir = il::test::scratch_dir("writer_locked");
    fs::path target = dir / "open-in-excel.xlsx";
    { std::ofstream(target) << "submitted"; }
    HANDLE held = CreateFileW(target.wstring().c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
                              FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(held != INVALID_HANDLE_VALUE);
    std::string msg = message_of([&] { XlsxWorkbook wb(target); });
    CHECK(msg.find("打开或只读") != std::string::npos);
    CloseHandle(held);
    CHECK(il::test::read_file_text(target) == "submitted");
    { XlsxWorkbook wb(target); wb.add_sheet("x").text(0, 0, "new"); wb.close(); }  // released: replaced
    CHECK(il::test::read_file_text(target) != "submitted");
}
#endif

TEST_CASE("Sheet names are made valid and unique") {
    auto dir = il::test::scratch_dir("writer_names");
    XlsxWorkbook wb(dir / "n.xlsx");
    wb.add_sheet("1-6月[汇总]:表");
    wb.add_sheet("1-6月[汇总]:表");
    wb.add_sheet("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五");
    wb.close();
    std::string book = il::test::zip_entry(dir / "n.xlsx", "xl/workbook.xml");
    CHECK(book.find("name=\"1-6月_汇总__表\"") != std::string::npos);
    CHECK(book.find("name=\"1-6月_汇总__表(2)\"") != std::string::npos);
    CHECK(il::report::column_letters(0) == "A");
    CHECK(il::report::column_letters(25) == "Z");
    CHECK(il::report::column_letters(26) == "AA");
    CHECK(il::report::cell_ref(5, 27) == "AB6");
}
