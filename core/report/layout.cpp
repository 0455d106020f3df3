#include "core/report/layout.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <cmath>
#include <tuple>

#include "core/report/sheet_values.h"
#include "core/util/error.h"

namespace il::report {

// --- placeholders and labels ------------------------------------------------------------------

std::string expand_placeholders(const std::string& pattern, const ReportContext& ctx,
                                const std::map<std::string, std::string>& extra) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            auto close = pattern.find('}', i + 1);
            if (close != std::string::npos) {
                std::string name = pattern.substr(i + 1, close - i - 1);
                std::string value;
                bool known = true;
                if (auto it = extra.find(name); it != extra.end()) value = it->second;
                else if (name == "place") value = ctx.place;
                else if (name == "year") value = std::to_string(ctx.period.year);
                else if (name == "month") value = std::to_string(ctx.period.month);
                else if (name == "period") value = ctx.period.label();
                else if (name == "last_year") value = std::to_string(ctx.period.last_year());
                else if (name == "scope") value = ctx.scope;
                else known = false;
                if (known) {
                    out += value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += pattern[i++];
    }
    return out;
}

namespace {

using sheet::is_text_type;

const char* kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸",
                        "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};

}  // namespace

std::vector<std::string> column_number_labels(const SheetDef& sheet) {
    std::vector<std::string> labels(sheet.columns.size());
    std::map<std::string, int> numbers;  // key -> figure number
    std::size_t stem = 0;
    int n = 0;
    for (const auto& c : sheet.columns) {
        if (!is_text_type(c.type)) numbers[c.key] = ++n;
    }
    for (std::size_t i = 0; i < sheet.columns.size(); ++i) {
        const auto& c = sheet.columns[i];
        if (c.number) {
            labels[i] = *c.number;
            if (is_text_type(c.type)) ++stem;
            continue;
        }
        if (is_text_type(c.type)) {
            labels[i] = stem < std::size(kStems) ? kStems[stem] : std::to_string(stem + 1);
            ++stem;
            continue;
        }
        std::string self = std::to_string(numbers[c.key]);
        auto num = [&](const std::string& k) { return std::to_string(numbers[k]); };
        switch (c.derive) {
            case DeriveOp::None: labels[i] = self; break;
            case DeriveOp::Ratio: labels[i] = self + "=" + num(c.of) + "/" + num(c.to); break;
            case DeriveOp::Growth: labels[i] = self + "=" + num(c.of) + "/" + num(c.to) + "-1"; break;
            case DeriveOp::Share: labels[i] = self + "=" + num(c.of) + "/合计"; break;
            case DeriveOp::Diff: labels[i] = self + "=" + num(c.of) + "-" + num(c.to); break;
        }
    }
    return labels;
}

// --- formats ----------------------------------------------------------------------------------

bool FormatCache::Spec::operator<(const Spec& o) const {
    return std::tie(font, size, bold, border, align, wrap, num_format) <
           std::tie(o.font, o.size, o.bold, o.border, o.align, o.wrap, o.num_format);
}

lxw_format* FormatCache::get(const Spec& s) {
    if (auto it = cache_.find(s); it != cache_.end()) return it->second;
    lxw_format* f = wb_.add_format();
    format_set_font_name(f, s.font.c_str());
    format_set_font_size(f, s.size);
    if (s.bold) format_set_bold(f);
    if (s.border) format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, s.align == 'c' ? LXW_ALIGN_CENTER : s.align == 'r' ? LXW_ALIGN_RIGHT : LXW_ALIGN_LEFT);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (s.wrap) format_set_text_wrap(f);
    if (!s.num_format.empty()) format_set_num_format(f, s.num_format.c_str());
    cache_.emplace(s, f);
    return f;
}

// --- rendering --------------------------------------------------------------------------------
// render_sheet in three parts: the column plan and the values (core/report/sheet_values.h: the
// 合计/小计 rows computed in one pass before any row is written), then the cells written strictly
// top to bottom, so the workbook can stream rows to disk (libxlsxwriter constant_memory).

