#pragma once
// Helpers of the report tests: the fixture ledger, reading parts of a produced .xlsx (minizip),
// and the values of sheet cells from the sheet XML.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <minizip/unzip.h>

#include "core/db/database.h"
#include "core/db/storage/ledger_copy.h"
#include "tests/support/test_ledger.h"
#include "tests/support/process.h"

namespace il::test {

inline std::string read_file_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A ledger with tests/data/report_fixture.sql loaded (see make_report_fixture.py): in memory, or
// a schema on the test server in pg_tests (test_ledger.h).
inline std::unique_ptr<db::Database> report_fixture_db() {
    auto db = open_test_ledger("tester");
    db->exec(read_file_text(std::filesystem::path(IL_TEST_DATA_DIR) / "report_fixture.sql"));
    if (auto* server = db->server()) db::storage::move_identity_sequences(*server);  // rows came with ids
    return db;
}

// One entry of a zip file ("xl/worksheets/sheet1.xml"); empty when missing.
inline std::string zip_entry(const std::filesystem::path& zip, const std::string& name) {
    unzFile z = unzOpen64(zip.string().c_str());
    if (!z) return {};
    std::string out;
    if (unzLocateFile(z, name.c_str(), 1) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
        char buf[65536];
        int n;
        while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
        unzCloseCurrentFile(z);
    }
    unzClose(z);
    return out;
}

// The names of the entries of a zip file, in their stored order.
inline std::vector<std::string> zip_entry_names(const std::filesystem::path& zip) {
    std::vector<std::string> out;
    unzFile z = unzOpen64(zip.string().c_str());
    if (!z) return out;
    for (int rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
        char name[1024];
        if (unzGetCurrentFileInfo64(z, nullptr, name, sizeof name, nullptr, 0, nullptr, 0) == UNZ_OK) out.emplace_back(name);
    }
    unzClose(z);
    return out;
}

// Numeric cell values of a sheet XML ("F6" -> 5920000), formulas' cached values included.
inline std::map<std::string, double> numeric_cells(const std::string& sheet_xml) {
    std::map<std::string, double> out;
    static const std::regex cell(R"re(<c r="([A-Z]+[0-9]+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v>)re");
    for (auto it = std::sregex_iterator(sheet_xml.begin(), sheet_xml.end(), cell); it != std::sregex_iterator(); ++it) {
        if ((*it)[2].str().find("t=\"s\"") != std::string::npos) continue;  // shared string index
        out[(*it)[1].str()] = std::stod((*it)[3].str());
    }
    return out;
}

// Formula text of each formula cell.
inline std::map<std::string, std::string> formula_cells(const std::string& sheet_xml) {
    std::map<std::string, std::string> out;
    static const std::regex cell(R"re(<c r="([A-Z]+[0-9]+)"[^>]*><f>([^<]*)</f>)re");
    for (auto it = std::sregex_iterator(sheet_xml.begin(), sheet_xml.end(), cell); it != std::sregex_iterator(); ++it)
        out[(*it)[1].str()] = (*it)[2].str();
    return out;
}

// A fresh empty scratch folder under the system temp folder.
inline std::filesystem::path scratch_dir(const std::string& name) {
    // The process id keeps parallel runs (other worktrees, ctest -j) apart.
    auto d = std::filesystem::temp_directory_path() /
             ("il_report_test_" + std::to_string(il_test::pid()) + "_" + name);
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}

}  // namespace il::test
