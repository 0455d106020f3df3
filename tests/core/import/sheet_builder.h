#pragma once
// Test helper: Sheets built in memory, row by row, as a reader would deliver them.
#include <initializer_list>
#include <string>
#include <variant>
#include <vector>

#include "core/import/read/workbook.h"

namespace il::import::test {

using V = std::variant<std::monostate, double, int, const char*, std::string>;

inline Cell make_cell(const V& v) {
    Cell c;
    if (std::holds_alternative<double>(v)) {
        c.type = CellType::Number;
        c.number = std::get<double>(v);
    } else if (std::holds_alternative<int>(v)) {
        c.type = CellType::Number;
        c.number = std::get<int>(v);
    } else if (std::holds_alternative<const char*>(v)) {
        c.type = CellType::Text;
        c.text = std::get<const char*>(v);
    } else if (std::holds_alternative<std::string>(v)) {
        c.type = CellType::Text;
        c.text = std::get<std::string>(v);
    }
    return c;
}

struct SheetBuilder {
    Sheet sheet;
    int next = 0;
    explicit SheetBuilder(std::string name = "Sheet1") { sheet.name = std::move(name); }
    SheetBuilder& row(std::vector<V> values) {
        Row r;
        r.index = next++;
        bool any = false;
        for (const auto& v : values) {
            r.cells.push_back(make_cell(v));
            if (!r.cells.back().empty()) any = true;
        }
        while (!r.cells.empty() && r.cells.back().empty()) r.cells.pop_back();
        if (any) sheet.rows.push_back(std::move(r));
        return *this;
    }
    SheetBuilder& blank() {
        ++next;
        return *this;
    }
    // 0-based, inclusive
    SheetBuilder& merge(int r1, int c1, int r2, int c2) {
        sheet.merges.push_back({r1, c1, r2, c2});
        return *this;
    }
    Workbook workbook() const { return Workbook{{sheet}}; }
};

}  // namespace il::import::test