namespace {

using sheet::Cell;
using sheet::ColumnPlan;

// Display width of text in digit widths (Excel's column unit). Readers differ: Excel with 宋体
// 10pt puts a CJK glyph at about 1.8-1.9 digit widths, LibreOffice with the fallback CJK fonts of
// a Linux desktop at about 1.5 (ASCII 0.85); a layout is judged under both.
struct GlyphWidths {
    double cjk, ascii;
};
constexpr GlyphWidths kExcelGlyphs{1.9, 1.0};
constexpr GlyphWidths kLibreOfficeGlyphs{1.5, 0.85};
constexpr double kCellPadding = 1.0;  // the cell's inner margins, in digit widths

struct Wrapped {
    int lines = 1;
    double last = 0;   // the width used on the last line
    double total = 0;  // the width of the longest line written on one line
};

// How a wrapped cell `width` digit widths wide breaks `text` (explicit line breaks respected).
Wrapped wrap_text(std::string_view text, double width, GlyphWidths g = {1.8, 1.0}) {
    const double usable = std::max(1.0, width);
    Wrapped out;
    double unbroken = 0;
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') { ++out.lines; out.last = 0; unbroken = 0; ++i; continue; }
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        double w = len == 1 ? g.ascii : g.cjk;
        if (out.last + w > usable) { ++out.lines; out.last = 0; }
        out.last += w;
        unbroken += w;
        out.total = std::max(out.total, unbroken);
        i += len;
    }
    return out;
}

// Lines of a wrapped cell of `width` characters, for its row height.
int wrapped_lines(const std::string& text, double width) { return wrap_text(text, width).lines; }

// A text “名称（说明）” that does not fit on one line breaks before its bracket, so that the note
// starts the second line (谢洪涛 / （广阳区区长）) instead of leaving “）” alone on the last one.
// Where that break goes (the bracket's byte offset), or npos when the text stays as it is.
std::size_t note_break(std::string_view text, double width) {
    static constexpr std::string_view open = "（", close = "）";
    if (text.find('\n') != std::string_view::npos || text.size() <= close.size() || !text.ends_with(close))
        return std::string_view::npos;
    const auto at = text.rfind(open);
    if (at == std::string_view::npos || at == 0) return std::string_view::npos;
    if (wrap_text(text, width - kCellPadding, kExcelGlyphs).lines == 1) return std::string_view::npos;
    return at;
}

std::string break_before_note(const std::string& text, double width) {
    const auto at = note_break(text, width);
    if (at == std::string::npos) return text;
    return text.substr(0, at) + "\n" + text.substr(at);
}

// wrap_text(break_before_note(text, width), width - kCellPadding, g) without building the text
// (the orphan search asks it for every distinct text at every candidate width).
Wrapped wrap_with_note(std::string_view text, double width, GlyphWidths g) {
    const auto at = note_break(text, width);
    if (at == std::string_view::npos) return wrap_text(text, width - kCellPadding, g);
    const Wrapped head = wrap_text(text.substr(0, at), width - kCellPadding, g);
    Wrapped note = wrap_text(text.substr(at), width - kCellPadding, g);
    note.lines += head.lines;
    note.total = std::max(note.total, head.total);
    return note;
}

// A distinct text of a column and how many cells hold it.
struct CountedText {
    const std::string* text;
    std::size_t count;
};

// Texts that would leave a lone character or two on their last line at `width`, in either reader
// (each distinct text judged once, counted as often as it occurs). Counting stops at `enough`:
// a width with that many is no better than one already found.
std::size_t orphans(const std::vector<CountedText>& texts, double width, std::size_t enough = SIZE_MAX) {
    std::size_t bad = 0;
    for (const CountedText& t : texts) {
        for (GlyphWidths g : {kExcelGlyphs, kLibreOfficeGlyphs}) {
            Wrapped f = wrap_with_note(*t.text, width, g);
            if (f.lines > 1 && f.last < 2.5 * g.cjk) { bad += t.count; break; }
        }
        if (bad >= enough) break;
    }
    return bad;
}

// The shape of a text as the wrapping sees it: every character but the line break and the
// brackets of a note replaced by one of its width class (ASCII "a", any other "中"). Texts of one
// shape wrap alike at every width, in every reader, and break before their note alike, so the
// width search judges each shape once: a column of 100,000 distinct project names has a few
// thousand shapes.
std::string wrap_shape(std::string_view text) {
    static constexpr std::string_view open = "（", close = "）", wide = "中";
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        std::string_view ch = text.substr(i, len);
        if (len == 1) out += c == '\n' ? '\n' : 'a';
        else if (ch == open || ch == close) out += ch;
        else out += wide;
        i += len;
    }
    return out;
}

