// replay_dump: reads a workbook the report engine wrote and dumps what raw_writer needs to write
// the same cells again (every sheet, cell value, formula with its cached value, merge), and the
// detail rows of the biggest sheet as CSV for the pandas comparison (pandas_sheet.py).
//   replay_dump IN.xlsx OUT.replay OUT.csv     prints "sheets=N cells=N merges=N csv_rows=N csv_sheet=NAME"
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

#include "core/import/read/workbook.h"

namespace {
std::string esc(const std::string& s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        if (c == '\t') o += "\\t";
        else if (c == '\n') o += "\\n";
        else if (c == '\\') o += "\\\\";
        else o += c;
    }
    return o;
}
std::string csv(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: replay_dump IN.xlsx OUT.replay OUT.csv\n";
        return 2;
    }
    il::import::ReadLimits limits;
    limits.max_uncompressed_bytes = 8ull << 30;
    limits.max_memory_bytes = 8ull << 30;
    limits.max_cells = 200'000'000;
    const auto wb = il::import::read_xlsx(argv[1], limits);
    std::ofstream out(argv[2], std::ios::binary);
    std::size_t cells = 0, merges = 0;
    const il::import::Sheet* biggest = nullptr;
    for (const auto& sh : wb.sheets) {
        out << "S\t" << esc(sh.name) << "\n";
        std::multimap<int, const il::import::MergedRange*> by_row;
        for (const auto& m : sh.merges) by_row.emplace(m.first_row, &m);
        auto merge_first = [&](int r, int c) {
            auto [a, b] = by_row.equal_range(r);
            for (auto it = a; it != b; ++it)
                if (it->second->first_col == c) return true;
            return false;
        };
        for (const auto& row : sh.rows) {
            for (std::size_t c = 0; c < row.cells.size(); ++c) {
                const auto& cell = row.cells[c];
                if (cell.empty() || merge_first(row.index, static_cast<int>(c))) continue;
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.17g", cell.number);
                if (cell.is_formula && cell.type == il::import::CellType::Number) out << "F\t" << row.index << "\t" << c << "\t" << buf << "\n";
                else if (cell.type == il::import::CellType::Number) out << "N\t" << row.index << "\t" << c << "\t" << buf << "\n";
                else out << "T\t" << row.index << "\t" << c << "\t" << esc(cell.text) << "\n";
                ++cells;
            }
            auto [a, b] = by_row.equal_range(row.index);
            for (auto it = a; it != b; ++it) {
                const auto& m = *it->second;
                out << "M\t" << m.first_row << "\t" << m.first_col << "\t" << m.last_row << "\t" << m.last_col << "\t"
                    << esc(sh.at(m.first_row, m.first_col).text) << "\n";
                ++merges;
            }
        }
        if (!biggest || sh.rows.size() > biggest->rows.size()) biggest = &sh;
    }
    // The detail rows of the biggest sheet: those whose first cell is a number (序号).
    std::size_t csv_rows = 0;
    if (biggest) {
        std::ofstream c(argv[3], std::ios::binary);
        std::size_t width = 0;
        for (const auto& row : biggest->rows) width = std::max(width, row.cells.size());
        for (std::size_t k = 0; k < width; ++k) c << (k ? "," : "") << "c" << k;
        c << "\n";
        for (const auto& row : biggest->rows) {
            if (row.cells.empty() || row.cells[0].type != il::import::CellType::Number) continue;
            for (std::size_t k = 0; k < width; ++k) {
                if (k) c << ",";
                if (k >= row.cells.size() || row.cells[k].empty()) continue;
                const auto& cell = row.cells[k];
                if (cell.type == il::import::CellType::Number) {
                    char buf[64];
                    std::snprintf(buf, sizeof buf, "%.17g", cell.number);
                    c << buf;
                } else {
                    c << csv(cell.text);
                }
            }
            c << "\n";
            ++csv_rows;
        }
    }
    std::printf("sheets=%zu cells=%zu merges=%zu csv_rows=%zu csv_sheet=%s\n", wb.sheets.size(), cells, merges, csv_rows,
                biggest ? biggest->name.c_str() : "");
    return 0;
}
