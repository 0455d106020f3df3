// .csv reader: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK/GB18030; RFC 4180 quoting
// with embedded newlines; ',' unless ';' or tab is clearly the separator (or a "sep=" line says).
// Every cell is Text: the mapping layer parses numbers and dates.
#include <array>
#include <cstring>
#include <map>

#include "core/import/read/reader_support.h"
#include "core/import/read/text_encoding.h"
#include "core/import/read/workbook.h"

namespace il::import {
namespace detail {
namespace {

// Counts separators outside quotes on the first records, and picks the one used consistently.
char detect_separator(std::string_view text) {
    const std::array<char, 3> candidates = {',', ';', '\t'};
    std::array<std::map<int, int>, 3> histograms;  // count per line -> lines
    std::array<int, 3> counts{};
    int lines = 0;
    bool in_quotes = false;
    bool line_has_content = false;
    for (std::size_t i = 0; i < text.size() && lines < 50; ++i) {
        char c = text[i];
        if (c == '"') in_quotes = !in_quotes;
        if (in_quotes) continue;
        if (c == '\n' || c == '\r') {
            if (line_has_content) {
                for (std::size_t k = 0; k < 3; ++k) ++histograms[k][counts[k]];
                ++lines;
            }
            counts = {};
            line_has_content = false;
            continue;
        }
        line_has_content = true;
        for (std::size_t k = 0; k < 3; ++k)
            if (c == candidates[k]) ++counts[k];
    }
    if (line_has_content) {
        for (std::size_t k = 0; k < 3; ++k) ++histograms[k][counts[k]];
        ++lines;
    }
    if (lines == 0) return ',';
    // For each candidate: the most frequent non-zero count, and on how many lines it occurs.
    std::array<int, 3> agree{};
    for (std::size_t k = 0; k < 3; ++k) {
        int best_lines = 0;
        for (const auto& [count, n] : histograms[k])
            if (count > 0 && n > best_lines) best_lines = n;
        agree[k] = best_lines;
    }
    // Comma wins unless another separator is used consistently on clearly more lines.
    if (agree[0] * 2 >= lines && agree[0] >= agree[1] && agree[0] >= agree[2]) return ',';
    std::size_t best = 0;
    for (std::size_t k = 1; k < 3; ++k)
        if (agree[k] > agree[best]) best = k;
    return agree[best] > 0 ? candidates[best] : ',';
}

}  // namespace

Workbook read_csv_named(std::string_view bytes, const std::string& label, const std::string& sheet_name,
                        const ReadLimits& limits) {
    if (bytes.size() > limits.max_uncompressed_bytes)
        fail(label, "文件太大，超过上限 " + std::to_string(limits.max_uncompressed_bytes / (1024 * 1024)) + " MB");
    const bool utf16 = bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
    if (!utf16) {
        auto nul = bytes.find('\0');
        if (nul != std::string_view::npos)
            fail(label, "文件含有二进制数据，不是文本（CSV）文件，可能是扩展名错误或文件已损坏");
    }
    DecodedText decoded = decode_text(bytes, label);
    std::string_view text = decoded.utf8;
    if (text.find('\0') != std::string_view::npos)
        fail(label, "文件含有二进制数据，不是文本（CSV）文件");

    char sep = 0;
    // Excel's "sep=;" first line.
    if (text.size() >= 5 && text.substr(0, 4) == "sep=" &&
        (text.size() == 5 || text[5] == '\n' || text[5] == '\r')) {
        sep = text[4];
        std::size_t skip = 5;
        if (skip < text.size() && text[skip] == '\r') ++skip;
        if (skip < text.size() && text[skip] == '\n') ++skip;
        text.remove_prefix(skip);
    }
    if (sep == 0) sep = detect_separator(text);

    Workbook book;
    book.sheets.emplace_back();
    Sheet& sheet = book.sheets.back();
    sheet.name = sheet_name;
    ReadBudget used;
    SheetBuilder builder(sheet, label, limits, used);

    int record = 0;
    int col = 0;
    std::string field;
    bool quoted = false;       // the current field started with a quote
    bool in_quotes = false;    // inside the quoted part
    long line = 1;
    long quote_line = 0;
    builder.begin_row(0);
    auto flush_field = [&]() {
        if (col >= kMaxCols)
            fail(label, "第 " + std::to_string(record + 1) + " 行的列数超过 " + std::to_string(kMaxCols));
        if (!field.empty()) {
            Cell c;
            c.type = CellType::Text;
            c.text = std::move(field);
            builder.set(col, std::move(c));
        }
        field.clear();
        quoted = false;
        ++col;
    };
    auto end_record = [&]() {
        flush_field();
        builder.end_row();
        ++record;
        if (record >= kMaxRows)
            fail(label, "行数超过 " + std::to_string(kMaxRows) + "，文件太大");
        col = 0;
        builder.begin_row(record);
    };

    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n; ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
        } else if (c == sep) {
            flush_field();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
            ++line;
            end_record();
        } else if (c == '"' && field.empty() && !quoted) {
            quoted = true;
            in_quotes = true;
            quote_line = line;
        } else {
            field += c;  // includes a stray quote inside an unquoted field, kept literally
        }
        if (field.size() > limits.max_cell_bytes)
            fail(label, "第 " + std::to_string(record + 1) + " 行第 " + std::to_string(col + 1) +
                            " 列的内容太长（超过 " + std::to_string(limits.max_cell_bytes) + " 字节）");
    }
    if (in_quotes)
        fail(label, "第 " + std::to_string(quote_line) +
                        " 行开始的带引号字段没有结束引号（文件可能被截断，或引号使用有误）");
    flush_field();
    builder.finish();
    return book;
}

}  // namespace detail

Workbook read_csv_bytes(std::string_view bytes, const ReadLimits& limits) {
    return detail::read_csv_named(bytes, "（内存中的 CSV）", "CSV", limits);
}

Workbook read_csv(const std::filesystem::path& file, const ReadLimits& limits) {
    const std::string label = detail::file_label(file);
    std::string bytes = detail::read_file_bytes(file, limits.max_uncompressed_bytes);
    auto stem = file.stem().u8string();
    return detail::read_csv_named(bytes, label, std::string(stem.begin(), stem.end()), limits);
}

}  // namespace il::import