// A wrapped text column sized from its texts (a lone “）” or “点” on a last line reads badly):
// wide enough for the longest text on one line in every reader if that is at most 1.75 times
// the template's width; else the narrowest width up to 1.5 times at which no text leaves a lone
// character, or that at least halves such texts; else the template's width.
// The texts are judged once per shape (wrap_shape: a column of 100,000 rows repeats its
// leaders, units and stages, and its names repeat their lengths), and only those that break at
// the template's width: a text on one line there stays on one line at every wider width, never
// leaving a lone character.
double fitted_width(double width, const std::vector<const std::string*>& all_texts) {
    if (all_texts.empty()) return width;
    std::unordered_map<std::string, std::size_t> index;  // shape -> entry of texts, SIZE_MAX: never breaks
    std::vector<CountedText> texts;
    double longest = 0;
    for (const std::string* t : all_texts) {
        auto [it, added] = index.try_emplace(wrap_shape(*t), texts.size());
        if (!added) {
            if (it->second != SIZE_MAX) ++texts[it->second].count;
            continue;
        }
        const std::string& shape = it->first;  // a map key: its address stays
        longest = std::max(longest, wrap_text(shape, 1e9, kExcelGlyphs).total);
        if (wrap_text(shape, width - kCellPadding, kExcelGlyphs).lines == 1) {
            it->second = SIZE_MAX;  // never an orphan at this width or wider (Excel's glyphs are the wider)
            continue;
        }
        texts.push_back({&shape, 1});
    }
    const double one_line = std::ceil((longest + kCellPadding) * 2) / 2;
    if (one_line <= width) return width;
    if (one_line <= width * 1.75) return one_line;
    const std::size_t at_width = orphans(texts, width);
    if (at_width == 0) return width;
    double best = width;
    std::size_t best_bad = at_width;
    for (double w = width + 0.5; w <= width * 1.5 + 1e-9; w += 0.5) {
        std::size_t bad = orphans(texts, w, best_bad);
        if (bad < best_bad) { best = w; best_bad = bad; }
        if (bad == 0) break;
    }
    return best_bad * 2 <= at_width ? best : width;
}

// A header as one line (chart legends): a line break between CJK text goes away, between two
// ASCII words it becomes a space ("1-6月\n完成投资" -> "1-6月完成投资").
std::string one_line(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n') { out += text[i]; continue; }
        bool ascii_before = !out.empty() && static_cast<unsigned char>(out.back()) < 0x80 && out.back() != ' ';
        bool ascii_after = i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0x80;
        if (ascii_before && ascii_after) out += ' ';
    }
    return out;
}

// The fixed formats of a sheet's frame.
struct FrameFormats {
    lxw_format *title, *left, *right, *head, *num, *total_label, *empty;
    FrameFormats(FormatCache& formats, const SheetDef& sheet) {
        const std::string& font = sheet.font_name;
        const double fs = sheet.font_size;
        title = formats.get({font, 18, true, false, 'c', false, ""});
        left = formats.get({font, fs, false, false, 'l', false, ""});
        right = formats.get({font, fs, false, false, 'r', false, ""});
        head = formats.get({font, fs, true, true, 'c', true, ""});
        num = formats.get({font, fs, false, true, 'c', true, ""});
        total_label = formats.get({font, fs, true, true, 'l', false, ""});
        empty = formats.get({font, fs, false, true, 'c', false, ""});
    }
};

