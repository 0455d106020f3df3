#include "core/import/sheet_layout.h"

#include <algorithm>
#include <regex>
#include <set>

#include "core/import/text_norm.h"

namespace il::import {
namespace {

constexpr int kMaxHeaderScan = 60;

// How strongly a header text names a field of `kind`: 2 for the name field, 1 for others.
int header_score(std::string_view text, RecordKind kind, bool* is_name = nullptr) {
    if (text.empty()) return 0;
    HeaderLabel h = parse_header_label(text);
    const FieldDef* f = field_for_header(kind, h.core);
    if (!f) return 0;
    if (is_name && (f->key == "name")) *is_name = true;
    return 1;
}

// A text that is header vocabulary (a field name, or a group such as "2017年" / "1-6月").
bool header_like(std::string_view text, RecordKind kind) {
    if (text.empty()) return false;
    if (header_score(text, kind)) return true;
    HeaderLabel h = parse_header_label(text);
    if (h.core.empty() && (h.year || h.month_to || h.this_month)) return true;
    std::string n = normalize_label(text);
    for (std::string_view g : {"情况", "投资", "进展", "完成", "计划", "手续", "时间", "基本", "指标"})
        if (contains(n, g) && n.size() <= 30) return true;
    return false;
}

bool is_numeric_cell(const Cell& c) { return c.type == CellType::Number || c.type == CellType::Boolean; }

bool is_header_continuation(const SheetGrid& grid, int row, RecordKind kind) {
    const Row* r = grid.row(row);
    if (!r) return false;
    int text_cells = 0, like = 0;
    for (std::size_t c = 0; c < r->cells.size(); ++c) {
        const Cell& cell = r->cells[c];
        if (cell.empty()) continue;
        if (is_numeric_cell(cell)) return false;
        ++text_cells;
        if (header_like(cell.text, kind)) ++like;
    }
    return text_cells > 0 && like * 2 >= text_cells;
}

std::string join_parts(const std::vector<std::string>& parts, std::string_view sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) s += sep;
        s += parts[i];
    }
    return s;
}

}  // namespace

std::string ColumnHeader::text() const {
    std::string s = join_parts(parts, " / ");
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r'; }), s.end());
    return s;
}

bool is_column_number_row(const SheetGrid& grid, int row) {
    const Row* r = grid.row(row);
    if (!r) return false;
    static const std::set<std::string> stems = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
                                                "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥", "A", "B", "C", "D", "E"};
    static const std::regex formula(R"(^\d{1,3}(=[\d+\-*/×÷().%]+)?$)");
    int filled = 0, numbering = 0;
    for (const Cell& c : r->cells) {
        if (c.empty()) continue;
        ++filled;
        if (c.type == CellType::Number) {
            if (c.number >= 0 && c.number <= 300 && c.number == static_cast<int>(c.number)) ++numbering;
            continue;
        }
        std::string t = normalize_label(c.text);
        if (stems.count(t) || std::regex_match(t, formula)) ++numbering;
    }
    return filled >= 2 && numbering == filled;
}

std::optional<SheetLayout> detect_layout(const SheetGrid& grid, RecordKind kind) {
    const Sheet& sheet = grid.sheet();
    int best_row = -1, best_score = 0;
    int scanned = 0;
    for (const Row& r : sheet.rows) {
        if (++scanned > kMaxHeaderScan) break;
        int score = 0;
        bool has_name = false;
        std::set<std::string> seen;
        int width = std::max(static_cast<int>(r.cells.size()), grid.column_count());
        for (int c = 0; c < width && c < 400; ++c) {
            const Cell& cell = grid.at(r.index, c);
            if (cell.type != CellType::Text || cell.text.empty()) continue;
            std::string n = normalize_label(cell.text);
            if (!seen.insert(n).second) continue;
            score += header_score(cell.text, kind, &has_name);
        }
        if (!has_name) continue;
        if (score > best_score) {
            best_score = score;
            best_row = r.index;
        }
    }
    if (best_row < 0 || best_score < 2) return std::nullopt;
    return layout_at(grid, kind, best_row);
}

std::optional<SheetLayout> guess_table_layout(const SheetGrid& grid, RecordKind kind) {
    const Sheet& sheet = grid.sheet();
    int scanned = 0;
    for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
        const Row& r = sheet.rows[i];
        if (++scanned > kMaxHeaderScan) break;
        int texts = 0, numbers = 0;
        std::set<std::string> seen;
        for (const Cell& c : r.cells) {
            if (c.empty()) continue;
            if (c.type == CellType::Text) {
                std::string n = normalize_label(c.text);
                if (!n.empty() && seen.insert(n).second) ++texts;
            } else {
                ++numbers;
            }
        }
        if (texts < 3 || numbers > 0) continue;
        // followed by a data row (after a column-number row, if any)
        int next = r.index + 1;
        if (is_column_number_row(grid, next)) ++next;
        bool data = false;
        for (std::size_t j = i + 1; j < sheet.rows.size() && !data; ++j) {
            const Row& d = sheet.rows[j];
            if (d.index < next) continue;
            int filled = 0;
            for (const Cell& c : d.cells)
                if (!c.empty()) ++filled;
            if (filled >= 2) data = true;
            break;
        }
        if (!data) continue;
        SheetLayout L = layout_at(grid, kind, r.index);
        L.guessed = true;
        return L;
    }
    return std::nullopt;
}

