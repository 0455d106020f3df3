#pragma once
// Helpers of the city-level tests: a scratch folder, the demo city split into its offices'
// ledgers, and cell-by-cell reading of report workbooks.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/city/office_ledger.h"
#include "core/city/package_writer.h"
#include "core/db/database.h"
#include "core/db/dictionary_seed.h"
#include "core/demo/demo_generator.h"
#include "core/import/read/workbook.h"
#include "core/report/template_catalog.h"

namespace il::test {

struct CityDir {
    std::filesystem::path path;
    explicit CityDir(const std::string& name) {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("il-city-" + name + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path);
    }
    ~CityDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

inline std::unique_ptr<db::Database> open_ledger(const std::filesystem::path& file, const std::string& user = "tester") {
    db::OpenOptions o;
    o.user = user;
    o.auto_backup = false;
    o.announce = false;
    return db::Database::open(file, o);
}

inline report::TemplateCatalog shipped_templates() { return report::TemplateCatalog({std::filesystem::path(IL_TEMPLATES_DIR)}); }

// A new city ledger with the default dictionaries (those the demo uses).
inline std::unique_ptr<db::Database> new_city(const std::filesystem::path& file) {
    auto db = open_ledger(file, "市局");
    db::seed_dictionaries(*db, db::default_dictionaries_json());
    return db;
}

inline std::vector<std::string> region_names(db::Database& db) {
    std::vector<std::string> out;
    SQLite::Statement q(db.sql(), "SELECT name FROM regions ORDER BY sort_order, id");
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

// The office's own ledger split from `city` (all its records, figures and settings).
inline std::filesystem::path split_office(db::Database& city, const std::string& region, const std::filesystem::path& dir) {
    auto file = dir / (region + ".db");
    city::write_office_ledger(city, {{region}, std::nullopt, true}, file);
    auto county = open_ledger(file, region);
    county->set_setting("office_name", region);
    return file;
}

// The cells of every sheet as text ("number:…" / "text:…"), row by row.
inline std::vector<std::pair<std::string, std::vector<std::string>>> workbook_cells(const std::filesystem::path& file) {
    auto wb = import::read_xlsx(file);
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const auto& s : wb.sheets) {
        std::vector<std::string> cells;
        for (const auto& r : s.rows)
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                const auto& cell = r.cells[c];
                if (cell.empty()) continue;
                char num[40];
                std::snprintf(num, sizeof num, "%.17g", cell.number);
                std::string v = cell.type == import::CellType::Number ? std::string("n:") + num : "t:" + cell.text;
                cells.push_back(std::to_string(r.index) + "," + std::to_string(c) + "=" + v);
            }
        out.emplace_back(s.name, cells);
    }
    return out;
}

}  // namespace il::test