// Title, 填报单位/单位 row, header (one row, or two with group headers merged above their
// columns) and the column-number row, each row complete before the next. Returns the first row
// after them; `header_first`/`header_last` are the rows repeated on every printed page.
std::uint32_t write_frame_top(XlsxWorksheet& ws, const SheetDef& sheet, const ReportContext& ctx, const FrameFormats& f,
                              std::uint32_t& header_first, std::uint32_t& header_last) {
    const std::size_t ncols = sheet.columns.size();
    const auto last_col = static_cast<std::uint16_t>(ncols - 1);
    std::uint32_t row = 0;
    // Title.
    ws.row_height(row, 36);
    ws.merge(row, 0, row, last_col, expand_placeholders(sheet.title, ctx), f.title);
    ++row;
    // 填报单位 left, 单位 right.
    {
        std::uint16_t split = static_cast<std::uint16_t>(ncols >= 4 ? ncols / 2 : ncols > 1 ? ncols - 1 : 1);
        std::uint16_t right_from = static_cast<std::uint16_t>(ncols >= 6 ? std::max<std::size_t>(split + 1, ncols - 3) : split);
        ws.row_height(row, 20);
        if (sheet.show_filler_unit && ncols > 1)
            ws.merge(row, 0, row, static_cast<std::uint16_t>(std::min<int>(split, right_from - 1)),
                     "填报单位（盖章）：" + ctx.filler_unit, f.left);
        if (!sheet.unit.empty())
            ws.merge(row, ncols > 1 ? right_from : 0, row, last_col, "单位：" + expand_placeholders(sheet.unit, ctx), f.right);
        ++row;
    }
    header_first = row;
    if (sheet.has_groups_header()) {
        // Upper row: the group headers (merged across their columns) and the texts of the
        // ungrouped columns; then the lower row: the grouped columns' headers. The ungrouped
        // columns are merged down over both rows last: libxlsxwriter's merge writes the top cell
        // (already written, and in constant_memory mode no longer writable, which it ignores)
        // and blanks below it.
        ws.row_height(row, 20);
        for (std::size_t c = 0; c < ncols;) {
            const ColumnDef& def = sheet.columns[c];
            auto cc = static_cast<std::uint16_t>(c);
            if (def.group.empty()) {
                ws.text(row, cc, expand_placeholders(def.header, ctx), f.head);
                ++c;
                continue;
            }
            std::size_t e = c;
            while (e + 1 < ncols && sheet.columns[e + 1].group == def.group) ++e;
            ws.merge(row, cc, row, static_cast<std::uint16_t>(e), expand_placeholders(def.group, ctx), f.head);
            c = e + 1;
        }
        ws.row_height(row + 1, 32);
        for (std::size_t c = 0; c < ncols; ++c)
            if (!sheet.columns[c].group.empty())
                ws.text(row + 1, static_cast<std::uint16_t>(c), expand_placeholders(sheet.columns[c].header, ctx), f.head);
        for (std::size_t c = 0; c < ncols; ++c)
            if (sheet.columns[c].group.empty()) {
                auto cc = static_cast<std::uint16_t>(c);
                ws.merge(row, cc, row + 1, cc, expand_placeholders(sheet.columns[c].header, ctx), f.head);
            }
        row += 2;
    } else {
        ws.row_height(row, 32);
        for (std::size_t c = 0; c < ncols; ++c)
            ws.text(row, static_cast<std::uint16_t>(c), expand_placeholders(sheet.columns[c].header, ctx), f.head);
        row += 1;
    }
    if (sheet.column_numbers) {
        auto labels = column_number_labels(sheet);
        for (std::size_t c = 0; c < ncols; ++c) ws.text(row, static_cast<std::uint16_t>(c), labels[c], f.num);
        ++row;
    }
    header_last = row - 1;
    return row;
}

// Writes cells of one sheet: values with their column's scale, total rows with formulas.
class CellWriter {
public:
    CellWriter(XlsxWorksheet& ws, const SheetDef& sheet, const sheet::SheetPlan& plan, const FrameFormats& f)
        : ws_(ws), sheet_(sheet), plan_(plan), f_(f) {}

    void value(std::uint32_t r, std::uint16_t c, const Cell& v, lxw_format* f) {
        const ColumnPlan& p = plan_.columns[c];
        switch (v.kind) {
            case Cell::Empty: ws_.blank(r, c, f); break;
            case Cell::Int: ws_.number(r, c, p.scale == 1 ? static_cast<double>(v.i) : static_cast<double>(v.i) / static_cast<double>(p.scale), f); break;
            case Cell::Real: ws_.number(r, c, v.d, f); break;
            case Cell::Text: ws_.text(r, c, v.s, f); break;
        }
    }