SheetLayout layout_at(const SheetGrid& grid, RecordKind kind, int best_row) {
    const Sheet& sheet = grid.sheet();
    SheetLayout L;
    L.sheet = sheet.name;
    int h0 = best_row, h1 = best_row;
    for (const auto& m : sheet.merges) {
        if (m.first_row == m.last_row) continue;
        if (m.first_row <= best_row && best_row <= m.last_row && m.last_row - m.first_row <= 3) {
            h0 = std::min(h0, m.first_row);
            h1 = std::max(h1, m.last_row);
        }
    }
    // A second header row without vertical merges (group cells merged across above it)
    if (h1 == best_row && !is_column_number_row(grid, h1 + 1) && is_header_continuation(grid, h1 + 1, kind))
        h1 = h1 + 1;
    if (h0 == best_row && h0 > 0 && !is_column_number_row(grid, h0 - 1) && is_header_continuation(grid, h0 - 1, kind)) {
        // only when it holds group cells merged across several columns (not a title line)
        bool group = false;
        for (const auto& m : sheet.merges)
            if (m.first_row == h0 - 1 && m.last_row == h0 - 1 && m.last_col > m.first_col &&
                m.last_col - m.first_col + 1 < std::max(2, grid.column_count() - 1))
                group = true;
        const Row* above = grid.row(h0 - 1);
        bool unit_line = false;
        if (above)
            for (const Cell& c : above->cells)
                if (c.type == CellType::Text && parse_unit_line(c.text)) unit_line = true;
        if (group && !unit_line) h0 = h0 - 1;
    }
    L.header_first = h0;
    L.header_last = h1;

    int width = grid.column_count();
    for (int c = 0; c < width; ++c) {
        ColumnHeader col;
        col.col = c;
        for (int r = h0; r <= h1; ++r) {
            std::string t = cell_text(grid.at(r, c));
            if (t.empty()) continue;
            if (!col.parts.empty() && normalize_label(col.parts.back()) == normalize_label(t)) continue;
            col.parts.push_back(t);
        }
        if (!col.parts.empty()) L.columns.push_back(std::move(col));
    }

    L.data_first = h1 + 1;
    if (is_column_number_row(grid, h1 + 1)) {
        L.has_column_numbers = true;
        L.data_first = h1 + 2;
        for (int c = 0; c < width; ++c) L.column_number_cells.push_back(cell_text(grid.raw(h1 + 1, c)));
    }

    // Lines above the header: title, 填报单位, 单位
    static const std::regex year_re(R"((\d{4})\s*年)");
    static const std::regex range_re(R"((\d{1,2})\s*-\s*(\d{1,2})\s*月)");
    static const std::regex month_re(R"((\d{1,2})\s*月)");
    for (const Row& r : sheet.rows) {
        if (r.index >= h0) break;
        for (const Cell& c : r.cells) {
            if (c.type != CellType::Text || c.text.empty()) continue;
            std::string n = normalize_label(c.text);
            if (auto u = parse_unit_line(c.text)) L.unit = u;
            std::size_t p = n.find("填报单位");
            if (p != std::string::npos) {
                std::size_t colon = n.find(':', p);
                if (colon != std::string::npos) {
                    std::string rest = n.substr(colon + 1);
                    std::size_t unit_pos = rest.find("单位:");
                    if (unit_pos != std::string::npos) rest = rest.substr(0, unit_pos);
                    L.reporting_unit = rest;
                }
                continue;
            }
            if (L.title.empty() && !parse_unit_line(c.text)) {
                L.title = trim(c.text);
                std::smatch m;
                std::string t = n;
                if (std::regex_search(t, m, year_re)) {
                    int y = std::stoi(m[1].str());
                    if (y >= 1990 && y <= 2100) L.year = y;
                    std::string after = m.suffix().str();
                    std::smatch mm;
                    if (std::regex_search(after, mm, range_re)) {
                        int b = std::stoi(mm[2].str());
                        if (b >= 1 && b <= 12) L.month = b;
                    } else if (std::regex_search(after, mm, month_re)) {
                        int b = std::stoi(mm[1].str());
                        if (b >= 1 && b <= 12) L.month = b;
                    }
                }
            }
        }
    }
    return L;
}

}  // namespace il::import