    // A total row: label merged over the text columns, sums as SUBTOTAL formulas with cached
    // values (SUBTOTAL ignores the 小计 rows inside the 合计 range), derived as formulas.
    void total(std::uint32_t r, const std::string& label, const std::vector<Cell>& t, std::uint32_t from, std::uint32_t to,
               bool has_range, std::uint32_t grand_row) {
        const std::size_t ncols = plan_.columns.size();
        ws_.merge(r, 0, r, plan_.label_end, label, f_.total_label);
        for (std::uint16_t c = plan_.label_end + 1; c < ncols; ++c) {
            const ColumnPlan& p = plan_.columns[c];
            const Cell& v = t[c];
            if (sheet_.formulas && v.kind != Cell::Empty && v.kind != Cell::Text) {
                std::string formula;
                std::string self = column_letters(c);
                if (p.def->total == TotalRule::Sum && has_range) {
                    formula = "=SUBTOTAL(9," + self + std::to_string(from + 1) + ":" + self + std::to_string(to + 1) + ")";
                } else if (p.def->total == TotalRule::Derive) {
                    std::string a = cell_ref(r, static_cast<std::uint16_t>(p.of));
                    std::string b = p.to >= 0 ? cell_ref(r, static_cast<std::uint16_t>(p.to)) : "";
                    switch (p.def->derive) {
                        case DeriveOp::Ratio: formula = "=" + a + "/" + b; break;
                        case DeriveOp::Growth: formula = "=" + a + "/" + b + "-1"; break;
                        case DeriveOp::Diff: formula = "=" + a + "-" + b; break;
                        case DeriveOp::Share:
                            if (sheet_.grand_total) {
                                std::string col = column_letters(static_cast<std::uint16_t>(p.of));
                                formula = "=" + a + "/" + col + "$" + std::to_string(grand_row + 1);
                            }
                            break;
                        case DeriveOp::None: break;
                    }
                }
                if (!formula.empty()) {
                    const double cached = v.kind == Cell::Int ? static_cast<double>(v.i) / static_cast<double>(p.scale) : v.d;
                    ws_.formula(r, c, formula, cached, p.total);
                    continue;
                }
            }
            value(r, c, v, p.total);
        }
    }

    // A detail row; its height first (readers do not grow rows for wrapped text on their own:
    // LibreOffice keeps the stored height), then its cells.
    void detail(std::uint32_t r, std::vector<Cell>& cells, std::int64_t seq) {
        const std::size_t ncols = plan_.columns.size();
        const double line_height = sheet_.font_size * 1.35 + 0.5;
        int lines = 1;
        for (std::uint16_t c = 0; c < ncols; ++c) {
            const ColumnPlan& p = plan_.columns[c];
            Cell& v = cells[c];
            if (v.kind != Cell::Text || !p.def->wrap) continue;
            v.s = break_before_note(v.s, p.width);
            if (v.s.size() * 2 > static_cast<std::size_t>(p.width) / 2)
                lines = std::max(lines, wrapped_lines(v.s, p.width - kCellPadding));
        }
        if (lines > 1) ws_.row_height(r, std::max(15.0, lines * line_height + 2));
        for (std::uint16_t c = 0; c < ncols; ++c) {
            const ColumnPlan& p = plan_.columns[c];
            if (p.def->type == ColumnType::Seq) ws_.number(r, c, static_cast<double>(seq), p.body);
            else value(r, c, cells[c], p.body);
        }
    }

private:
    XlsxWorksheet& ws_;
    const SheetDef& sheet_;
    const sheet::SheetPlan& plan_;
    const FrameFormats& f_;
};

}  // namespace

SheetSummary render_sheet(XlsxWorkbook& wb, FormatCache& formats, const SheetDef& sheet, const ResultTable& data,
                          const ReportContext& ctx, const std::string& query_label, const RowProgress& on_rows) {
    const std::size_t ncols = sheet.columns.size();
    const auto last_col = static_cast<std::uint16_t>(ncols - 1);

    // 1. Column plan; 2. values: the totals in one pass before anything is written.
    sheet::SheetPlan plan = sheet::plan_columns(formats, sheet, data, query_label);
    // Wrapped text columns sized from their texts.
    for (auto& p : plan.columns) {
        if (!p.def->wrap || !sheet::is_text_type(p.def->type) || p.source < 0) continue;
        std::vector<const std::string*> texts;
        for (const auto& r : data.rows)
            if (const auto* t = std::get_if<std::string>(&r[static_cast<std::size_t>(p.source)]); t && !t->empty())
                texts.push_back(t);
        p.width = fitted_width(p.def->width, texts);
    }
    const sheet::Totals totals = sheet::compute_totals(plan, data, query_label);
    const auto& groups = totals.groups;
    const std::size_t nrows = data.rows.size();

    // 3. Cells, top to bottom.
    std::string sheet_name = expand_placeholders(sheet.sheet_name, ctx);
    XlsxWorksheet ws = wb.add_sheet(sheet_name);
    const std::string& font = sheet.font_name;
    const FrameFormats ff(formats, sheet);
    for (std::size_t c = 0; c < ncols; ++c)
        ws.column_width(static_cast<std::uint16_t>(c), static_cast<std::uint16_t>(c), plan.columns[c].width);
    std::uint32_t header_first = 0, header_last = 0;
    std::uint32_t row = write_frame_top(ws, sheet, ctx, ff, header_first, header_last);

    SheetSummary summary;
    summary.sheet_name = sheet_name;
    summary.data_rows = nrows;
    summary.groups = groups.size();
    summary.first_data_row = row;

    // Rows of the detail block in the sheet, to build formulas.
    const std::uint32_t grand_row = row;
    const std::uint32_t block_first = sheet.grand_total ? row + 1 : row;
    const auto block_rows = static_cast<std::uint32_t>(nrows + groups.size());
    const std::uint32_t block_last = block_rows == 0 ? block_first : block_first + block_rows - 1;

    CellWriter out(ws, sheet, plan, ff);
    if (sheet.grand_total) {
        out.total(row, expand_placeholders(sheet.grand_total_label, ctx), totals.grand, block_first, block_last, nrows > 0, grand_row);
        ++row;
    }
    std::int64_t seq = 0;
    std::vector<Cell> cells;
    auto write_detail = [&](std::size_t r) {
        sheet::row_cells(plan, data, r, query_label, cells);
        sheet::derive_cells(plan, cells, totals.grand_sums, false);
        out.detail(row, cells, ++seq);
        ++row;
        if (on_rows && (r + 1) % kRowChunk == 0) on_rows(r + 1, nrows);
    };
    if (nrows == 0) {
        ws.merge(row, 0, row, last_col, sheet.empty_text, ff.empty);
        ++row;
    } else if (!groups.empty()) {
        for (const auto& gr : groups) {
            std::uint32_t sub_row = row;
            std::map<std::string, std::string> extra{{"group", gr.name}, {"count", std::to_string(gr.end - gr.begin)}};
            out.total(sub_row, expand_placeholders(sheet.group_label, ctx, extra), gr.totals, sub_row + 1,
                      sub_row + static_cast<std::uint32_t>(gr.end - gr.begin), true, grand_row);
            ++row;
            for (std::size_t r = gr.begin; r < gr.end; ++r) write_detail(r);
        }
    } else {
        for (std::size_t r = 0; r < nrows; ++r) write_detail(r);
    }
    if (on_rows) on_rows(nrows, nrows);
    summary.last_row = row - 1;
    const std::uint32_t data_first_row = block_first + (groups.empty() ? 0 : 1);
    const std::uint32_t data_last_row = row - 1;

    // Footer line: 单位负责人 / 统计负责人 / 填表人 / 联系电话 / 报出日期.
    if (sheet.footer) {
        ++row;
        auto field = [](const std::string& label, const std::string& value) {
            return label + "：" + (value.empty() ? std::string("            ") : value + "    ") + "    ";
        };
        std::string line = field("单位负责人", ctx.footer_head) + field("统计负责人", ctx.footer_stat_head) +
                           field("填表人", ctx.footer_filler) + field("联系电话", ctx.footer_phone) +
                           "报出日期：" + ctx.report_date;
        ws.merge(row, 0, row, last_col, line, ff.left);
        ++row;
    }

    // Charts below the table (their data must be one contiguous block: no groups).
    if (!sheet.charts.empty() && nrows > 0) {
        if (!groups.empty()) throw TemplateError(query_label + "：图表只能用于不分组的表");
        std::uint32_t chart_row = row + 1;
        for (const auto& cd : sheet.charts) {
            std::uint8_t type = cd.type == "bar" ? LXW_CHART_BAR : cd.type == "line" ? LXW_CHART_LINE
                              : cd.type == "pie" ? LXW_CHART_PIE : LXW_CHART_COLUMN;
            lxw_chart* chart = wb.add_chart(type);
            auto cat_col = static_cast<std::uint16_t>(sheet.column_index(cd.categories));
            for (const auto& key : cd.series) {
                auto col = static_cast<std::uint16_t>(sheet.column_index(key));
                lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
                if (!s) throw Error("生成 Excel 文件出错：无法添加图表数据系列");
                chart_series_set_categories(s, summary.sheet_name.c_str(), data_first_row, cat_col, data_last_row, cat_col);
                chart_series_set_values(s, summary.sheet_name.c_str(), data_first_row, col, data_last_row, col);
                std::string name = one_line(expand_placeholders(sheet.columns[col].header, ctx));
                chart_series_set_name(s, name.c_str());
                if (type == LXW_CHART_LINE) chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
            }
            lxw_chart_font title_font{};
            title_font.name = const_cast<char*>(font.c_str());
            title_font.size = 12;
            title_font.bold = LXW_EXPLICIT_FALSE;
            std::string title = expand_placeholders(cd.title, ctx);
            if (!title.empty()) {
                chart_title_set_name(chart, title.c_str());
                chart_title_set_name_font(chart, &title_font);
            }
            lxw_chart_font small{};
            small.name = const_cast<char*>(font.c_str());
            small.size = 9;
            chart_legend_set_font(chart, &small);
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            if (type != LXW_CHART_PIE) {
                chart_axis_set_num_font(chart->x_axis, &small);
                chart_axis_set_num_font(chart->y_axis, &small);
                // Amounts and counts with thousands separators unless the template says otherwise.
                std::string y_format = cd.y_axis_format;
                if (y_format.empty() && !cd.series.empty()) {
                    ColumnType t = sheet.columns[static_cast<std::size_t>(sheet.column_index(cd.series[0]))].type;
                    if (t == ColumnType::Money || t == ColumnType::Usd || t == ColumnType::Integer || t == ColumnType::Number)
                        y_format = "#,##0";
                }
                if (!y_format.empty()) chart_axis_set_num_format(chart->y_axis, y_format.c_str());
                std::string y_title = expand_placeholders(cd.y_axis_title, ctx);
                if (!y_title.empty()) {
                    chart_axis_set_name(chart->y_axis, y_title.c_str());
                    chart_axis_set_name_font(chart->y_axis, &small);
                }
            }
            lxw_chart_options opt{};
            opt.x_scale = cd.width_px / 480.0;
            opt.y_scale = cd.height_px / 288.0;
            check_lxw(worksheet_insert_chart_opt(ws.raw(), chart_row, 0, chart, &opt), "插入图表");
            chart_row += static_cast<std::uint32_t>(cd.height_px / 20 + 2);
        }
    }

    // View and print setup.
    std::uint16_t freeze_col = 0;
    if (!sheet.freeze_after.empty()) freeze_col = static_cast<std::uint16_t>(sheet.column_index(sheet.freeze_after) + 1);
    worksheet_freeze_panes(ws.raw(), header_last + 1, freeze_col);
    if (sheet.page.landscape) worksheet_set_landscape(ws.raw());
    else worksheet_set_portrait(ws.raw());
    worksheet_set_paper(ws.raw(), sheet.page.paper == "A3" ? 8 : 9);
    worksheet_set_margins(ws.raw(), 0.4, 0.4, 0.6, 0.6);
    worksheet_center_horizontally(ws.raw());
    if (sheet.page.fit_width) worksheet_fit_to_pages(ws.raw(), 1, 0);
    check_lxw(worksheet_repeat_rows(ws.raw(), header_first, header_last), "设置打印标题行");
    check_lxw(worksheet_set_footer(ws.raw(), "&C第 &P 页，共 &N 页"), "设置页脚");
    return summary;
}

}  // namespace il::report
